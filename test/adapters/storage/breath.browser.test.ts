import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { SessionRecorder } from '../../../src/adapters/storage/recorder';
import type { Intervals } from '../../../src/adapters/timers';
import { ResonanceStore } from '../../../src/adapters/storage/store';
import { BreathTrace, BREATH_STEP_MS } from '../../../src/core/respiration/breath-trace';
import { makeBeats, uniqueDbName } from './fixtures';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await deleteDB(name);
});

async function openStore(): Promise<ResonanceStore> {
  const name = uniqueDbName('breath');
  names.push(name);
  const result = await ResonanceStore.open(name);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const timers: Intervals = { setInterval: () => 1, clearInterval: () => {} };
const start = (id: string) => ({
  id,
  startTimeMs: 1_700_000_000_000,
  sourceKind: 'bluetooth' as const,
  sourceLabel: 'Polar H10',
});

/** A chest analysis's signal: a one-minute window at 10 Hz ending at `endS`, a 6/min breath. */
function analysis(endS: number) {
  const startS = Math.max(0, endS - 60);
  const n = Math.round((endS - startS) * 10) + 1;
  const values = Float32Array.from({ length: n }, (_, k) => Math.sin((2 * Math.PI * (startS + k / 10)) / 10));
  return { startS, stepS: 0.1, values };
}

describe('the measured breath in the session record (real IndexedDB)', () => {
  it('is stored across chunks as the live trace grew, with no hole and no repeat, and read back whole', async () => {
    const store = await openStore();
    const recorder = new SessionRecorder(store, start('b'), { timers, holdLock: () => () => {} });
    const trace = new BreathTrace();
    recorder.recordBreath(trace);
    await recorder.begin();
    const beats = makeBeats(900); // ~760 s, four chunks
    let next = 0;
    // Beats and breath arrive together; a flush every 4 s, as the recorder's timer does.
    for (let s = 4; s <= 770; s += 4) {
      while (next < beats.length && (beats[next]?.timeMs ?? 0) <= s * 1000) recorder.record(beats[next++]!);
      if (s % 2 === 0) trace.add(analysis(s));
      await recorder.flush();
    }
    await recorder.stop();

    const read = await store.readBreath('b');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const whole = trace.slice(Number.NEGATIVE_INFINITY);
    expect(read.value?.startMs).toBe(whole?.startMs);
    expect(read.value?.values.length).toBe(whole?.values.length);
    expect(Array.from(read.value?.values ?? [])).toEqual(Array.from(whole?.values ?? []));
    // ~4 Hz over the session and the breath's shape kept: a full swing at the 6/min rate.
    expect(whole!.values.length).toBeGreaterThan((760 * 1000) / BREATH_STEP_MS - 40);
    const t = (k: number) => (whole!.startMs + k * BREATH_STEP_MS) / 1000;
    expect(read.value!.values[1000]).toBeCloseTo(Math.sin((2 * Math.PI * t(1000)) / 10), 2);
    store.close();
  });

  it('is null for a session recorded without a chest sensor (and its beats are as before)', async () => {
    const store = await openStore();
    const recorder = new SessionRecorder(store, start('plain'), { timers, holdLock: () => () => {} });
    await recorder.begin();
    makeBeats(300).forEach((b) => recorder.record(b));
    await recorder.stop();
    const read = await store.readBreath('plain');
    expect(read.ok && read.value).toBeNull();
    const beats = await store.readBeats('plain');
    expect(beats.ok && beats.value.length).toBe(300);
    store.close();
  });
});
