/**
 * CPU time by side during a benchmark run (Linux /proc; elsewhere nothing is printed): the app server's
 * processes, PostgreSQL's, and this benchmark process (the load generator). Core-milliseconds a request are
 * far steadier than req/s on a shared 2-core machine, where every side competes for the same cores.
 */
import { readdirSync, readFileSync } from "node:fs";

export type CpuSides = { app: number; postgres: number; client: number };

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, in clock ticks; null once it is gone. */
function ticksOf(pid: string): { comm: string; ticks: number; cmdline: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    return { comm: stat.slice(stat.indexOf("(") + 1, close), ticks: Number(fields[11]) + Number(fields[12]), cmdline };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by each side; `isApp(cmdline)` picks the app server's processes. */
export function cpuNow(isApp: (cmdline: string) => boolean): CpuSides | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const out: CpuSides = { app: 0, postgres: 0, client: 0 };
  for (const pid of pids) {
    const t = ticksOf(pid);
    if (!t) continue;
    const secs = t.ticks / TICKS_PER_SECOND;
    if (Number(pid) === process.pid) out.client += secs;
    else if (t.comm === "postgres") out.postgres += secs;
    else if (isApp(t.cmdline)) out.app += secs;
  }
  return out;
}

export function cpuSince(before: CpuSides | null, isApp: (cmdline: string) => boolean): CpuSides | null {
  const after = cpuNow(isApp);
  if (!before || !after) return null;
  return {
    app: after.app - before.app,
    postgres: after.postgres - before.postgres,
    client: after.client - before.client,
  };
}

/** "app 0.41 + postgres 0.22 + client 0.10 = 0.73 core-ms a request". */
export function cpuLine(used: CpuSides, requests: number): string {
  const ms = (s: number) => ((s * 1000) / requests).toFixed(3);
  return (
    `app ${ms(used.app)} + postgres ${ms(used.postgres)} + client ${ms(used.client)} = ` +
    `${ms(used.app + used.postgres + used.client)} core-ms a request`
  );
}
