import { readdirSync, readFileSync } from 'node:fs';

/** State and process group of a process, from /proc; undefined once it has gone. */
function statOf(pid: number | string): { state: string; pgrp: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state, ppid, pgrp.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state!, pgrp: Number(pgrp) };
  } catch {
    return undefined;
  }
}

const live = (stat: { state: string } | undefined) => !!stat && stat.state !== 'Z' && stat.state !== 'X';

/** Whether a process runs (it exists and is not a zombie). */
export const isAlive = (pid: number) => live(statOf(pid));

/** Pids of live (not zombie) processes in a process group. */
export function livePidsOfGroup(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      const stat = statOf(entry);
      return live(stat) && stat!.pgrp === pgid;
    })
    .map(Number);
}
