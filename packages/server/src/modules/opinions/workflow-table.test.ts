import { describe, expect, it } from 'vitest';
import {
  forwardingCommands,
  forwardingStates,
  forwardingWorkflowTable,
  opinionCommands,
  opinionStates,
  opinionWorkflowTable,
  type OpinionCommand,
  type OpinionState,
} from '@cppcc/shared';
import { describeWorkflowTable, staying } from '../../../test/workflow-table';

type Row = [OpinionState, OpinionCommand, OpinionState];
const open = ['submitted', 'editing'] as const;
const decisions = (command: OpinionCommand, to: OpinionState): Row[] =>
  open.map((s): Row => [s, command, to]);

/** DOMAIN.md "Opinion": draft → submitted → editing → adopted | archived | returned, written out by hand. */
describeWorkflowTable(opinionWorkflowTable, { states: opinionStates, commands: opinionCommands }, [
  ['draft', 'update', 'draft'],
  ['returned', 'update', 'returned'],
  ['draft', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['returned', 'withdraw', 'withdrawn'],
  ...staying(['draft', 'submitted', 'editing'] as const, ['respondCoauthor'] as const),
  ['submitted', 'startEditing', 'editing'],
  ...decisions('saveEdit', 'editing'),
  ...decisions('adopt', 'adopted'),
  ...decisions('combine', 'adopted'),
  ...decisions('absorb', 'combined'),
  ...decisions('archive', 'archived'),
  ...decisions('return', 'returned'),
  ['adopted', 'reopen', 'editing'],
  ['archived', 'reopen', 'editing'],
  ...staying(
    ['adopted'] as const,
    ['report', 'recordExternalOutcome', 'recordInstruction', 'reportInstructionDone', 'forward'] as const,
  ),
]);

describeWorkflowTable(forwardingWorkflowTable, { states: forwardingStates, commands: forwardingCommands }, [
  ['forwarded', 'acknowledge', 'acknowledged'],
  ['forwarded', 'answer', 'answered'],
  ['acknowledged', 'answer', 'answered'],
  ['forwarded', 'returnItem', 'returned'],
  ['acknowledged', 'returnItem', 'returned'],
  ['answered', 'acceptAnswer', 'accepted'],
  ['answered', 'rejectAnswer', 'acknowledged'],
]);

describe('opinion workflow permissions', () => {
  it('leaves withdrawn and combined opinions as they are and lets only the server absorb one', () => {
    for (const s of ['withdrawn', 'combined'] as const)
      expect(opinionWorkflowTable.transitions.filter((t) => t.from === s)).toEqual([]);
    expect(opinionWorkflowTable.permissionOf('absorb')).toBe('system');
    expect(opinionWorkflowTable.permissionOf('adopt')).toBe('edit');
    expect(opinionWorkflowTable.permissionOf('submit')).toBe('author');
  });
});
