import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ProposalCommand } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { notifications, proposalAnswers, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { link } from './recipients';

/** Whose notice a command settles: the actor's own, everyone of the actor's unit, or every recipient. */
interface Settles {
  kinds: readonly string[];
  of: 'actor' | 'actorUnit' | 'everyone';
  /** Settled only once nothing of the kind is left to do (one notice stands for several answers). */
  whenDone?: (tx: DbOrTx, proposalId: number) => Promise<boolean>;
}

const noAnswerAwaitingReview = async (tx: DbOrTx, proposalId: number) =>
  (
    await tx
      .select({ id: proposalAnswers.id })
      .from(proposalAnswers)
      .where(and(eq(proposalAnswers.proposalId, proposalId), eq(proposalAnswers.state, 'sent')))
      .limit(1)
  ).length === 0;

const review: Settles = { kinds: ['proposal.submitted'], of: 'everyone' };
const unitAnswer: Settles = {
  kinds: ['proposal.answerReturned', 'proposal.answerReturnedByHead', 'proposal.rehandling'],
  of: 'actorUnit',
};

/**
 * The notices that ask for an action, by the command that is that action. Once it is taken the notice
 * is done: marked read for whoever it asked (a unit's task for the whole unit, not the other units).
 */
const settledBy: Partial<Record<ProposalCommand, Settles>> = {
  respondCosign: { kinds: ['proposal.cosignInvited'], of: 'actor' },
  submit: { kinds: ['proposal.returned'], of: 'everyone' },
  withdraw: { kinds: ['proposal.returned'], of: 'everyone' },
  claimReview: review,
  accept: review,
  reject: review,
  merge: review,
  return: review,
  acknowledge: { kinds: ['proposal.assigned'], of: 'actorUnit' },
  decline: { kinds: ['proposal.assigned'], of: 'actorUnit' },
  sendUnitOpinion: { kinds: ['proposal.coOpinionDue'], of: 'actorUnit' },
  submitAnswer: unitAnswer,
  headApproveAnswer: { kinds: ['proposal.answerPendingHead'], of: 'actorUnit' },
  headReturnAnswer: { kinds: ['proposal.answerPendingHead'], of: 'actorUnit' },
  reviewAnswer: { kinds: ['proposal.answerSent'], of: 'everyone', whenDone: noAnswerAwaitingReview },
  rate: { kinds: ['proposal.answered'], of: 'actor' },
  reportFollowup: { kinds: ['proposal.followup'], of: 'actorUnit' },
};

/** Marks done the notices of this proposal that `command` answers, in the command's transaction. */
export async function settleTaskNotices(
  tx: DbOrTx,
  actor: Actor,
  command: ProposalCommand,
  proposalId: number,
) {
  const settles = settledBy[command];
  if (!settles || (settles.whenDone && !(await settles.whenDone(tx, proposalId)))) return;
  const whose =
    settles.of === 'actor'
      ? eq(notifications.userId, actor.userId)
      : settles.of === 'actorUnit'
        ? actor.unitId === null
          ? sql`false`
          : inArray(
              notifications.userId,
              tx
                .select({ id: users.id })
                .from(users)
                .where(and(eq(users.committeeId, actor.committeeId), eq(users.unitId, actor.unitId))),
            )
        : undefined;
  await tx
    .update(notifications)
    .set({ read: true })
    .where(
      and(
        eq(notifications.committeeId, actor.committeeId),
        eq(notifications.link, link(proposalId)),
        eq(notifications.read, false),
        inArray(notifications.kind, [...settles.kinds]),
        whose,
      ),
    );
}
