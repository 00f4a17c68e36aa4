import type { OpinionState } from '@cppcc/shared';
import { hasRole, type Actor } from '../lib/actor';
import { defineCollectionPolicy, definePolicy, type Rule } from '../lib/policy';

/**
 * What the opinion rules need to know about one opinion. Whether a step is allowed in a state is the
 * workflow table's job (opinionWorkflowTable); whether this actor may take it is this policy's.
 * A report from a child committee is a record of this committee: the child's people have no facts here.
 */
export interface OpinionAccess {
  committeeId: number;
  state: OpinionState;
  /** The account that filed it (member, convener or liaison); for a report, nobody of this committee. */
  authorUserId: number | null;
  leadMemberId: number | null;
  /** Co-authors who confirmed. */
  coauthorMemberIds: number[];
  /** Co-authors asked who have not answered. */
  invitedMemberIds: number[];
  /** Units it was forwarded to (转办), who may read it. */
  forwardedUnitIds: number[];
  /** Units a leader's instruction on it was given to, who report what was done. */
  instructionUnitIds: number[];
}

const isStaff = (a: Actor) => hasRole(a, 'opinionStaff');
const isAuthor = (a: Actor, o: OpinionAccess) =>
  o.authorUserId === a.userId || (a.memberId !== null && a.memberId === o.leadMemberId);
const isCoauthor = (a: Actor, o: OpinionAccess) =>
  a.memberId !== null &&
  (o.coauthorMemberIds.includes(a.memberId) || o.invitedMemberIds.includes(a.memberId));
const isUnitPerson = (a: Actor, unitIds: number[]) =>
  a.unitId !== null && hasRole(a, 'unitHandler', 'unitHead') && unitIds.includes(a.unitId);
const isForwardedUnit = (a: Actor, o: OpinionAccess) =>
  isUnitPerson(a, o.forwardedUnitIds) || isUnitPerson(a, o.instructionUnitIds);

/**
 * Who may know the opinion exists. A draft, or one withdrawn before editing, is its authors' own;
 * once reported, the committee's opinion staff and leaders see it too, and a unit sees what was
 * forwarded to it or what a leader's instruction on it was given to it.
 */
const isVisible = (a: Actor, o: OpinionAccess) => {
  const own = isAuthor(a, o) || isCoauthor(a, o);
  if (o.state === 'draft' || o.state === 'withdrawn') return own;
  return own || isStaff(a) || hasRole(a, 'leader') || isForwardedUnit(a, o);
};

const visibleOnly = <K extends string>(rules: Record<K, Rule<OpinionAccess>>) =>
  Object.fromEntries(
    Object.entries<Rule<OpinionAccess>>(rules).map(([ability, rule]) => [
      ability,
      (a: Actor, o: OpinionAccess) => isVisible(a, o) && rule(a, o),
    ]),
  ) as Record<K, Rule<OpinionAccess>>;

export const opinionPolicy = definePolicy<OpinionAccess>({
  resource: 'opinion',
  label: '社情民意信息',
  abilities: visibleOnly({
    read: () => true,
    author: (a, o) => isAuthor(a, o),
    coauthor: (a, o) => a.memberId !== null && o.invitedMemberIds.includes(a.memberId),
    edit: (a) => isStaff(a),
    /** What was done on an instruction: the staff, or the department it was given to (its own only). */
    reportDone: (a, o) => isStaff(a) || isUnitPerson(a, o.instructionUnitIds),
    /** The saved edits and the diff against the submitted text are the editors' working material. */
    seeVersions: (a) => isStaff(a),
    /** Steps the server takes as consequences (an opinion combined into another); no person runs them. */
    system: () => false,
  }),
});

/** Collection abilities: who may write opinions, who works the inbox, who sees all and the figures. */
export const opinionCollectionPolicy = defineCollectionPolicy<{ committeeId: number }>({
  resource: 'opinions',
  label: '社情民意信息',
  abilities: {
    read: () => true,
    create: (a) => (hasRole(a, 'member') && a.memberId !== null) || hasRole(a, 'infoLiaison'),
    edit: (a) => isStaff(a),
    overview: (a) => isStaff(a) || hasRole(a, 'leader'),
    handleForwarded: (a) => hasRole(a, 'unitHandler', 'unitHead') && a.unitId !== null,
  },
});

/** A forwarded item (转办件): its unit handles it; for the 12345 hotline staff enter what it reported. */
export interface ForwardingAccess {
  committeeId: number;
  unitId: number;
  channel: 'hotline' | 'department';
}

const isItsUnit = (a: Actor, f: ForwardingAccess) =>
  a.unitId === f.unitId && hasRole(a, 'unitHandler', 'unitHead');

export const opinionForwardingPolicy = definePolicy<ForwardingAccess>({
  resource: 'opinionForwarding',
  label: '转办件',
  abilities: {
    read: (a, f) => isStaff(a) || hasRole(a, 'leader') || isItsUnit(a, f),
    handle: (a, f) => isItsUnit(a, f) || (f.channel === 'hotline' && isStaff(a)),
    review: (a) => isStaff(a),
  },
});

/** A numbered issue of a series: the opinion staff compile it; leaders read it. */
export const opinionIssuePolicy = definePolicy<{ committeeId: number; state: 'draft' | 'sent' }>({
  resource: 'opinionIssue',
  label: '期刊',
  abilities: {
    read: (a, i) => isStaff(a) || (i.state === 'sent' && hasRole(a, 'leader')),
    update: (a, i) => isStaff(a) && i.state === 'draft',
    send: (a, i) => isStaff(a) && i.state === 'draft',
  },
});

export const opinionPolicies = [
  opinionPolicy,
  opinionCollectionPolicy,
  opinionForwardingPolicy,
  opinionIssuePolicy,
];
