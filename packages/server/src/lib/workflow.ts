import { and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { InvalidTransitionError, type CommitteeSettings, type WorkflowTable } from '@cppcc/shared';
import type { DbOrTx } from '../db/client';
import type { ServiceContext } from './actor';
import { writeAudit } from './audit';
import { AppError, conflict, notFound } from './errors';
import { authorize, can } from './policy';
import { getSettings } from './settings';
import { appendTimeline } from './timeline';

/** The columns the runner reads and writes on every workflow record. */
export type WorkflowRecordTable = PgTable & {
  id: AnyPgColumn;
  committeeId: AnyPgColumn;
  state: AnyPgColumn;
  version: AnyPgColumn;
  updatedAt: AnyPgColumn;
};

interface WorkflowRow {
  id: number;
  committeeId: number;
  state: string;
  version: number;
}

/**
 * One workflow: the record's table, its transition table and policy, and how to load the facts the
 * policy decides on (who proposed it, which units handle it …).
 */
export interface WorkflowDefinition<
  T extends WorkflowRecordTable,
  Access extends { committeeId: number },
  S extends string,
  C extends string,
  P extends string,
> {
  /** The policy resource (packages/server/src/policies/) and the timeline/audit record type. */
  resource: string;
  table: T;
  transitions: WorkflowTable<S, C, P>;
  loadAccess(tx: DbOrTx, record: T['$inferSelect']): Promise<Access>;
  /** How the record is named in audit summaries (its title). */
  describe(record: T['$inferSelect']): string;
}

export interface WorkflowStep<T extends WorkflowRecordTable, Access, S extends string> {
  tx: DbOrTx;
  /** The caller's context on the transaction. */
  ctx: ServiceContext;
  record: T['$inferSelect'];
  access: Access;
  from: S;
  to: S;
  settings: CommitteeSettings;
  now: Date;
}

export interface WorkflowStepOutcome<T extends WorkflowRecordTable, C extends string, R> {
  /** Columns to change besides state, version and updatedAt. */
  patch?: Partial<T['$inferInsert']>;
  /** Timeline note and audit summary. */
  note?: string | null;
  /** Audit detail of the change. */
  changes?: unknown;
  /** A server step that follows in the same transaction (all answers approved → completeAnswering). */
  then?: C;
  thenNote?: string;
  result?: R;
}

export interface WorkflowCommandInput<C extends string> {
  id: number;
  command: C;
  /** The version the caller saw; a different current version is a conflict. */
  version?: number;
  /**
   * A step the server takes as the consequence of another command (an opinion combined into the
   * one being adopted): allowed only for rows whose permission is `system`, which no person holds.
   */
  consequence?: boolean;
}

export interface Workflow<
  T extends WorkflowRecordTable,
  Access extends { committeeId: number },
  S extends string,
  C extends string,
  P extends string,
> {
  definition: WorkflowDefinition<T, Access, S, C, P>;
  /** Locks the record of the committee for update; another committee's record is not found. */
  lock(tx: DbOrTx, committeeId: number, id: number): Promise<T['$inferSelect']>;
  /**
   * Runs one command as one transaction: lock the record inside the actor's committee, load access,
   * authorize, check the version, take the step, apply the command's effects (`apply`), and write
   * state, version, timeline and audit.
   */
  run<R = void>(
    ctx: ServiceContext,
    input: WorkflowCommandInput<C>,
    apply: (step: WorkflowStep<T, Access, S>) => Promise<WorkflowStepOutcome<T, C, R> | void>,
  ): Promise<{ record: T['$inferSelect']; result: R | undefined }>;
  /** `canAccept`, `canSubmit` …: the table allows the command from the state and the policy allows the actor. */
  commandPolicies(ctx: ServiceContext, record: T['$inferSelect'], access: Access): Record<string, boolean>;
}

const policyKey = (command: string) => `can${command[0]!.toUpperCase()}${command.slice(1)}`;

/** A refusal of the table as the API's error. */
export const workflowError = (e: unknown) =>
  e instanceof InvalidTransitionError
    ? new AppError('INVALID_TRANSITION', e.message, { state: e.state, command: e.command })
    : e;

export function defineWorkflow<
  T extends WorkflowRecordTable,
  Access extends { committeeId: number },
  S extends string,
  C extends string,
  P extends string,
>(definition: WorkflowDefinition<T, Access, S, C, P>): Workflow<T, Access, S, C, P> {
  const { resource, table, transitions } = definition;
  const label = transitions.label;
  // Drizzle cannot type queries over a table known only by its shape; the columns are checked above.
  const anyTable = table as unknown as PgTable & Record<'id' | 'committeeId', AnyPgColumn>;

  const lock = async (tx: DbOrTx, committeeId: number, id: number) => {
    const [row] = await tx
      .select()
      .from(anyTable)
      .where(and(eq(table.id, id), eq(table.committeeId, committeeId)))
      .for('update');
    if (!row) throw notFound(label);
    return row as T['$inferSelect'];
  };

  return {
    definition,
    lock,
    async run(ctx, input, apply) {
      try {
        return await ctx.db.transaction(async (tx) => {
          const record = await lock(tx, ctx.actor.committeeId, input.id);
          const row = record as unknown as WorkflowRow;
          const access = await definition.loadAccess(tx, record);
          const permission = transitions.permissionOf(input.command);
          if (!(input.consequence && permission === 'system'))
            authorize(ctx.actor, permission, resource, access);
          if (input.version !== undefined && input.version !== row.version) {
            throw conflict(`该${label}刚被他人处理，请刷新后查看最新状态`);
          }
          const from = row.state as S;
          const to = transitions.next(from, input.command);
          const settings = await getSettings(tx, ctx.actor.committeeId);
          const now = new Date();
          const step = { tx, ctx: { ...ctx, db: tx }, record, access, from, to, settings, now };
          const outcome = (await apply(step)) ?? {};
          let finalState = to;
          const timeline = [{ action: input.command, from, to, note: outcome.note ?? null }];
          if (outcome.then) {
            const after = transitions.next(to, outcome.then);
            timeline.push({ action: outcome.then, from: to, to: after, note: outcome.thenNote ?? null });
            finalState = after;
          }
          const [updated] = await tx
            .update(anyTable)
            .set({ ...outcome.patch, state: finalState, version: row.version + 1, updatedAt: now } as never)
            .where(eq(table.id, row.id))
            .returning();
          const name = definition.describe(record);
          for (const t of timeline) {
            await appendTimeline(tx, ctx.actor, {
              recordType: resource,
              recordId: row.id,
              action: t.action,
              fromState: t.from,
              toState: t.to,
              note: t.note,
            });
            await writeAudit(tx, ctx.actor, {
              action: `${resource}.${t.action}`,
              targetType: resource,
              targetId: row.id,
              summary: `${transitions.commandLabels[t.action]}：${name}${t.note ? `（${t.note}）` : ''}`,
              changes: {
                state: [t.from, t.to],
                ...(t === timeline[0] && outcome.changes ? { detail: outcome.changes } : {}),
              },
            });
          }
          return { record: updated as T['$inferSelect'], result: outcome.result };
        });
      } catch (e) {
        throw workflowError(e);
      }
    },
    commandPolicies(ctx, record, access) {
      const state = (record as unknown as WorkflowRow).state as S;
      const out: Record<string, boolean> = {};
      for (const command of transitions.commands) {
        out[policyKey(command)] =
          transitions.find(state, command) !== undefined &&
          can(ctx.actor, transitions.permissionOf(command), resource, access);
      }
      out.canRead = can(ctx.actor, 'read', resource, access);
      return out;
    },
  };
}

/**
 * A workflow's commands as use cases `(ctx, id, input) → record`: `commandsOf(workflow)('send', apply)`.
 * The input's `version` is the one the caller saw.
 */
export function commandsOf<
  T extends WorkflowRecordTable,
  Access extends { committeeId: number },
  S extends string,
  C extends string,
  P extends string,
>(workflow: Workflow<T, Access, S, C, P>) {
  return <I extends object>(
      command: C,
      apply: (step: WorkflowStep<T, Access, S>, input: I) => Promise<WorkflowStepOutcome<T, C, void> | void>,
    ) =>
    async (ctx: ServiceContext, id: number, input: I & { version?: number }) =>
      (await workflow.run(ctx, { id, command, version: input.version }, (step) => apply(step, input))).record;
}
