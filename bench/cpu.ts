/**
 * CPU accounting for the benchmarks, from Linux's /proc: the CPU time of processes picked by their
 * command line or their parentage, so that a run can say which process spent what.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** This process's own CPU time (user + system), µs. */
export function ownCpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** CPU milliseconds of the processes whose command line `matches`, by pid (Linux /proc; empty elsewhere). */
export function processCpu(matches: (cmdline: string) => boolean): Map<number, number> {
  const found = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!matches(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '))) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks of 1/100 s (USER_HZ).
      found.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

/** Backends of one database: "postgres: [cluster: ]user database host(port) activity". */
export const backendsOf = (database: string) => (cmdline: string) => new RegExp(`^postgres: (?:\\S+: )?\\S+ ${database} `).test(cmdline);
export const isRedis = (cmdline: string): boolean => /^(\S*\/)?redis-server /.test(cmdline);

/** CPU milliseconds of one process (0 once it has ended). */
export function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The descendants of a process (children, their children, …). */
export function descendants(pid: number): number[] {
  const all: number[] = [];
  const walk = (p: number) => {
    let children: number[] = [];
    try {
      children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      /* gone */
    }
    for (const c of children) {
      all.push(c);
      walk(c);
    }
  };
  walk(pid);
  return all;
}

/** CPU used between two snapshots by the processes of `after` (a process that ended meanwhile is not counted). */
export function delta(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}
