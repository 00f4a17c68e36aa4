import type { ProposalState } from '@cppcc/shared';
import { hasRole, type Actor } from '../lib/actor';
import { defineCollectionPolicy, definePolicy, type Rule } from '../lib/policy';

/**
 * What the proposal rules need to know about one proposal and its people. Whether a step is allowed in
 * a state is the workflow table's job (proposalTransitions), whether this actor may take it is this
 * policy's; the state is here only because it decides who may see the proposal at all.
 */
export interface ProposalAccess {
  committeeId: number;
  state: ProposalState;
  leadMemberId: number;
  /** Lead, confirmed co-proposers and proposers of proposals merged into this one. */
  proposerMemberIds: number[];
  /** Co-proposers asked to 附议 who have not answered (named in a draft, or invited once it is sent). */
  invitedMemberIds: number[];
  /** Units holding an active slot (主办/协办/分办). */
  unitIds: number[];
  supervisorUserIds: number[];
}

const isStaff = (a: Actor) => hasRole(a, 'proposalStaff');
const isProposer = (a: Actor, p: ProposalAccess) =>
  a.memberId !== null && p.proposerMemberIds.includes(a.memberId);
const isInvited = (a: Actor, p: ProposalAccess) =>
  a.memberId !== null && p.invitedMemberIds.includes(a.memberId);
const isUnitPerson = (a: Actor, p: ProposalAccess) =>
  a.unitId !== null && hasRole(a, 'unitHandler', 'unitHead') && p.unitIds.includes(a.unitId);
const isSupervisor = (a: Actor, p: ProposalAccess) => p.supervisorUserIds.includes(a.userId);

/**
 * Who may know the proposal exists. A draft is its proposers' own work; once the lead sends the
 * invitations (cosigning) the invited co-proposers see it too. Nobody else — staff and leaders
 * included — until it is submitted: not by id, not its documents, not its files.
 */
const isVisible = (a: Actor, p: ProposalAccess) => {
  if (p.state === 'draft') return isProposer(a, p);
  if (p.state === 'cosigning') return isProposer(a, p) || isInvited(a, p);
  return (
    isStaff(a) ||
    hasRole(a, 'leader') ||
    isProposer(a, p) ||
    isInvited(a, p) ||
    isUnitPerson(a, p) ||
    isSupervisor(a, p)
  );
};

/**
 * Every ability needs visibility first, so a refused step on a proposal one may not see is "not found"
 * (lib/policy `authorize`), never a state error that would tell it exists.
 */
const visibleOnly = <K extends string>(rules: Record<K, Rule<ProposalAccess>>) =>
  Object.fromEntries(
    Object.entries<Rule<ProposalAccess>>(rules).map(([ability, rule]) => [
      ability,
      (a: Actor, p: ProposalAccess) => isVisible(a, p) && rule(a, p),
    ]),
  ) as Record<K, Rule<ProposalAccess>>;

export const proposalPolicy = definePolicy<ProposalAccess>({
  resource: 'proposal',
  label: '提案',
  abilities: visibleOnly({
    read: () => true,
    propose: (a, p) => hasRole(a, 'member') && a.memberId === p.leadMemberId,
    cosign: (a, p) => hasRole(a, 'member') && isInvited(a, p),
    review: (a) => isStaff(a),
    /** A person of a unit holding a slot: also decides that the viewer sees the proposal as that unit. */
    handle: (a, p) => isUnitPerson(a, p),
    /** Staff and leaders see every answer once its unit has sent it, before staff approve it. */
    seeSentAnswers: (a) => isStaff(a) || hasRole(a, 'leader'),
    approveAsHead: (a, p) => hasRole(a, 'unitHead') && isUnitPerson(a, p),
    rate: (a, p) => hasRole(a, 'member') && isProposer(a, p),
    select: (a) => hasRole(a, 'leader'),
    supervise: (a, p) => isStaff(a) || hasRole(a, 'leader') || isSupervisor(a, p),
    evaluate: (a, p) => (hasRole(a, 'member') && isProposer(a, p)) || isUnitPerson(a, p),
    /** Steps the server takes as consequences (all answers in, all ratings in); no person runs them. */
    system: () => false,
  }),
});

/** Collection-level abilities: who may file a proposal and who sees the staff pages. */
export const proposalCollectionPolicy = defineCollectionPolicy<{ committeeId: number }>({
  resource: 'proposals',
  label: '提案',
  abilities: {
    /** Everyone of the committee knows the collection exists; refusals of its views are then 403, not 404. */
    read: () => true,
    create: (a) => hasRole(a, 'member') && a.memberId !== null,
    review: (a) => isStaff(a),
    overview: (a) => isStaff(a) || hasRole(a, 'leader'),
    handle: (a) => hasRole(a, 'unitHandler', 'unitHead') && a.unitId !== null,
    /** A party or government leader's own list of the key proposals they supervise. */
    superviseKey: (a) => hasRole(a, 'partyLeader'),
  },
});

const isStaffOrLeader = (a: Actor) => isStaff(a) || hasRole(a, 'leader');

/**
 * A unit's answer to a proposal the actor may read: its own unit sees its drafts, staff and leaders
 * see it once sent, everyone else once staff approved it.
 */
export const proposalAnswerPolicy = definePolicy<{
  committeeId: number;
  unitId: number;
  sent: boolean;
  approved: boolean;
}>({
  resource: 'proposalAnswer',
  label: '答复',
  abilities: {
    read: (a, answer) =>
      (a.unitId === answer.unitId && hasRole(a, 'unitHandler', 'unitHead')) ||
      (isStaffOrLeader(a) ? answer.sent : answer.approved),
  },
});

/** A co-handling unit's opinion to the lead unit (协办意见): the two units, staff and leaders. */
export const proposalUnitOpinionPolicy = definePolicy<{
  committeeId: number;
  fromUnitId: number;
  toUnitId: number;
}>({
  resource: 'proposalUnitOpinion',
  label: '协办意见',
  abilities: {
    read: (a, opinion) =>
      isStaffOrLeader(a) || (a.unitId !== null && [opinion.fromUnitId, opinion.toUnitId].includes(a.unitId)),
  },
});

export const proposalPolicies = [
  proposalPolicy,
  proposalCollectionPolicy,
  proposalAnswerPolicy,
  proposalUnitOpinionPolicy,
];
