import type { ProposalCommandInput, ProposalCommandKey, ProposalCommandRequest } from '@cppcc/shared';
import type { CurrentUser } from '../../../api/auth';
import type { ProposalDetail } from '../../../api/proposals';

/**
 * What the viewer has to do on this proposal, beyond what its `policies` allow: a unit handler acts
 * for the slot of their own unit, a proposer rates the answers they have not rated yet.
 */
export interface ProposalViewer {
  memberId: number | null;
  unitId: number | null;
  /** The current handling round (1, then 2 after 不满意 …). */
  round: number;
  /** The viewer's own active unit slot. */
  mySlot: ProposalDetail['units'][number] | undefined;
  /** That unit's answer of this round. */
  myAnswer: ProposalDetail['answers'][number] | undefined;
  /** The viewer's unit answers (lead or separate) and has acknowledged. */
  answering: boolean;
  /** The viewer's answer is still theirs to edit (none yet, a draft, or returned). */
  answerEditable: boolean;
  activeUnits: ProposalDetail['units'];
  /** Answers of this round waiting for the staff's review. */
  sentAnswers: ProposalDetail['answers'];
  /** Approved answers of this round the viewer has not rated. */
  toRate: ProposalDetail['answers'];
  myEvaluated: boolean;
  /** Approved answers (not 类别 A) without an open follow-up. */
  followupAnswers: ProposalDetail['answers'];
  /** Follow-ups waiting for the viewer's unit. */
  myFollowups: ProposalDetail['followups'];
}

export function proposalViewer(
  p: ProposalDetail,
  user: Pick<CurrentUser, 'memberId' | 'unitId'>,
): ProposalViewer {
  const round = p.rehandleCount + 1;
  const mySlot = user.unitId !== null ? p.units.find((u) => u.unitId === user.unitId && u.active) : undefined;
  const myAnswer = mySlot
    ? p.answers.find((a) => a.unitId === mySlot.unitId && a.round === round)
    : undefined;
  const ratedAnswerIds = new Set(
    p.ratings.filter((r) => r.memberId === user.memberId).map((r) => r.answerId),
  );
  return {
    memberId: user.memberId,
    unitId: user.unitId,
    round,
    mySlot,
    myAnswer,
    answering: !!mySlot && mySlot.role !== 'co' && mySlot.status !== 'assigned',
    answerEditable: !myAnswer || ['draft', 'returned'].includes(myAnswer.state),
    activeUnits: p.units.filter((u) => u.active),
    sentAnswers: p.answers.filter((a) => a.state === 'sent' && a.round === round),
    toRate: p.answers.filter((a) => a.state === 'approved' && a.round === round && !ratedAnswerIds.has(a.id)),
    myEvaluated: p.evaluations.some((e) =>
      mySlot ? e.direction === 'unitToProposal' && e.unitId === mySlot.unitId : e.memberId === user.memberId,
    ),
    followupAnswers: p.answers.filter(
      (a) =>
        a.state === 'approved' &&
        a.category !== 'A' &&
        !p.followups.some((f) => f.answerId === a.id && f.status === 'requested'),
    ),
    myFollowups: p.followups.filter((f) => f.status === 'requested' && f.unitId === user.unitId),
  };
}

/** Runs one command of the proposal; the body is typed by the command's shared schema. */
export type SendProposalCommand = <K extends ProposalCommandKey>(
  command: K,
  body: ProposalCommandInput<K>,
) => Promise<ProposalDetail>;

/** What every proposal action and dialog reads. */
export interface ProposalActionContext {
  proposal: ProposalDetail;
  viewer: ProposalViewer;
  send: SendProposalCommand;
  navigate: (to: string) => void;
  /** The proposal to merge into, when 并案 starts from a similar proposal found at review. */
  mergeTarget?: { id: number; label: string };
}

/** `send` over the mutation of `useProposalCommand`. */
export const sender =
  (mutateAsync: (request: ProposalCommandRequest) => Promise<ProposalDetail>): SendProposalCommand =>
  (command, body) =>
    mutateAsync({ command, body } as ProposalCommandRequest);
