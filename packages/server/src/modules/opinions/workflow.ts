import {
  forwardingWorkflowTable,
  opinionWorkflowTable,
  type ForwardingState,
  type OpinionCommand,
  type OpinionState,
} from '@cppcc/shared';
import { opinionForwardings, opinions } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { commandsOf, defineWorkflow, type WorkflowStep, type WorkflowStepOutcome } from '../../lib/workflow';
import type { ForwardingAccess, OpinionAccess } from '../../policies/opinion';
import { accessOf } from './access';

/** The opinion workflow: the shared transition table run by the generic runner (lib/workflow.ts). */
export const opinionWorkflow = defineWorkflow({
  resource: 'opinion',
  table: opinions,
  transitions: opinionWorkflowTable,
  loadAccess: accessOf,
  describe: (opinion) => opinion.title,
});

export type OpinionStep = WorkflowStep<typeof opinions, OpinionAccess, OpinionState>;
export type OpinionStepOutcome<R = void> = WorkflowStepOutcome<typeof opinions, OpinionCommand, R>;

/** An opinion command as the use case `(ctx, opinionId, input)`; the input's `version` is the one the caller saw. */
export function opinionCommand<I extends object, R = void>(
  command: OpinionCommand,
  apply: (step: OpinionStep, input: I) => Promise<OpinionStepOutcome<R> | void>,
) {
  return async (ctx: ServiceContext, id: number, input: I & { version?: number }) => {
    const { record, result } = await opinionWorkflow.run<R>(
      ctx,
      { id, command, version: input.version },
      (step) => apply(step, input),
    );
    return { opinion: record, result };
  };
}

/** A forwarded item's small workflow, run by the same engine. */
export const forwardingWorkflow = defineWorkflow({
  resource: 'opinionForwarding',
  table: opinionForwardings,
  transitions: forwardingWorkflowTable,
  loadAccess: async (_tx, row): Promise<ForwardingAccess> => ({
    committeeId: row.committeeId,
    unitId: row.unitId,
    channel: row.channel as ForwardingAccess['channel'],
  }),
  describe: (row) => `转办件${row.workOrderNumber ? `（工单号 ${row.workOrderNumber}）` : ''}`,
});

export type ForwardingStep = WorkflowStep<typeof opinionForwardings, ForwardingAccess, ForwardingState>;

/** A forwarded item's command as the use case `(ctx, forwardingId, input)`. */
export const forwardingCommand = commandsOf(forwardingWorkflow);
