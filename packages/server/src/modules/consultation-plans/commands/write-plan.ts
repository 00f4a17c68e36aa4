import { and, eq } from 'drizzle-orm';
import type { CreateConsultationPlanInput, UpdateConsultationPlanInput } from '@cppcc/shared';
import { consultationPlans } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { writeAudit } from '../../../lib/audit';
import { AppError, conflict } from '../../../lib/errors';
import { getSettings } from '../../../lib/settings';
import { appendTimeline } from '../../../lib/timeline';
import { authorizePlans, planCommand } from '../workflow';
import { checkItems, insertItems, replaceItems } from './items';

const yearTaken = (year: number) => conflict(`本会${year}年度协商计划已存在，请在原计划中修改`);

/** A unique violation, as the driver of either database reports it. */
const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' &&
  e !== null &&
  ((e as { code?: unknown }).code === '23505' || isUniqueViolation((e as { cause?: unknown }).cause));

/** Liaison staff draw up the plan of a year (草拟中); one plan per committee and year. */
export async function createPlan(ctx: ServiceContext, input: CreateConsultationPlanInput) {
  authorizePlans(ctx.actor, 'manage');
  const { actor } = ctx;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: consultationPlans.id })
        .from(consultationPlans)
        .where(
          and(eq(consultationPlans.committeeId, actor.committeeId), eq(consultationPlans.year, input.year)),
        );
      if (existing) throw yearTaken(input.year);
      const settings = await getSettings(tx, actor.committeeId);
      await checkItems(tx, actor.committeeId, settings, input.items);
      const [row] = await tx
        .insert(consultationPlans)
        .values({
          committeeId: actor.committeeId,
          year: input.year,
          title: input.title,
          createdBy: actor.userId,
        })
        .returning();
      const plan = row!;
      await insertItems(tx, plan, input.items);
      const note = `协商事项 ${input.items.length} 项`;
      await appendTimeline(tx, actor, {
        recordType: 'consultationPlan',
        recordId: plan.id,
        action: 'create',
        toState: 'draft',
        note,
      });
      await writeAudit(tx, actor, {
        action: 'consultationPlan.create',
        targetType: 'consultationPlan',
        targetId: plan.id,
        summary: `新建年度协商计划：${plan.title}（${note}）`,
        changes: { year: plan.year, items: input.items.map((i) => i.topic) },
      });
      return plan;
    });
  } catch (e) {
    // Two staff creating the same year at once: the second meets the unique index.
    if (!(e instanceof AppError) && isUniqueViolation(e)) throw yearTaken(input.year);
    throw e;
  }
}

/** Changes the title and the item list of a draft plan. */
export const updatePlan = planCommand<UpdateConsultationPlanInput>('update', async (step, input) => {
  const { tx, record, settings } = step;
  await checkItems(tx, record.committeeId, settings, input.items);
  const changes = await replaceItems(tx, record, input.items);
  const parts = [
    changes.added.length ? `新增 ${changes.added.length} 项` : '',
    changes.updated ? `修改 ${changes.updated} 项` : '',
    changes.removed.length ? `删除 ${changes.removed.length} 项` : '',
  ].filter(Boolean);
  return {
    patch: { title: input.title ?? record.title },
    note: `协商事项共 ${input.items.length} 项${parts.length ? `（${parts.join('，')}）` : ''}`,
    changes: {
      ...changes,
      title: input.title && input.title !== record.title ? [record.title, input.title] : undefined,
    },
  };
});
