import {
  activityCommands,
  activityStates,
  activityWorkflowTable,
  leaveCommands,
  leaveStates,
  leaveWorkflowTable,
} from '@cppcc/shared';
import { describeWorkflowTable, staying } from '../../../test/workflow-table';

/** An activity: planned → published → closed (reopened back to published); cancelled while open. */
describeWorkflowTable(activityWorkflowTable, { states: activityStates, commands: activityCommands }, [
  ...staying(['planned', 'published'] as const, ['update', 'invite', 'removeInvitation'] as const),
  ['planned', 'publish', 'published'],
  ['published', 'markAttendance', 'published'],
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
