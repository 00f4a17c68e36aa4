import {
  consultationPlanCommands,
  consultationPlanStates,
  consultationPlanWorkflowTable,
} from '@cppcc/shared';
import { describeWorkflowTable } from '../../../test/workflow-table';

/** A plan: drafted (and edited), submitted to the Party committee, taken back or approved. */
describeWorkflowTable(
  consultationPlanWorkflowTable,
  { states: consultationPlanStates, commands: consultationPlanCommands },
  [
    ['draft', 'update', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['submitted', 'withdraw', 'draft'],
    ['submitted', 'approve', 'approved'],
  ],
);
