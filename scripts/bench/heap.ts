/**
 * heap-growth-mb-per-hour: retained heap growth over an 8-hour simulated session, fast-forwarded. Target: within 5.
 *
 * The app's own session path runs in node: LiveSession and the adaptive PacerControl following it (compiled by
 * Svelte through Vite's SSR loader, as `*.svelte.ts` needs the compiler), the simulated heart on a clock the
 * benchmark advances, and the live HRV analysis the worker runs (its HrvEngine through inProcessAnalyser: metrics and the pacer's per-breath
 * response, in-process here, fed the same beats and breaths the worker would get). Every second of
 * session time the clock moves on, due beats flow through, and the pacer is read as the screen would. After each
 * simulated hour the heap is measured after a full garbage collection; the figure is the least-squares slope of
 * those eight measurements, in MB per hour. Checked: an observer that keeps a copy of every beat (about 4,000 an
 * hour) raises the figure by about 0.3 MB per hour, so even that small a leak shows.
 */
import { createServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import type { LiveMetrics } from '../../src/core/hrv/live.ts';

type SessionModule = typeof import('../../src/state/session.svelte.ts');
type AnalyserModule = typeof import('../../src/adapters/worker/in-process-analyser.ts');
type SimulatedModule = typeof import('../../src/adapters/sources/simulated-source.ts');
type PacerModule = typeof import('../../src/state/pacer.svelte.ts');
type SettingsModule = typeof import('../../src/state/settings.svelte.ts');

const HOURS = 8;
const STEP_MS = 1_000;

/** A full collection on demand, without starting node with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc !== 'function') throw new Error('cannot reach the garbage collector');
  const run = gc as () => void;
  return () => {
    run();
    run();
  };
}

/** Least-squares slope of y over x. */
function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    sxx += ((xs[i] ?? 0) - mx) ** 2;
  }
  return sxy / sxx;
}

export async function run(): Promise<Record<string, number>> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const vite = await createServer({
    root,
    configFile: false,
    plugins: [svelte()],
    logLevel: 'error',
    appType: 'custom',
    cacheDir: '.vite-cache',
    server: { middlewareMode: true, hmr: false, watch: null },
  });
  try {
    const { LiveSession } = (await vite.ssrLoadModule('/src/state/session.svelte.ts')) as SessionModule;
    const { inProcessAnalyser } = (await vite.ssrLoadModule(
      '/src/adapters/worker/in-process-analyser.ts',
    )) as AnalyserModule;
    const { SimulatedHeartSource } = (await vite.ssrLoadModule(
      '/src/adapters/sources/simulated-source.ts',
    )) as SimulatedModule;
    const { PacerControl } = (await vite.ssrLoadModule('/src/state/pacer.svelte.ts')) as PacerModule;
    const { Settings } = (await vite.ssrLoadModule('/src/state/settings.svelte.ts')) as SettingsModule;
    const gc = collector();

    let nowMs = 0;
    const now = () => nowMs;
    let latest: LiveMetrics | null = null;
    const session = new LiveSession(
      (onMetrics, ...rest) => inProcessAnalyser((m) => onMetrics((latest = m)), ...rest),
      now,
    );
    // The adaptive pacer follows the session as in the app (no sound, no wake lock in node).
    const pacer = new PacerControl(session, new Settings(null), { cueLoop: () => null, wakeLock: null });
    // The source's own timer is parked (an hour between ticks); the benchmark ticks it as the clock advances.
    const source = new SimulatedHeartSource({ seed: 7 }, session.breathingAt, { now, tickMs: 3_600_000 });
    await session.start(source);

    const hours: number[] = [];
    const heapMb: number[] = [];
    for (let hour = 1; hour <= HOURS; hour++) {
      const endMs = hour * 3_600_000;
      while (nowMs < endMs) {
        nowMs += STEP_MS;
        source.tick();
        session.pacerNow();
      }
      gc();
      hours.push(hour);
      heapMb.push(process.memoryUsage().heapUsed / 1_048_576);
    }
    const beats = (latest as LiveMetrics | null)?.beatCount ?? 0;
    await session.stop();
    session.dispose();
    if (pacer.reason === null) throw new Error('the adaptive pacer never acted');
    if (beats < HOURS * 3_600 * 0.7) throw new Error(`only ${beats} beats in ${HOURS} simulated hours`);
    return { 'heap-growth-mb-per-hour': slope(hours, heapMb) };
  } finally {
    await vite.close();
  }
}
