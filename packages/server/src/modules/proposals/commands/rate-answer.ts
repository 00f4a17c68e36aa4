import { and, eq, inArray } from 'drizzle-orm';
import { satisfactionLabels, type relevanceLevels, type satisfactionLevels } from '@cppcc/shared';
import type { DbOrTx } from '../../../db/client';
import { members, proposalAnswers, proposalRatings, proposalUnits } from '../../../db/schema';
import type { ProposalRow } from '../access';
import type { ServiceContext } from '../../../lib/actor';
import { AppError, invalidField } from '../../../lib/errors';
import { addMonths } from '../helpers';
import { link, notifyUnits } from '../recipients';
import { runCommand } from '../workflow';
import { columnsEqual } from '../../../lib/where';

export interface RateInput {
  answerId: number;
  satisfaction: (typeof satisfactionLevels)[number];
  attitude: (typeof satisfactionLevels)[number];
  relevance: (typeof relevanceLevels)[number];
  comment?: string;
}

/** Proposers who have not rated every approved answer of the current round (read from the database). */
export async function unratedProposers(tx: DbOrTx, proposal: ProposalRow, proposerMemberIds: number[]) {
  const answers = await tx
    .select({ id: proposalAnswers.id })
    .from(proposalAnswers)
    .where(
      columnsEqual(proposalAnswers, {
        proposalId: proposal.id,
        round: proposal.rehandleCount + 1,
        state: 'approved',
      }),
    );
  if (answers.length === 0) return [];
  const ratings = await tx
    .select({ answerId: proposalRatings.answerId, memberId: proposalRatings.memberId })
    .from(proposalRatings)
    .where(
      inArray(
        proposalRatings.answerId,
        answers.map((a) => a.id),
      ),
    );
  return yetToRate(answers, ratings, proposerMemberIds);
}

/** The proposers who have not rated each of the answers. */
const yetToRate = (
  answers: readonly { id: number }[],
  ratings: readonly { answerId: number; memberId: number }[],
  proposerMemberIds: readonly number[],
) =>
  proposerMemberIds.filter(
    (m) => !answers.every((a) => ratings.some((r) => r.answerId === a.id && r.memberId === m)),
  );

/**
 * A proposer rates an answer. When every proposer has rated every answer of the round: any 不满意 sends
 * the proposal back to those units once (configurable), otherwise it is closed (办结).
 */
export async function rateAnswer(ctx: ServiceContext, proposalId: number, input: RateInput) {
  return runCommand(ctx, { proposalId, command: 'rate' }, async ({ tx, proposal, access, settings, now }) => {
    const round = proposal.rehandleCount + 1;
    const answers = await tx
      .select()
      .from(proposalAnswers)
      .where(columnsEqual(proposalAnswers, { proposalId: proposal.id, round, state: 'approved' }));
    const answer = answers.find((a) => a.id === input.answerId);
    if (!answer) throw invalidField('body.answerId', '该答复不存在或不是本轮答复');
    const memberId = ctx.actor.memberId!;
    const [already] = await tx
      .select({ id: proposalRatings.id })
      .from(proposalRatings)
      .where(columnsEqual(proposalRatings, { answerId: answer.id, memberId }));
    if (already) throw new AppError('DUPLICATE', '您已评价过该答复');
    await tx.insert(proposalRatings).values({
      committeeId: proposal.committeeId,
      proposalId: proposal.id,
      answerId: answer.id,
      memberId,
      satisfaction: input.satisfaction,
      attitude: input.attitude,
      relevance: input.relevance,
      comment: input.comment ?? null,
      createdAt: now,
    });
    const note = `评价：${satisfactionLabels[input.satisfaction]}`;
    const ratings = await tx
      .select()
      .from(proposalRatings)
      .where(
        inArray(
          proposalRatings.answerId,
          answers.map((a) => a.id),
        ),
      );
    if (yetToRate(answers, ratings, access.proposerMemberIds).length > 0) return { note };
    const dissatisfiedUnits = [
      ...new Set(
        ratings
          .filter((r) => r.satisfaction === 'dissatisfied')
          .map((r) => answers.find((a) => a.id === r.answerId)!.unitId),
      ),
    ];
    if (dissatisfiedUnits.length > 0 && proposal.rehandleCount < settings.rehandleLimit) {
      const raters = ratings.filter((r) => r.satisfaction === 'dissatisfied').map((r) => r.memberId);
      const names = await tx
        .select({ name: members.name })
        .from(members)
        .where(inArray(members.id, [...new Set(raters)]));
      const deadline = addMonths(now, settings.handlingDeadlineMonths);
      await tx
        .update(proposalUnits)
        .set({ status: 'acknowledged', deadline, remindedAt: null, overdueNotifiedAt: null })
        .where(
          and(
            eq(proposalUnits.proposalId, proposal.id),
            eq(proposalUnits.active, true),
            inArray(proposalUnits.unitId, dissatisfiedUnits),
          ),
        );
      await notifyUnits(tx, proposal.committeeId, dissatisfiedUnits, {
        kind: 'proposal.rehandling',
        title: `提案人对答复不满意，请重新办理：${proposal.title}`,
        link: link(proposal.id),
      });
      return {
        note,
        then: 'requestRehandling',
        // The timeline names who sent it back.
        thenNote: `${names.map((n) => n.name).join('、')}对答复不满意，重新办理`,
        patch: { rehandleCount: proposal.rehandleCount + 1, deadline },
      };
    }
    await notifyUnits(
      tx,
      proposal.committeeId,
      answers.map((a) => a.unitId),
      {
        kind: 'proposal.closed',
        title: `提案已办结：${proposal.title}`,
        link: link(proposal.id),
      },
    );
    return { note, then: 'completeRating', thenNote: '全部评价完成，办结', patch: { closedAt: now } };
  });
}
