import {
  activityCommands,
  activityStates,
  activityWorkflowTable,
  leaveCommands,
  leaveStates,
  leaveWorkflowTable,
  readingNoteCommands,
  readingNoteStates,
  readingNoteWorkflowTable,
  speechCommands,
  speechStates,
  speechWorkflowTable,
  suggestionCommands,
  suggestionStates,
  suggestionWorkflowTable,
} from '@cppcc/shared';
import { describeWorkflowTable, staying } from '../../../test/workflow-table';

/** An activity: planned → published → closed (reopened back to published); cancelled while open. */
describeWorkflowTable(activityWorkflowTable, { states: activityStates, commands: activityCommands }, [
  ...staying(['planned', 'published'] as const, ['update', 'invite', 'removeInvitation'] as const),
  ['planned', 'publish', 'published'],
  ['published', 'markAttendance', 'published'],
  ...staying(['published', 'closed'] as const, ['recordOutcome'] as const),
  ['published', 'close', 'closed'],
  ['closed', 'reopen', 'published'],
  ['planned', 'cancel', 'cancelled'],
  ['published', 'cancel', 'cancelled'],
]);

/** A leave request is decided once, or withdrawn while it waits. */
describeWorkflowTable(leaveWorkflowTable, { states: leaveStates, commands: leaveCommands }, [
  ['requested', 'approve', 'approved'],
  ['requested', 'refuse', 'refused'],
  ['requested', 'withdraw', 'withdrawn'],
]);

/** A suggestion: proposed → sent → adopted → implemented, or not adopted; a result is taken back one step. */
describeWorkflowTable(suggestionWorkflowTable, { states: suggestionStates, commands: suggestionCommands }, [
  ...staying(['proposed', 'sent'] as const, ['update'] as const),
  ['proposed', 'send', 'sent'],
  ['sent', 'adopt', 'adopted'],
  ['sent', 'decline', 'notAdopted'],
  ['adopted', 'implement', 'implemented'],
  ['adopted', 'reopen', 'sent'],
  ['notAdopted', 'reopen', 'sent'],
  ['implemented', 'reopen', 'adopted'],
]);

/** A speech is accepted or declined; an accepted one may be selected for the plenary and unselected. */
describeWorkflowTable(speechWorkflowTable, { states: speechStates, commands: speechCommands }, [
  ['submitted', 'accept', 'accepted'],
  ['submitted', 'decline', 'declined'],
  ['accepted', 'decline', 'declined'],
  ['accepted', 'select', 'selected'],
  ['selected', 'unselect', 'accepted'],
  ['submitted', 'withdraw', 'withdrawn'],
]);

/** A reading note stands until it is returned or withdrawn. */
describeWorkflowTable(
  readingNoteWorkflowTable,
  { states: readingNoteStates, commands: readingNoteCommands },
  [
    ['submitted', 'returnNote', 'returned'],
    ['submitted', 'withdraw', 'withdrawn'],
  ],
);
