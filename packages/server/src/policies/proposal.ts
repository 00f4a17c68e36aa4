import { hasRole, type Actor } from '../lib/actor';
import { definePolicy } from '../lib/policy';

/**
 * What the proposal rules need to know about one proposal and its people. The state is not here:
 * whether a step is allowed in a state is the workflow table's job (proposalTransitions), whether this
 * actor may take it is this policy's.
 */
export interface ProposalAccess {
  committeeId: number;
  leadMemberId: number;
  /** Lead, confirmed co-proposers and proposers of proposals merged into this one. */
  proposerMemberIds: number[];
  invitedMemberIds: number[];
  /** Units holding an active slot (主办/协办/分办). */
  unitIds: number[];
  supervisorUserIds: number[];
}

const isStaff = (a: Actor) => hasRole(a, 'proposalStaff');
const isProposer = (a: Actor, p: ProposalAccess) =>
  a.memberId !== null && p.proposerMemberIds.includes(a.memberId);
const isUnitPerson = (a: Actor, p: ProposalAccess) =>
  a.unitId !== null && hasRole(a, 'unitHandler', 'unitHead') && p.unitIds.includes(a.unitId);
const isSupervisor = (a: Actor, p: ProposalAccess) => p.supervisorUserIds.includes(a.userId);

export const proposalPolicy = definePolicy<ProposalAccess>({
  resource: 'proposal',
  label: '提案',
  abilities: {
    read: (a, p) =>
      isStaff(a) ||
      hasRole(a, 'leader') ||
      isProposer(a, p) ||
      (a.memberId !== null && p.invitedMemberIds.includes(a.memberId)) ||
      isUnitPerson(a, p) ||
      isSupervisor(a, p),
    propose: (a, p) => hasRole(a, 'member') && a.memberId === p.leadMemberId,
    cosign: (a, p) => hasRole(a, 'member') && a.memberId !== null && p.invitedMemberIds.includes(a.memberId),
    review: (a) => isStaff(a),
    handle: (a, p) => isUnitPerson(a, p),
    approveAsHead: (a, p) => hasRole(a, 'unitHead') && isUnitPerson(a, p),
    rate: (a, p) => hasRole(a, 'member') && isProposer(a, p),
    select: (a) => hasRole(a, 'leader'),
    supervise: (a, p) => isStaff(a) || hasRole(a, 'leader') || isSupervisor(a, p),
    evaluate: (a, p) => (hasRole(a, 'member') && isProposer(a, p)) || isUnitPerson(a, p),
    /** Steps the server takes as consequences (all answers in, all ratings in); no person runs them. */
    system: () => false,
  },
});

/** Collection-level abilities: who may file a proposal and who sees the staff pages. */
export const proposalCollectionPolicy = definePolicy<{ committeeId: number }>({
  resource: 'proposals',
  label: '提案',
  abilities: {
    /** Everyone of the committee knows the collection exists; refusals of its views are then 403, not 404. */
    read: () => true,
    create: (a) => hasRole(a, 'member') && a.memberId !== null,
    review: (a) => isStaff(a),
    overview: (a) => isStaff(a) || hasRole(a, 'leader'),
    handle: (a) => hasRole(a, 'unitHandler', 'unitHead') && a.unitId !== null,
  },
});
