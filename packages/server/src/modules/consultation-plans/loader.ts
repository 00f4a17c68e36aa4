import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  activities,
  consultationPlanItems,
  consultationPlans,
  specialCommittees,
  timelineEvents,
} from '../../db/schema';
import { jsonRows, outer, rowFromJson } from '../../lib/json-rows';
import { planAccess, type PlanRow } from './workflow';

type Json = Record<string, unknown>;
const asRows = (v: unknown) => v as Json[];

/**
 * The plan's items, each with its lead special committee and the activities that carry it out (of the
 * plan's committee only), as one JSON column of the plan's row.
 */
const itemsColumn = () =>
  jsonRows(
    sql`jsonb_build_object('row', to_jsonb(${consultationPlanItems}), 'leadName', ${specialCommittees.name},
      'activities', ${jsonRows(
        sql`jsonb_build_object('id', ${activities.id}, 'topic', ${activities.topic}, 'startsAt', ${activities.startsAt}, 'state', ${activities.state})`,
        sql`from ${activities} where ${activities.planItemId} = ${consultationPlanItems.id}
          and ${activities.committeeId} = ${consultationPlanItems.committeeId}`,
        sql`${activities.startsAt}, ${activities.id}`,
      )})`,
    sql`from ${consultationPlanItems} left join ${specialCommittees}
      on ${specialCommittees.id} = ${consultationPlanItems.leadSpecialCommitteeId}
      and ${specialCommittees.committeeId} = ${consultationPlanItems.committeeId}
      where ${consultationPlanItems.planId} = ${outer(consultationPlans.id)}
      and ${consultationPlanItems.committeeId} = ${outer(consultationPlans.committeeId)}`,
    sql`${consultationPlanItems.quarter}, ${consultationPlanItems.position}, ${consultationPlanItems.id}`,
  ).mapWith(asRows);

export interface LoadedLinkedActivity {
  id: number;
  topic: string;
  startsAt: Date;
  state: string;
}

const itemsOf = (rows: Json[]) =>
  rows.map((i) => ({
    item: rowFromJson(consultationPlanItems, i.row as Json),
    leadName: i.leadName as string | null,
    activities: (i.activities as Json[]).map((a): LoadedLinkedActivity => ({
      id: a.id as number,
      topic: a.topic as string,
      startsAt: new Date(a.startsAt as string),
      state: a.state as string,
    })),
  }));
export type LoadedPlanItem = ReturnType<typeof itemsOf>[number];

/** Plans of the committee, newest year first, each with its items (for the counts). */
export async function loadPlans(db: DbOrTx, committeeId: number, filter: { year?: number } = {}) {
  const rows = await db
    .select({ plan: consultationPlans, items: itemsColumn() })
    .from(consultationPlans)
    .where(
      and(
        eq(consultationPlans.committeeId, committeeId),
        filter.year ? eq(consultationPlans.year, filter.year) : undefined,
      ) as SQL,
    )
    .orderBy(desc(consultationPlans.year));
  return rows.map((r) => ({ row: r.plan as PlanRow, items: itemsOf(r.items) }));
}
export type LoadedPlan = Awaited<ReturnType<typeof loadPlans>>[number];

/** Everything the plan's page shows, in one round trip: the plan, its items with their activities, its timeline. */
export async function loadPlanDetail(db: DbOrTx, committeeId: number, id: number) {
  const [found] = await db
    .select({
      plan: consultationPlans,
      items: itemsColumn(),
      timeline: jsonRows(
        sql`to_jsonb(${timelineEvents})`,
        sql`from ${timelineEvents} where ${timelineEvents.committeeId} = ${outer(consultationPlans.committeeId)}
          and ${timelineEvents.recordType} = 'consultationPlan' and ${timelineEvents.recordId} = ${outer(consultationPlans.id)}`,
        sql`${timelineEvents.id}`,
      ).mapWith(asRows),
    })
    .from(consultationPlans)
    .where(and(eq(consultationPlans.id, id), eq(consultationPlans.committeeId, committeeId)));
  if (!found) return null;
  const row = found.plan as PlanRow;
  return {
    row,
    access: planAccess(row),
    items: itemsOf(found.items),
    timeline: found.timeline.map((t) => rowFromJson(timelineEvents, t)),
  };
}
export type PlanDetailData = NonNullable<Awaited<ReturnType<typeof loadPlanDetail>>>;
