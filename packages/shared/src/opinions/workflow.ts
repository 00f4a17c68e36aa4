import { defineWorkflowTable, transitionBuilders, type Transition } from '../workflow';
import { codesOf } from '../codes';
import {
  forwardingCommandLabels,
  forwardingStateLabels,
  opinionCommandLabels,
  opinionStateLabels,
} from '../labels';

/** Opinion (社情民意信息) states, commands, permissions and the workflow tables (DOMAIN.md "Opinion"). */

export const opinionStates = codesOf(opinionStateLabels);
export type OpinionState = (typeof opinionStates)[number];

export const opinionCommands = codesOf(opinionCommandLabels);
export type OpinionCommand = (typeof opinionCommands)[number];

/**
 * Abilities of the `opinion` policy (packages/server/src/policies/opinion.ts): author = the submitter
 * (member, organisation convener or information liaison); coauthor = an invited co-author;
 * edit = opinion staff of the record's committee; reportDone = the staff or the department an
 * instruction was given to; system = only the server (an opinion absorbed into a combined article).
 */
export const opinionPermissions = ['author', 'coauthor', 'edit', 'reportDone', 'system'] as const;
export type OpinionPermission = (typeof opinionPermissions)[number];

export type OpinionTransition = Transition<OpinionState, OpinionCommand, OpinionPermission>;

const open = ['submitted', 'editing'] as const;
const authored = ['draft', 'submitted', 'editing'] as const;
const { stay, move } = transitionBuilders<OpinionState, OpinionCommand, OpinionPermission>();

/**
 * The opinion workflow: a submitter's draft is reported (报送), staff edit it (the submitted text is
 * kept) and decide — adopt alone, combine several into one article, archive or return. An adopted
 * article collects feedback (reports upward, instructions, forwarding) without changing state. A child
 * committee's report arrives in the parent as a record in `submitted` and follows the same rows.
 */
export const opinionWorkflowTable = defineWorkflowTable({
  label: '社情民意信息',
  stateLabels: opinionStateLabels,
  commandLabels: opinionCommandLabels,
  transitions: [
    ...stay(['draft', 'returned'], 'update', 'author'),
    ...move(['draft', 'returned'], 'submit', 'submitted', 'author'),
    // Before editing starts the submitter may take it back.
    ...move(['draft', 'submitted', 'returned'], 'withdraw', 'withdrawn', 'author'),
    ...stay(authored, 'respondCoauthor', 'coauthor'),
    ...move(['submitted'], 'startEditing', 'editing', 'edit'),
    ...move(open, 'saveEdit', 'editing', 'edit'),
    ...move(open, 'adopt', 'adopted', 'edit'),
    ...move(open, 'combine', 'adopted', 'edit'),
    ...move(open, 'absorb', 'combined', 'system'),
    ...move(open, 'archive', 'archived', 'edit'),
    ...move(open, 'return', 'returned', 'edit'),
    ...move(['adopted', 'archived'], 'reopen', 'editing', 'edit'),
    ...stay(['adopted'], 'report', 'edit'),
    ...stay(['adopted'], 'recordExternalOutcome', 'edit'),
    ...stay(['adopted'], 'recordInstruction', 'edit'),
    ...stay(['adopted'], 'reportInstructionDone', 'reportDone'),
    ...stay(['adopted'], 'forward', 'edit'),
  ],
});

export const forwardingStates = codesOf(forwardingStateLabels);
export type ForwardingState = (typeof forwardingStates)[number];
export const forwardingCommands = codesOf(forwardingCommandLabels);
export type ForwardingCommand = (typeof forwardingCommands)[number];

/**
 * Abilities of the `opinionForwarding` policy: handle = a person of the unit it was forwarded to, or
 * opinion staff entering what the 12345 hotline reported; review = opinion staff.
 */
export const forwardingPermissions = ['handle', 'review'] as const;
export type ForwardingPermission = (typeof forwardingPermissions)[number];

const forwardingRows = transitionBuilders<ForwardingState, ForwardingCommand, ForwardingPermission>();

/** A forwarded item (转办件): forwarded → acknowledged → answered | returned; staff accept or reject the answer. */
export const forwardingWorkflowTable = defineWorkflowTable({
  label: '转办件',
  stateLabels: forwardingStateLabels,
  commandLabels: forwardingCommandLabels,
  transitions: [
    ...forwardingRows.move(['forwarded'], 'acknowledge', 'acknowledged', 'handle'),
    ...forwardingRows.move(['forwarded', 'acknowledged'], 'answer', 'answered', 'handle'),
    ...forwardingRows.move(['forwarded', 'acknowledged'], 'returnItem', 'returned', 'handle'),
    ...forwardingRows.move(['answered'], 'acceptAnswer', 'accepted', 'review'),
    ...forwardingRows.move(['answered'], 'rejectAnswer', 'acknowledged', 'review'),
  ],
});
