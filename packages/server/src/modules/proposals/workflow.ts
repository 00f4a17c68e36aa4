import { and, eq } from 'drizzle-orm';
import {
  InvalidTransitionError,
  findTransition,
  nextState,
  proposalCommandLabels,
  proposalTransitions,
  type CommitteeSettings,
  type ProposalCommand,
  type ProposalState,
} from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { proposals } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { writeAudit } from '../../lib/audit';
import { AppError, conflict, notFound } from '../../lib/errors';
import { authorize, can } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { appendTimeline } from '../../lib/timeline';
import type { ProposalAccess } from '../../policies/proposal';
import { accessOf, type ProposalRow } from './access';

export interface Step {
  tx: DbOrTx;
  ctx: ServiceContext;
  proposal: ProposalRow;
  access: ProposalAccess;
  from: ProposalState;
  to: ProposalState;
  settings: CommitteeSettings;
  now: Date;
}

export interface StepOutcome<R> {
  /** Columns to change besides state and version. */
  patch?: Partial<typeof proposals.$inferInsert>;
  /** Timeline note and audit summary. */
  note?: string | null;
  changes?: unknown;
  /** A server step that follows (all answers approved → completeAnswering), applied in the same transaction. */
  then?: ProposalCommand;
  thenNote?: string;
  result?: R;
}

/** The ability a command needs; uniform across the command's rows of the table. */
export function permissionOf(command: ProposalCommand) {
  const row = proposalTransitions.find((t) => t.command === command);
  if (!row) throw new Error(`command ${command} has no transition`);
  return row.permission;
}

export const toAppError = (e: unknown) =>
  e instanceof InvalidTransitionError
    ? new AppError('INVALID_TRANSITION', e.message, { state: e.state, command: e.command })
    : e;

/** Locks the proposal row of the actor's committee; another committee's proposal is not found. */
export async function lockProposal(tx: DbOrTx, committeeId: number, proposalId: number) {
  const [row] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.committeeId, committeeId)))
    .for('update');
  if (!row) throw notFound('提案');
  return row;
}

/**
 * Runs one command of the workflow table as one transaction: lock the proposal, authorize, check the
 * version, take the step, apply the command's effects, then write state, timeline and audit.
 */
export async function runCommand<R = void>(
  ctx: ServiceContext,
  input: { proposalId: number; command: ProposalCommand; version?: number },
  apply: (step: Step) => Promise<StepOutcome<R> | void>,
): Promise<{ proposal: ProposalRow; result: R | undefined }> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const proposal = await lockProposal(tx, ctx.actor.committeeId, input.proposalId);
      const access = await accessOf(tx, proposal);
      authorize(ctx.actor, permissionOf(input.command), 'proposal', access);
      if (input.version !== undefined && input.version !== proposal.version) {
        throw conflict('该提案刚被他人处理，请刷新后查看最新状态');
      }
      const from = proposal.state as ProposalState;
      const to = nextState(from, input.command);
      const settings = await getSettings(tx, ctx.actor.committeeId);
      const now = new Date();
      const step: Step = { tx, ctx: { ...ctx, db: tx }, proposal, access, from, to, settings, now };
      const outcome = (await apply(step)) ?? {};
      let finalState = to;
      const timeline = [{ action: input.command, from, to, note: outcome.note ?? null }];
      if (outcome.then) {
        const after = nextState(to, outcome.then);
        timeline.push({ action: outcome.then, from: to, to: after, note: outcome.thenNote ?? null });
        finalState = after;
      }
      const [updated] = await tx
        .update(proposals)
        .set({ ...outcome.patch, state: finalState, version: proposal.version + 1, updatedAt: now })
        .where(eq(proposals.id, proposal.id))
        .returning();
      for (const t of timeline) {
        await appendTimeline(tx, ctx.actor, {
          recordType: 'proposal',
          recordId: proposal.id,
          action: t.action,
          fromState: t.from,
          toState: t.to,
          note: t.note,
        });
        await writeAudit(tx, ctx.actor, {
          action: `proposal.${t.action}`,
          targetType: 'proposal',
          targetId: proposal.id,
          summary: `${proposalCommandLabels[t.action]}：${proposal.title}${t.note ? `（${t.note}）` : ''}`,
          changes: {
            state: [t.from, t.to],
            ...(t === timeline[0] && outcome.changes ? { detail: outcome.changes } : {}),
          },
        });
      }
      return { proposal: updated!, result: outcome.result };
    });
  } catch (e) {
    throw toAppError(e);
  }
}

/** Whether the viewer may run each command now: the table allows it from the state and the policy allows the actor. */
export function commandPolicies(ctx: ServiceContext, proposal: ProposalRow, access: ProposalAccess) {
  const out: Record<string, boolean> = {};
  for (const command of new Set(proposalTransitions.map((t) => t.command))) {
    const permission = permissionOf(command);
    const allowedHere = findTransition(proposal.state as ProposalState, command) !== undefined;
    out[`can${command[0]!.toUpperCase()}${command.slice(1)}`] =
      allowedHere && can(ctx.actor, permission, 'proposal', access);
  }
  out.canRead = can(ctx.actor, 'read', 'proposal', access);
  return out;
}
