/**
 * "The strap drops every 30 s for 10 minutes of session time: the session is whole" (issue 7), at full length:
 * the fake strap (fake-strap.ts) under a hand-driven clock, through the real BluetoothHeartSource, LiveSession
 * with the real HRV engine, and the Recording into IndexedDB (fake-indexeddb). The end-to-end test
 * test/e2e/faults-bluetooth.e2e.ts does the same 20 drops through Chromium's emulated strap and the app's
 * buttons, with a few seconds of beats between drops, since beats there must arrive in real time.
 */
import 'fake-indexeddb/auto';
import { inProcessAnalyser } from '../../../src/adapters/worker/in-process-analyser';
import { describe, expect, it } from 'vitest';
import { BluetoothHeartSource } from '../../../src/adapters/bluetooth/bluetooth-heart-source';
import { ResonanceStore } from '../../../src/adapters/storage/store';
import { Random } from '../../../src/core/random';
import type { SessionRecord } from '../../../src/core/session/record';
import { Recording } from '../../../src/state/recording.svelte';
import { LiveSession } from '../../../src/state/session.svelte';
import { FakeStrap, ManualTimers } from './fake-strap';

/** Heart Rate Measurement bytes: contact detected, RR present, RR in 1/1024 s. */
const packet = (rrUnits: readonly number[]) => [0x16, 70, ...rrUnits.flatMap((u) => [u & 0xff, u >> 8])];

describe('a strap that drops every 30 s for 10 minutes', () => {
  it('makes one session holding every delivered beat, with each reconnect’s first beat after a gap', async () => {
    const opened = await ResonanceStore.open(`strap-drops-${Date.now()}`);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const store = opened.value;
    const timers = new ManualTimers();
    let flush: () => void = () => {};
    const records: SessionRecord[] = [];
    const recording = new Recording({
      onFinished: (r) => records.push(r),
      timers: { setInterval: (fn) => ((flush = fn), 1), clearInterval: () => {} },
    });
    recording.attach(store);
    const session = new LiveSession(inProcessAnalyser, () => timers.now());
    session.observe(recording);
    const strap = new FakeStrap('Polar H10 DROPS');
    const source = new BluetoothHeartSource(strap.asDevice(), { timers });
    const starts: string[] = [];
    const stops: string[] = [];
    session.observe({
      started: (info) => starts.push(info.sessionId),
      stopped: (info) => stops.push(info.sessionId),
    });
    await session.start(source);

    // The heart: RR around 850 ms with a breathing swing, whole units of 1/1024 s. The strap sends, about
    // once a second, the beats since its last packet; while the link is down those beats are lost.
    const random = new Random(7);
    let heartMs = 0;
    const nextRr = () => Math.round((850 + 120 * Math.sin(heartMs / 1600) + 15 * random.normal()) * 1.024);
    let nextUnits = nextRr();
    let nextBeatMs = (nextUnits * 1000) / 1024;
    const sent: { units: number; afterDrop: boolean }[] = [];
    let afterDrop = false;
    /** Beats of the heart up to now, as the strap would pack them. */
    const beatsUntil = (nowMs: number) => {
      const units: number[] = [];
      while (nextBeatMs <= nowMs) {
        units.push(nextUnits);
        heartMs = nextBeatMs;
        nextUnits = nextRr();
        nextBeatMs = heartMs + (nextUnits * 1000) / 1024;
      }
      return units;
    };

    const drops = 20;
    const stretchMs = 30_000;
    for (let stretch = 0; stretch <= drops; stretch += 1) {
      const endMs = (stretch + 1) * stretchMs;
      while (timers.now() + 1000 <= endMs) {
        // Radio delay: packets arrive 20-60 ms after the second.
        await timers.advance(1000 - (timers.now() % 1000) + 20 + 40 * random.next());
        const units = beatsUntil(timers.now());
        if (units.length === 0) continue;
        strap.measurement.notify(packet(units));
        units.forEach((u, i) => sent.push({ units: u, afterDrop: afterDrop && i === 0 }));
        afterDrop = false;
      }
      if (stretch === drops) break;
      await timers.advance(endMs - timers.now());
      beatsUntil(timers.now()); // beaten but never sent: the link goes down
      strap.drop();
      expect(session.status?.state).toBe('reconnecting');
      await timers.advance(1000); // the backoff's first attempt
      expect(session.status?.state).toBe('live');
      beatsUntil(timers.now()); // beaten while the strap was away
      afterDrop = true;
      if (stretch % 4 === 3) flush(); // the recorder's periodic flush runs now and then
    }
    expect(timers.now()).toBeGreaterThanOrEqual(10 * 60_000);
    expect(strap.connects).toBe(drops + 1);
    expect(session.metrics?.beatCount).toBe(sent.length);
    expect(recording.recordedBeats).toBe(sent.length);

    await session.stop();
    await timers.advance(100);
    // The recorder's last write goes through fake-indexeddb's own timers: wait for it, however loaded the machine.
    await expect.poll(() => records.length, { timeout: 10_000 }).toBe(1);
    expect(session.status).toEqual({ state: 'ended', reason: 'stopped' });
    expect(session.running).toBe(false);
    expect(timers.pending).toBe(0);
    expect(strap.measurement.listeners).toBe(0);
    // The same session from start to Stop: started once, stopped once, never restarted by a reconnect.
    expect(starts).toHaveLength(1);
    expect(stops).toEqual(starts);
    expect(recording.active).toBe(false);

    // One session, stored whole: every RR sent, in order, gaps exactly at each reconnect's first beat.
    expect(records).toHaveLength(1);
    const record = records[0];
    if (!record) throw new Error('no record');
    expect(record.status).toBe('finished');
    expect(record.id).toBe(starts[0]);
    expect(record.summary.beatCount).toBe(sent.length);
    const unfinished = await store.unfinishedSessions();
    expect(unfinished.ok && unfinished.value).toEqual([]);
    const beats = await store.readBeats(record.id);
    if (!beats.ok) throw new Error(JSON.stringify(beats.error));
    expect(beats.value.map((b) => Math.round((b.rrMs * 1024) / 1000))).toEqual(sent.map((s) => s.units));
    expect(beats.value.map((b) => b.afterGap)).toEqual(sent.map((s) => s.afterDrop));
    expect(sent.filter((s) => s.afterDrop)).toHaveLength(drops);
    // Beat times rise and span the 10 minutes.
    const times = beats.value.map((b) => b.timeMs);
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? 0))).toBe(true);
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThan(9.9 * 60_000);
    store.close();
  }, 60_000); // about 0.4 s alone; generous so a loaded machine cannot time it out
});
