import { describe, expect, it, vi } from 'vitest';
import { SimulatedHeartSource } from '../../src/adapters/sources/simulated-source';
import { LiveBreathResponse } from '../../src/core/pacer/live-response';
import { PacerControl } from '../../src/state/pacer.svelte';
import { LiveSession } from '../../src/state/session.svelte';
import type { CreateAnalyser } from '../../src/core/hrv/protocol';
import type { HeartSource, HeartSourceListener } from '../../src/core/heart/types';
import { SETTING_KEYS, Settings } from '../../src/state/settings.svelte';
import { inProcessAnalyser } from '../../src/adapters/worker/in-process-analyser';
import { MapSettingsStorage } from './settings-storage';

/** A live session on a hand-driven clock with a simulated person (resonance 5/min) following the pacer. */
async function setup(store: MapSettingsStorage | null = new MapSettingsStorage()) {
  const settings = new Settings(store);
  await settings.load();
  let nowMs = 0;
  const session = new LiveSession(inProcessAnalyser, () => nowMs);
  let loops = 0;
  const endCues: unknown[] = [];
  const pacer = new PacerControl(session, settings, {
    cueLoop: () => {
      loops += 1;
      return null;
    },
    wakeLock: null,
    endCue: (options) => endCues.push(options),
  });
  const source = new SimulatedHeartSource({ seed: 8, resonanceBpm: 5 }, session.breathingAt, {
    now: () => nowMs,
    tickMs: 60_000,
  });
  const runFor = (seconds: number) => {
    const end = nowMs + seconds * 1000;
    while (nowMs < end) {
      nowMs += 250;
      source.tick();
    }
  };
  return { session, pacer, settings, source, runFor, loops: () => loops, endCues };
}

describe('PacerControl', () => {
  it('measures only from the beats the HRV engine labelled normal: without labels it waits', async () => {
    let nowMs = 0;
    // The worker's per-breath response with every beat left unlabelled.
    const unlabelled: CreateAnalyser = (_metrics, _error, _health, onBreathResponse) => {
      const response = new LiveBreathResponse();
      return {
        reset: () => response.reset(),
        push: (beats) => {
          for (const b of beats) response.beat(b);
        },
        breaths: (update) => {
          const r = response.began(update);
          if (r) onBreathResponse(r);
        },
        dispose() {},
      };
    };
    const session = new LiveSession(unlabelled, () => nowMs);
    const settings = new Settings(null);
    await settings.load();
    const pacer = new PacerControl(session, settings, { cueLoop: () => null, wakeLock: null });
    const source = new SimulatedHeartSource({ seed: 8, resonanceBpm: 5 }, session.breathingAt, {
      now: () => nowMs,
      tickMs: 60_000,
    });
    session.setRate(6);
    await session.start(source);
    const end = 4 * 60 * 1000;
    while (nowMs < end) {
      nowMs += 250;
      source.tick();
    }
    expect(pacer.reason?.kind).toBe('no-beats');
    expect(session.rateBpm).toBe(6);
    await session.stop();
  });

  it('plays the end cue, in the chosen sound, when a session reaches its length, and not on Stop', async () => {
    vi.useFakeTimers();
    try {
      const { session, pacer, source, runFor, endCues } = await setup();
      pacer.setCues({ sound: 'chime', vibration: false, volume: 0.4 });
      session.setLength(5);
      await session.start(source);
      runFor(5 * 60 + 12);
      vi.advanceTimersByTime(250);
      await vi.waitFor(() => expect(session.running).toBe(false));
      expect(session.completed).toBe(true);
      expect(endCues).toEqual([{ sound: 'chime', vibration: false, volume: 0.4 }]);

      await session.start(source);
      runFor(30);
      await session.stop();
      expect(endCues).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('adapts the rate toward resonance during a session, saying why', async () => {
    const { session, pacer, source, runFor, loops } = await setup();
    session.setRate(6);
    await session.start(source);
    expect(loops()).toBe(1);
    // 20 minutes: the controller sweeps past the peak and comes back to it.
    runFor(20 * 60);
    expect(Math.abs(session.rateBpm - 5)).toBeLessThanOrEqual(0.5);
    expect(pacer.reason?.kind).toMatch(/^(at-peak|to-peak|exploring|climbing|turning)$/);
    await session.stop();
  });

  it('steers on from a rate the person sets by hand, and moves into a band the person narrows', async () => {
    const { session, pacer, source, runFor } = await setup();
    session.setRate(6.5);
    await session.start(source);
    runFor(3 * 60);
    const adapted = session.rateBpm;
    expect(adapted).toBeLessThan(6.5);
    session.setRate(4.2);
    runFor(30);
    // The controller did not snap back to its own rate; it waits for the heart to settle at the new one.
    expect(session.rateBpm).toBe(4.2);
    expect(pacer.reason?.kind).toBe('settling');
    pacer.setBand(4.5, 5.5);
    expect(session.rateBpm).toBeCloseTo(4.5, 9);
    runFor(4 * 60);
    expect(session.rateBpm).toBeGreaterThanOrEqual(4.5 - 1e-9);
    expect(session.rateBpm).toBeLessThanOrEqual(5.5 + 1e-9);
    await session.stop();
  });

  it('does not move a locked rate or a box-breathing preset', async () => {
    const { session, pacer, source, runFor } = await setup();
    session.setRate(6);
    pacer.setLocked(true);
    await session.start(source);
    runFor(4 * 60);
    expect(session.rateBpm).toBe(6);
    expect(pacer.reason).toEqual({ kind: 'locked', rateBpm: 6 });
    pacer.setLocked(false);
    pacer.choosePreset('box');
    runFor(4 * 60);
    expect(session.rateBpm).toBeCloseTo(3.75, 9);
    expect(session.schedule.pattern).toEqual({ inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 });
    await session.stop();
  });

  it("keeps the person's choices and the rate a session ended at, and the next pacer starts from them", async () => {
    const store = new MapSettingsStorage();
    const first = await setup(store);
    first.pacer.choosePreset('extended-exhale');
    first.pacer.setLocked(true);
    first.pacer.setBand(4.5, 6.5);
    first.pacer.setCues({ sound: 'chime', vibration: false, volume: 0.2 });
    first.pacer.setAnnounce(true);
    first.pacer.setRate(5.2);
    await first.session.start(first.source);
    first.runFor(60);
    await first.session.stop();
    await first.settings.settled();

    const next = await setup(store);
    expect(next.pacer.presetId).toBe('extended-exhale');
    expect(next.pacer.locked).toBe(true);
    expect(next.pacer.band).toEqual({ minBpm: 4.5, maxBpm: 6.5 });
    expect(next.pacer.cues).toEqual({ sound: 'chime', vibration: false, volume: 0.2 });
    expect(next.pacer.announce).toBe(true);
    expect(next.session.rateBpm).toBeCloseTo(5.2, 9);

    next.pacer.choosePreset('resonance-equal');
    await next.settings.settled();
    expect((await setup(store)).session.rateBpm).toBeCloseTo(6, 9);
  });

  it('runs the stepped assessment, stores the result with its date, and the next session starts from it', async () => {
    const store = new MapSettingsStorage();
    const { session, pacer, settings, source, runFor } = await setup(store);
    pacer.setAdaptive(false);
    await session.start(source);
    runFor(60);
    pacer.startAssessment('stepped');
    expect(pacer.assessment).toMatchObject({ protocol: 'stepped', total: 55, rateBpm: 6.5, nextRateBpm: 6 });
    expect(pacer.assessment?.secondsLeft).toBeCloseTo(600, 6);
    runFor(10 * 60 + 30);
    expect(pacer.assessment).toBeNull();
    expect(pacer.result?.points.map((p) => p.rateBpm)).toEqual([6.5, 6, 5.5, 5, 4.5]);
    const found = pacer.result?.foundBpm ?? NaN;
    // Accuracy is the validation's business (test/core/pacer/validation.test.ts); here: an answer in the range.
    expect(found).toBeGreaterThanOrEqual(4.5);
    expect(found).toBeLessThanOrEqual(6.5);
    expect(pacer.result?.partial).toBe(false);
    expect(Date.parse(pacer.result?.dateIso ?? '')).not.toBeNaN();
    await session.stop();
    await settings.settled();
    expect(store.map.get(SETTING_KEYS.assessment)).toMatchObject({ foundBpm: found, partial: false });

    const next = await setup(store);
    expect(next.pacer.result?.foundBpm).toBe(found);
    expect(next.session.rateBpm).toBeCloseTo(found, 9);
  });

  it('stopping mid-assessment keeps what it measured, marked partial; a corrupt stored result is ignored', async () => {
    const store = new MapSettingsStorage();
    const corrupt = { protocol: 'stepped', foundBpm: 'five' };
    store.map.set(SETTING_KEYS.assessment, corrupt);
    const { session, pacer, settings, source, runFor } = await setup(store);
    expect(pacer.result).toBeNull();
    await session.start(source);
    pacer.startAssessment('sliding');
    runFor(20);
    await session.stop();
    // Two breaths in: nothing measured yet, so the stored value is left alone.
    expect(pacer.reason).toEqual({ kind: 'assessment-stopped', kept: false });
    await settings.settled();
    expect(store.map.get(SETTING_KEYS.assessment)).toBe(corrupt);
    await session.start(source);
    pacer.startAssessment('stepped');
    runFor(5 * 60);
    expect(pacer.assessment?.sofar?.points.length).toBeGreaterThan(1);
    await session.stop();
    expect(pacer.assessment).toBeNull();
    expect(pacer.reason).toEqual({ kind: 'assessment-stopped', kept: true });
    expect(pacer.result?.partial).toBe(true);
    expect(pacer.result?.points.map((p) => p.rateBpm).slice(0, 2)).toEqual([6.5, 6]);
    await settings.settled();
    expect(store.map.get(SETTING_KEYS.assessment)).toMatchObject({ partial: true });
  });
});

/**
 * A watch wrapped around a heart source: it passes on no beats, only, once a second, the mean heart rate of the
 * beats of the last 3 s rounded to a whole bpm, as a watch broadcasting heart rate does.
 */
class WatchOf implements HeartSource {
  readonly kind = 'bluetooth';
  readonly label = 'Watch';
  readonly #inner: HeartSource;
  constructor(inner: HeartSource) {
    this.#inner = inner;
  }
  start(listener: HeartSourceListener): Promise<void> {
    const beats: { timeMs: number; hr: number }[] = [];
    let nextMs = 1000;
    return this.#inner.start({
      status: (s) => listener.status(s),
      beat: (b) => {
        beats.push({ timeMs: b.timeMs, hr: 60_000 / b.rrMs });
        while (b.timeMs >= nextMs) {
          const recent = beats.filter((x) => x.timeMs > nextMs - 3000 && x.timeMs <= nextMs);
          if (recent.length > 0) {
            const hr = Math.round(recent.reduce((s, x) => s + x.hr, 0) / recent.length);
            listener.heartRate?.({ heartRateBpm: hr, timeMs: nextMs, source: 'bluetooth' });
          }
          nextMs += 1000;
        }
      },
    });
  }
  stop(): Promise<void> {
    return this.#inner.stop();
  }
}

describe('PacerControl on a heart-rate-only watch', () => {
  it('adapts the rate toward resonance from the heart-rate swing alone', async () => {
    const { session, pacer, source, runFor } = await setup();
    session.setRate(6);
    await session.start(new WatchOf(source));
    runFor(12 * 60);
    expect(session.heartRateOnly).toBe(true);
    expect(pacer.signal).toBe('heart-rate');
    expect(Math.abs(session.rateBpm - 5)).toBeLessThanOrEqual(0.5);
    expect(pacer.reason?.kind).toMatch(/^(at-peak|to-peak|exploring|climbing|turning)$/);
    await session.stop();
  });

  it('a stepped assessment on heart rate only finds the resonance and says it came from heart rate', async () => {
    const store = new MapSettingsStorage();
    const { session, pacer, settings, source, runFor } = await setup(store);
    await session.start(new WatchOf(source));
    runFor(20);
    pacer.startAssessment('stepped');
    runFor(11 * 60);
    expect(pacer.assessment).toBeNull();
    expect(pacer.result?.signal).toBe('heart-rate');
    expect(Math.abs((pacer.result?.foundBpm ?? 0) - 5)).toBeLessThanOrEqual(0.5);
    await settings.settled();
    expect(store.map.get(SETTING_KEYS.assessment)).toMatchObject({ signal: 'heart-rate' });
    await session.stop();
  });
});
