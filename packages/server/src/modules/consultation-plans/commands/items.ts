import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { CommitteeSettings, PlanItemInput } from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { activities, consultationPlanItems } from '../../../db/schema';
import { conflict, invalidField } from '../../../lib/errors';
import { checkSpecialCommittees } from '../../../lib/references';
import type { PlanRow } from '../workflow';

type ItemRow = typeof consultationPlanItems.$inferSelect;

/** What the schema cannot check: kinds of the committee's setting, its own special committees. */
export async function checkItems(
  db: DbOrTx,
  committeeId: number,
  settings: CommitteeSettings,
  items: PlanItemInput[],
) {
  items.forEach((item, i) => {
    if (!settings.activityKinds.some((k) => k.code === item.kind))
      throw invalidField(`body.items.${i}.kind`, `协商形式“${item.kind}”不在本会设置的活动类型中`);
  });
  await checkSpecialCommittees(
    db,
    committeeId,
    items.flatMap((item, i) =>
      item.leadSpecialCommitteeId
        ? [{ id: item.leadSpecialCommitteeId, path: `body.items.${i}.leadSpecialCommitteeId` }]
        : [],
    ),
  );
}

const fieldsOf = (item: PlanItemInput, position: number) => ({
  position,
  topic: item.topic,
  kind: item.kind,
  leadSpecialCommitteeId: item.leadSpecialCommitteeId ?? null,
  quarter: item.quarter,
  note: item.note ?? null,
});

/** Adds the items of a new plan, in the order given. */
export async function insertItems(db: DbOrTx, plan: PlanRow, items: PlanItemInput[]) {
  if (items.length === 0) return [];
  return db
    .insert(consultationPlanItems)
    .values(
      items.map((item, i) => ({ committeeId: plan.committeeId, planId: plan.id, ...fieldsOf(item, i + 1) })),
    )
    .returning();
}

const changed = (row: ItemRow, next: ReturnType<typeof fieldsOf>) =>
  (Object.keys(next) as (keyof typeof next)[]).some((k) => row[k] !== next[k]);

/**
 * Makes the plan's items the given list: items named by id are kept (with the activities linked to
 * them), the others added; an item left out is removed, unless activities already carry it out.
 */
export async function replaceItems(db: DbOrTx, plan: PlanRow, items: PlanItemInput[]) {
  const current = await db
    .select()
    .from(consultationPlanItems)
    .where(
      and(eq(consultationPlanItems.planId, plan.id), eq(consultationPlanItems.committeeId, plan.committeeId)),
    );
  items.forEach((item, i) => {
    if (item.id !== undefined && !current.some((c) => c.id === item.id))
      throw invalidField(`body.items.${i}.id`, `协商事项不属于本计划（编号 ${item.id}）`);
  });
  const kept = new Set(items.flatMap((i) => (i.id === undefined ? [] : [i.id])));
  const removed = current.filter((c) => !kept.has(c.id));
  if (removed.length > 0) {
    const linked = await db
      .selectDistinct({ planItemId: activities.planItemId })
      .from(activities)
      .where(
        and(
          eq(activities.committeeId, plan.committeeId),
          isNotNull(activities.planItemId),
          inArray(
            activities.planItemId,
            removed.map((r) => r.id),
          ),
        ),
      );
    const blocked = removed.find((r) => linked.some((l) => l.planItemId === r.id));
    if (blocked) throw conflict(`协商事项“${blocked.topic}”已有关联活动，不能删除`);
    await db.delete(consultationPlanItems).where(
      inArray(
        consultationPlanItems.id,
        removed.map((r) => r.id),
      ),
    );
  }
  let updated = 0;
  const added: PlanItemInput[] = [];
  for (const [i, item] of items.entries()) {
    const next = fieldsOf(item, i + 1);
    const row = current.find((c) => c.id === item.id);
    if (!row) {
      await db
        .insert(consultationPlanItems)
        .values({ committeeId: plan.committeeId, planId: plan.id, ...next });
      added.push(item);
    } else if (changed(row, next)) {
      await db.update(consultationPlanItems).set(next).where(eq(consultationPlanItems.id, row.id));
      updated++;
    }
  }
  return { added: added.map((a) => a.topic), removed: removed.map((r) => r.topic), updated };
}
