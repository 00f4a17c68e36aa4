import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, type WorkflowTable } from '@cppcc/shared';

/** Rows of commands that leave each of the states where it is. */
export const staying = <S extends string, C extends string>(states: readonly S[], commands: readonly C[]) =>
  states.flatMap((s) => commands.map((c): [S, C, S] => [s, c, s]));

/**
 * Tests a workflow table against its lifecycle written out by hand, independently of how the table is
 * built: every listed (state, command) goes where it says, every other pair is refused with the
 * table's Chinese message, and each command needs one permission.
 */
export function describeWorkflowTable<S extends string, C extends string, P extends string>(
  table: WorkflowTable<S, C, P>,
  vocabulary: { states: readonly S[]; commands: readonly C[] },
  expected: [S, C, S][],
) {
  describe(`${table.label} workflow table`, () => {
    const allowed = new Map(expected.map(([from, command, to]) => [`${from}:${command}`, to]));

    it('has exactly the listed rows, of known states and commands', () => {
      const keys = table.transitions.map((t) => `${t.from}:${t.command}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const t of table.transitions) {
        expect(vocabulary.states).toContain(t.from);
        expect(vocabulary.states).toContain(t.to);
        expect(vocabulary.commands).toContain(t.command);
      }
      expect(keys.sort()).toEqual([...allowed.keys()].sort());
    });

    for (const state of vocabulary.states) {
      for (const command of vocabulary.commands) {
        const to = allowed.get(`${state}:${command}`);
        if (to) {
          it(`${state} --${command}--> ${to}`, () => expect(table.next(state, command)).toBe(to));
        } else {
          it(`${state} refuses ${command}`, () => {
            expect(() => table.next(state, command)).toThrow(InvalidTransitionError);
            try {
              table.next(state, command);
            } catch (e) {
              expect((e as InvalidTransitionError).code).toBe('INVALID_TRANSITION');
              expect((e as Error).message).toMatch(
                new RegExp(`^${table.label}当前状态为“.+”，不能执行“.+”$`),
              );
            }
          });
        }
      }
    }

    it('needs one permission per command', () => {
      for (const c of table.commands) {
        const perms = new Set(table.transitions.filter((t) => t.command === c).map((t) => t.permission));
        expect(perms.size, c).toBe(1);
      }
    });
  });
}
