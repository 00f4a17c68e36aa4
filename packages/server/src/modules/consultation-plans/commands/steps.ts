import { and, count, eq } from 'drizzle-orm';
import { zonedDayEnd, type ApproveConsultationPlanInput } from '@cppcc/shared';
import { consultationPlanItems } from '../../../db/schema';
import { conflict, invalidField } from '../../../lib/errors';
import { planCommand } from '../workflow';

const dayMs = 86_400_000;

/** The plan goes to the Party committee; a plan without items is not sent. */
export const submitPlan = planCommand<object>('submit', async ({ tx, record, now }) => {
  const [items] = await tx
    .select({ n: count() })
    .from(consultationPlanItems)
    .where(
      and(
        eq(consultationPlanItems.planId, record.id),
        eq(consultationPlanItems.committeeId, record.committeeId),
      ),
    );
  if (!items || items.n === 0) throw conflict('计划中还没有协商事项，请先添加后再报送');
  return { patch: { submittedAt: now }, note: `协商事项 ${items.n} 项` };
});

/** Records the Party committee's approval: the day and the document number (批准文号). */
export const approvePlan = planCommand<ApproveConsultationPlanInput>(
  'approve',
  async ({ settings, now }, input) => {
    // Noon of the day in the committee's zone, so the day reads the same wherever it is shown.
    const approvedOn = new Date(
      zonedDayEnd(input.approvedOn, settings.timeZone).getTime() + 1000 - dayMs / 2,
    );
    if (approvedOn.getTime() - dayMs / 2 > now.getTime())
      throw invalidField('body.approvedOn', '批准日期不能晚于今天');
    return {
      patch: { approvedOn, documentNumber: input.documentNumber },
      note: `批准文号：${input.documentNumber}，批准日期：${input.approvedOn}`,
      changes: { approvedOn: input.approvedOn, documentNumber: input.documentNumber },
    };
  },
);

/** A submitted plan taken back for changes, with the reason. */
export const withdrawPlan = planCommand<{ reason: string }>('withdraw', async (_step, input) => ({
  patch: { submittedAt: null },
  note: input.reason,
}));
