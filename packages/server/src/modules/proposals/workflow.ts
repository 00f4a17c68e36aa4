import { proposalWorkflowTable, type ProposalCommand, type ProposalState } from '@cppcc/shared';
import { proposals } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { defineWorkflow, type WorkflowStep, type WorkflowStepOutcome } from '../../lib/workflow';
import type { ProposalAccess } from '../../policies/proposal';
import { accessOf, type ProposalRow } from './access';

/** The proposal workflow: the shared transition table run by the generic runner (lib/workflow.ts). */
export const proposalWorkflow = defineWorkflow({
  resource: 'proposal',
  table: proposals,
  transitions: proposalWorkflowTable,
  loadAccess: accessOf,
  describe: (proposal) => proposal.title,
});

/** A proposal step: the runner's step with the record under its own name. */
export type Step = WorkflowStep<typeof proposals, ProposalAccess, ProposalState> & { proposal: ProposalRow };
export type StepOutcome<R> = WorkflowStepOutcome<typeof proposals, ProposalCommand, R>;

export const lockProposal = proposalWorkflow.lock;

/** Runs one proposal command (see `Workflow.run`). */
export async function runCommand<R = void>(
  ctx: ServiceContext,
  input: { proposalId: number; command: ProposalCommand; version?: number },
  apply: (step: Step) => Promise<StepOutcome<R> | void>,
): Promise<{ proposal: ProposalRow; result: R | undefined }> {
  const { record, result } = await proposalWorkflow.run<R>(
    ctx,
    { id: input.proposalId, command: input.command, version: input.version },
    (step) => apply({ ...step, proposal: step.record }),
  );
  return { proposal: record, result };
}

/**
 * A proposal command as the use case `(ctx, proposalId, input)`: `apply` is the step's effects, and the
 * input's `version` is the one the caller saw.
 */
export function proposalCommand<I extends { version?: number }, R = void>(
  command: ProposalCommand,
  apply: (step: Step, input: I) => Promise<StepOutcome<R> | void>,
) {
  return (ctx: ServiceContext, proposalId: number, input: I) =>
    runCommand<R>(ctx, { proposalId, command, version: input.version }, (step) => apply(step, input));
}

export const commandPolicies = proposalWorkflow.commandPolicies;
