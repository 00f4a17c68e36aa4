import { proposalWorkflowTable, type ProposalCommand, type ProposalState } from '@cppcc/shared';
import { proposals } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { defineWorkflow, type WorkflowStep, type WorkflowStepOutcome } from '../../lib/workflow';
import type { ProposalAccess } from '../../policies/proposal';
import { accessOf, type ProposalRow } from './access';
import { settleTaskNotices } from './tasks';

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
    async (step) => {
      const outcome = await apply({ ...step, proposal: step.record });
      await settleTaskNotices(step.tx, ctx.actor, input.command, step.record.id);
      return outcome;
    },
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

/**
 * A review decision (立案, 不予立案, 并案, 退回): taken on a submitted proposal, it claims the proposal for
 * the deciding staff member as 开始审查 would have; a claimed proposal keeps its reviewer.
 */
export function reviewDecision<I extends { version?: number }, R = void>(
  command: Extract<ProposalCommand, 'accept' | 'reject' | 'merge' | 'return'>,
  apply: (step: Step, input: I) => Promise<StepOutcome<R> | void>,
) {
  return proposalCommand<I, R>(command, async (step, input) => {
    const outcome = await apply(step, input);
    const reviewerId = step.proposal.reviewerId ?? step.ctx.actor.userId;
    return { ...outcome, patch: { ...outcome?.patch, reviewerId } };
  });
}

/**
 * Runs one use case per item in one transaction: all or none. A refusal names the item it stopped at
 * (第 3 件（提案编号 41）：…), and the whole batch is rolled back.
 */
export async function inOneTransaction<T extends { proposalId: number }, R>(
  ctx: ServiceContext,
  items: readonly T[],
  run: (ctx: ServiceContext, item: T) => Promise<R>,
): Promise<R[]> {
  return ctx.db.transaction(async (tx) => {
    const results: R[] = [];
    for (const [i, item] of items.entries()) {
      try {
        results.push(await run({ ...ctx, db: tx }, item));
      } catch (e) {
        if (e instanceof Error && 'code' in e)
          e.message = `第 ${i + 1} 件（提案编号 ${item.proposalId}）：${e.message}`;
        throw e;
      }
    }
    return results;
  });
}

export const commandPolicies = proposalWorkflow.commandPolicies;
