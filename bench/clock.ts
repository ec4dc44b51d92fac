/**
 * Wall and CPU time of one call, after a full garbage collection so one
 * call's garbage is not collected on the next one's time. CPU time is the
 * process's (the JavaScript thread plus GC helpers): on a machine shared with
 * other work it stays near what an idle machine shows, where wall time grows
 * with the load.
 */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export interface Timing<T> {
  result: T;
  wallMs: number;
  cpuMs: number;
}

export function timed<T>(work: () => T): Timing<T> {
  gc();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}
