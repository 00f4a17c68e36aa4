/**
 * Workflow tables: every allowed step of a record's lifecycle as (from, command, to, permission)
 * rows; a step not in the table is refused. Each workflow module (proposals, opinions, activities …)
 * declares its table once with `defineWorkflowTable`; the server's runner and the UI read the same rows.
 */

export interface Transition<S extends string, C extends string, P extends string> {
  from: S;
  command: C;
  to: S;
  /** The ability of the record's policy that the actor needs for this step. */
  permission: P;
}

export interface WorkflowTableInput<S extends string, C extends string, P extends string> {
  /** The record's Chinese name, used in refusals: 提案, 社情民意信息 … */
  label: string;
  stateLabels: Record<S, string>;
  commandLabels: Record<C, string>;
  transitions: readonly Transition<S, C, P>[];
}

export interface WorkflowTable<
  S extends string,
  C extends string,
  P extends string,
> extends WorkflowTableInput<S, C, P> {
  /** The row for (state, command), or undefined when the step is not allowed. */
  find(state: S, command: C): Transition<S, C, P> | undefined;
  /** The state after `command`; throws `InvalidTransitionError` when the table has no such step. */
  next(state: S, command: C): S;
  /** Commands the table allows from a state (before any permission check). */
  commandsFrom(state: S): C[];
  /** The ability a command needs: one per command, whatever state it is taken from. */
  permissionOf(command: C): P;
  /** Every command that has at least one row. */
  commands: C[];
}

export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION' as const;
  constructor(
    readonly label: string,
    readonly state: string,
    readonly command: string,
    stateLabel: string,
    commandLabel: string,
  ) {
    super(`${label}当前状态为“${stateLabel}”，不能执行“${commandLabel}”`);
    this.name = 'InvalidTransitionError';
  }
}

export function defineWorkflowTable<S extends string, C extends string, P extends string>(
  input: WorkflowTableInput<S, C, P>,
): WorkflowTable<S, C, P> {
  const byStep = new Map<string, Transition<S, C, P>>();
  const permissions = new Map<C, P>();
  for (const row of input.transitions) {
    const key = `${row.from}:${row.command}`;
    if (byStep.has(key)) throw new Error(`${input.label}流程表重复：${key}`);
    byStep.set(key, row);
    const permission = permissions.get(row.command);
    if (permission !== undefined && permission !== row.permission)
      throw new Error(`${input.label}流程表中“${row.command}”需要的权限不一致`);
    permissions.set(row.command, row.permission);
  }
  const find = (state: S, command: C) => byStep.get(`${state}:${command}`);
  return {
    ...input,
    find,
    next(state, command) {
      const row = find(state, command);
      if (!row)
        throw new InvalidTransitionError(
          input.label,
          state,
          command,
          input.stateLabels[state] ?? state,
          input.commandLabels[command] ?? command,
        );
      return row.to;
    },
    commandsFrom: (state) => [
      ...new Set(input.transitions.filter((t) => t.from === state).map((t) => t.command)),
    ],
    permissionOf(command) {
      const permission = permissions.get(command);
      if (permission === undefined) throw new Error(`${input.label}流程表没有“${command}”`);
      return permission;
    },
    commands: [...permissions.keys()],
  };
}

/** Row builders for a table: `stay` keeps the state (a step inside it), `move` changes it. */
export function transitionBuilders<S extends string, C extends string, P extends string>() {
  return {
    stay: (states: readonly S[], command: C, permission: P): Transition<S, C, P>[] =>
      states.map((from) => ({ from, command, to: from, permission })),
    move: (states: readonly S[], command: C, to: S, permission: P): Transition<S, C, P>[] =>
      states.map((from) => ({ from, command, to, permission })),
  };
}
