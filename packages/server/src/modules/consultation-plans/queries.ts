import { and, asc, eq } from 'drizzle-orm';
import { planItemLabel, type ConsultationPlanListItem, type PlanItemOptions } from '@cppcc/shared';
import { consultationPlanItems, consultationPlans } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { getSettings } from '../../lib/settings';
import { loadPlans } from './loader';
import { presentItem, presentPlanListItem } from './presenter';
import { authorizePlans } from './workflow';

/** The committee's plans, newest year first, with their counts (one a year, so never many). */
export async function listPlans(ctx: ServiceContext, query: { year?: number }) {
  authorizePlans(ctx.actor, 'read');
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const plans = await loadPlans(ctx.db, ctx.actor.committeeId, query);
  const items: ConsultationPlanListItem[] = plans.map((p) =>
    presentPlanListItem(
      settings,
      p.row,
      p.items.map((i) => presentItem(settings, i)),
    ),
  );
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}

/** The items of a year's plan an activity may carry out, by quarter, as the activity form offers them. */
export async function planItemOptions(ctx: ServiceContext, year: number): Promise<PlanItemOptions> {
  authorizePlans(ctx.actor, 'read');
  const rows = await ctx.db
    .select({
      id: consultationPlanItems.id,
      topic: consultationPlanItems.topic,
      quarter: consultationPlanItems.quarter,
    })
    .from(consultationPlanItems)
    .innerJoin(consultationPlans, eq(consultationPlans.id, consultationPlanItems.planId))
    .where(
      and(
        eq(consultationPlans.committeeId, ctx.actor.committeeId),
        eq(consultationPlanItems.committeeId, ctx.actor.committeeId),
        eq(consultationPlans.year, year),
      ),
    )
    .orderBy(
      asc(consultationPlanItems.quarter),
      asc(consultationPlanItems.position),
      asc(consultationPlanItems.id),
    );
  return rows.map((r) => ({ id: r.id, label: planItemLabel(r) }));
}
