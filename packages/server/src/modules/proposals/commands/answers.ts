import { desc, eq } from 'drizzle-orm';
import { proposalAnswers, proposalUnits } from '../../../db/schema';
import type { ServiceContext } from '../../../lib/actor';
import { AppError, invalidField } from '../../../lib/errors';
import type { DbOrTx } from '../../../db/client';
import { bindAttachments } from '../helpers';
import { link, notifyMembers, notifyStaff, notifyUnits } from '../recipients';
import { proposalCommand, runCommand, type Step } from '../workflow';
import { unitSlot } from './acknowledge-assignment';
import { columnsEqual } from '../../../lib/where';

/** The round being answered: 1, then 2 after one 不满意 re-handling, … */
const roundOf = (step: Step) => step.proposal.rehandleCount + 1;

async function answerSlot(step: Step) {
  const slot = await unitSlot(step.tx, step.proposal.id, step.ctx.actor.unitId);
  if (slot.role === 'co') throw new AppError('INVALID_TRANSITION', '协办单位请报送协办意见，由主办单位答复');
  if (slot.status === 'assigned') throw new AppError('INVALID_TRANSITION', '请先签收提案');
  if (slot.status === 'answered')
    throw new AppError('INVALID_TRANSITION', '本单位的答复已审核通过，无需再次答复');
  return slot;
}

async function currentAnswer(tx: DbOrTx, proposalId: number, unitId: number, round: number) {
  const [row] = await tx
    .select()
    .from(proposalAnswers)
    .where(columnsEqual(proposalAnswers, { proposalId, unitId, round }));
  return row ?? null;
}

export interface SaveAnswerInput {
  category: string;
  text: string;
  contactPerson: string;
  contactPhone: string;
  attachmentIds: number[];
}

/** The answering unit (主办 or 分办) drafts or revises its answer. */
export async function saveAnswer(ctx: ServiceContext, proposalId: number, input: SaveAnswerInput) {
  return runCommand(ctx, { proposalId, command: 'saveAnswer' }, async (step) => {
    const { tx, proposal, settings, now } = step;
    const slot = await answerSlot(step);
    if (!settings.answerCategories.some((c) => c.code === input.category)) {
      throw invalidField(
        'body.category',
        `答复类别应为：${settings.answerCategories.map((c) => `${c.code} ${c.label}`).join('、')}`,
      );
    }
    const round = roundOf(step);
    const existing = await currentAnswer(tx, proposal.id, slot.unitId, round);
    if (existing && !['draft', 'returned'].includes(existing.state)) {
      throw new AppError('INVALID_TRANSITION', '答复已提交审核，不能修改');
    }
    const values = {
      category: input.category,
      text: input.text,
      contactPerson: input.contactPerson,
      contactPhone: input.contactPhone,
      updatedAt: now,
    };
    const [answer] = existing
      ? await tx
          .update(proposalAnswers)
          .set({ ...values, version: existing.version + 1 })
          .where(eq(proposalAnswers.id, existing.id))
          .returning()
      : await tx
          .insert(proposalAnswers)
          .values({
            ...values,
            committeeId: proposal.committeeId,
            proposalId: proposal.id,
            unitId: slot.unitId,
            round,
            draftedBy: ctx.actor.userId,
          })
          .returning();
    const attachmentIds = await bindAttachments(
      tx,
      ctx.actor,
      input.attachmentIds,
      { type: 'proposalAnswer', id: answer!.id },
      'body.attachmentIds',
    );
    await tx.update(proposalAnswers).set({ attachmentIds }).where(eq(proposalAnswers.id, answer!.id));
    return { note: existing ? '修改答复' : '起草答复', result: { ...answer!, attachmentIds } };
  });
}

/** The handler sends the draft to the unit head: an answer never leaves the unit without the head's approval. */
export async function submitAnswer(ctx: ServiceContext, proposalId: number) {
  return runCommand(ctx, { proposalId, command: 'submitAnswer' }, async (step) => {
    const slot = await answerSlot(step);
    const answer = await currentAnswer(step.tx, step.proposal.id, slot.unitId, roundOf(step));
    if (!answer || !['draft', 'returned'].includes(answer.state))
      throw new AppError('INVALID_TRANSITION', '没有待提交的答复草稿');
    await step.tx
      .update(proposalAnswers)
      .set({ state: 'pendingHead', updatedAt: step.now })
      .where(eq(proposalAnswers.id, answer.id));
    await notifyUnits(
      step.tx,
      step.proposal.committeeId,
      [slot.unitId],
      {
        kind: 'proposal.answerPendingHead',
        title: `答复待审核：${step.proposal.title}`,
        link: link(step.proposal.id),
      },
      ['unitHead'],
    );
    return { note: '答复提交负责人审核' };
  });
}

/** The unit head approves (the answer goes to proposal staff) or returns it to the handler. */
export async function headDecideAnswer(
  ctx: ServiceContext,
  proposalId: number,
  approve: boolean,
  input: { comment?: string },
) {
  return runCommand(
    ctx,
    { proposalId, command: approve ? 'headApproveAnswer' : 'headReturnAnswer' },
    async (step) => {
      const slot = await unitSlot(step.tx, step.proposal.id, ctx.actor.unitId);
      const answer = await currentAnswer(step.tx, step.proposal.id, slot.unitId, roundOf(step));
      if (!answer || answer.state !== 'pendingHead')
        throw new AppError('INVALID_TRANSITION', '没有待负责人审核的答复');
      await step.tx
        .update(proposalAnswers)
        .set(
          approve
            ? {
                state: 'sent',
                headApprovedBy: ctx.actor.userId,
                headApprovedAt: step.now,
                headComment: input.comment ?? null,
                sentAt: step.now,
              }
            : { state: 'returned', headComment: input.comment ?? null },
        )
        .where(eq(proposalAnswers.id, answer.id));
      if (approve) {
        await notifyStaff(step.tx, step.proposal.committeeId, {
          kind: 'proposal.answerSent',
          title: `承办单位已报送答复，请审核：${step.proposal.title}`,
          link: link(step.proposal.id),
        });
      } else {
        await notifyUnits(
          step.tx,
          step.proposal.committeeId,
          [slot.unitId],
          {
            kind: 'proposal.answerReturnedByHead',
            title: `负责人退回答复：${step.proposal.title}`,
            body: input.comment,
            link: link(step.proposal.id),
          },
          ['unitHandler'],
        );
      }
      return {
        note: approve
          ? '负责人审核通过，报送提案委'
          : `负责人退回答复${input.comment ? `：${input.comment}` : ''}`,
      };
    },
  );
}

/**
 * Staff review a sent answer: return it to the unit, or approve it (possibly changing the category).
 * When every answering unit of the round is approved the proposal becomes `answered` and the proposers are told.
 */
export const reviewAnswer = proposalCommand(
  'reviewAnswer',
  async (
    step,
    input: { answerId: number; approve: boolean; category?: string; note?: string; version?: number },
  ) => {
    const { tx, ctx, proposal, settings, now, access } = step;
    const round = roundOf(step);
    const [answer] = await tx
      .select()
      .from(proposalAnswers)
      .where(columnsEqual(proposalAnswers, { id: input.answerId, proposalId: proposal.id }));
    if (!answer) throw invalidField('body.answerId', '答复不存在');
    if (answer.state !== 'sent' || answer.round !== round)
      throw new AppError('INVALID_TRANSITION', '该答复不在待审核状态');
    if (input.category && !settings.answerCategories.some((c) => c.code === input.category)) {
      throw invalidField(
        'body.category',
        `答复类别应为：${settings.answerCategories.map((c) => c.code).join('、')}`,
      );
    }
    if (!input.approve) {
      await tx
        .update(proposalAnswers)
        .set({
          state: 'returned',
          staffReviewNote: input.note ?? null,
          reviewedBy: ctx.actor.userId,
          reviewedAt: now,
        })
        .where(eq(proposalAnswers.id, answer.id));
      await notifyUnits(tx, proposal.committeeId, [answer.unitId], {
        kind: 'proposal.answerReturned',
        title: `提案委退回答复：${proposal.title}`,
        body: input.note,
        link: link(proposal.id),
      });
      return { note: `退回答复${input.note ? `：${input.note}` : ''}` };
    }
    const category = input.category ?? answer.category;
    await tx
      .update(proposalAnswers)
      .set({
        state: 'approved',
        category,
        originalCategory: category !== answer.category ? answer.category : answer.originalCategory,
        staffReviewNote: input.note ?? null,
        reviewedBy: ctx.actor.userId,
        reviewedAt: now,
      })
      .where(eq(proposalAnswers.id, answer.id));
    await tx
      .update(proposalUnits)
      .set({ status: 'answered' })
      .where(columnsEqual(proposalUnits, { proposalId: proposal.id, unitId: answer.unitId, active: true }));
    // A unit is done when its slot is answered: after 不满意 only the re-handling units are reset.
    const answering = await tx
      .select({ unitId: proposalUnits.unitId, role: proposalUnits.role, status: proposalUnits.status })
      .from(proposalUnits)
      .where(columnsEqual(proposalUnits, { proposalId: proposal.id, active: true }));
    const needed = answering.filter((u) => u.role !== 'co');
    const complete = needed.length > 0 && needed.every((u) => u.status === 'answered');
    const changed = category !== answer.category ? `，类别由 ${answer.category} 调整为 ${category}` : '';
    if (!complete) return { note: `审核通过答复${changed}` };
    // The proposal's category is the lead unit's latest approved answer (分办: the first answering unit's).
    const lead = needed.find((u) => u.role === 'lead') ?? needed[0]!;
    const [leadAnswer] = await tx
      .select({ category: proposalAnswers.category })
      .from(proposalAnswers)
      .where(
        columnsEqual(proposalAnswers, { proposalId: proposal.id, unitId: lead.unitId, state: 'approved' }),
      )
      .orderBy(desc(proposalAnswers.round))
      .limit(1);
    await notifyMembers(tx, proposal.committeeId, access.proposerMemberIds, {
      kind: 'proposal.answered',
      title: `提案已答复，请评价：${proposal.title}`,
      link: link(proposal.id),
    });
    return {
      note: `审核通过答复${changed}`,
      then: 'completeAnswering',
      thenNote: '全部承办单位答复完成',
      patch: { answeredAt: now, answerCategory: leadAnswer?.category ?? category },
    };
  },
);
