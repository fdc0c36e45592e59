import { describe, expect, it } from 'vitest';
import { CueLoop } from '../../../src/adapters/cues/cue-loop';
import type { Intervals } from '../../../src/adapters/timers';
import { VibrationCues, type VibrationHost } from '../../../src/adapters/cues/vibration-cues';
import { patternFromRate } from '../../../src/core/pacer/pattern';
import { PacerSchedule } from '../../../src/core/pacer/schedule';

/** A virtual clock with timers; interval ticks arrive late by up to `lateMs`, as a busy page's do. */
class FakeHost implements Intervals, VibrationHost {
  nowMs = 0;
  readonly buzzes: { atMs: number; durationMs: number }[] = [];
  #next = 1;
  #queue = new Map<number, { atMs: number; run: () => void; everyMs?: number }>();
  #tick = 0;
  constructor(readonly lateMs: number) {}
  setTimeout(run: () => void, delayMs: number): number {
    const id = this.#next++;
    this.#queue.set(id, { atMs: this.nowMs + delayMs, run });
    return id;
  }
  clearTimeout(id: number): void {
    this.#queue.delete(id);
  }
  setInterval(run: () => void, everyMs: number): number {
    const id = this.#next++;
    this.#queue.set(id, { atMs: this.nowMs + everyMs, run, everyMs });
    return id;
  }
  clearInterval(id: number): void {
    this.#queue.delete(id);
  }
  vibrate(durationMs: number): boolean {
    this.buzzes.push({ atMs: this.nowMs, durationMs });
    return true;
  }
  runUntil(endMs: number): void {
    for (;;) {
      let firstId = -1;
      let first: { atMs: number; run: () => void; everyMs?: number } | undefined;
      for (const [id, t] of this.#queue) if (!first || t.atMs < first.atMs) [firstId, first] = [id, t];
      if (!first || first.atMs > endMs) break;
      this.nowMs = first.atMs;
      if (first.everyMs === undefined) this.#queue.delete(firstId);
      else {
        this.#tick += 1;
        // Deterministic lateness pattern, up to lateMs.
        first.atMs += first.everyMs + ((this.#tick * 7919) % (this.lateMs + 1));
      }
      first.run();
    }
    this.nowMs = endMs;
  }
}

/** A started cue loop that only vibrates, on the fake host's clock and timers. */
function startVibrationLoop(host: FakeHost, schedule: PacerSchedule): CueLoop {
  const loop = new CueLoop({
    schedule,
    nowS: () => host.nowMs / 1000,
    audio: null,
    vibration: new VibrationCues(host),
    timers: host,
  });
  loop.setOptions({ sound: 'off', vibration: true, volume: 0.5 });
  loop.start();
  return loop;
}

describe('CueLoop', () => {
  it('vibrates within 20 ms of every phase change, across a rate change, with late interval ticks', () => {
    const host = new FakeHost(60);
    const schedule = new PacerSchedule(patternFromRate(6, 0.4));
    const loop = startVibrationLoop(host, schedule);
    host.runUntil(12_000);
    schedule.setPattern({ inhaleS: 4, holdInS: 2, exhaleS: 5, holdOutS: 1 });
    host.runUntil(59_900);
    loop.stop();
    const expected = new PacerSchedule(patternFromRate(6, 0.4));
    expected.at(12);
    expected.setPattern({ inhaleS: 4, holdInS: 2, exhaleS: 5, holdOutS: 1 });
    const changes = expected.phaseChanges(0, 60);
    const buzzes = host.buzzes.filter((b) => b.durationMs > 0);
    expect(buzzes).toHaveLength(changes.length);
    expect(changes.length).toBeGreaterThan(12);
    buzzes.forEach((b, i) =>
      expect(Math.abs(b.atMs / 1000 - (changes[i]?.timeS ?? -1))).toBeLessThanOrEqual(0.02),
    );
  });

  it('plans each stretch once, and stopping cancels pending buzzes', () => {
    const host = new FakeHost(0);
    const schedule = new PacerSchedule(patternFromRate(6));
    const loop = startVibrationLoop(host, schedule);
    loop.tick();
    loop.tick();
    host.runUntil(4_850);
    expect(host.buzzes.map((b) => b.atMs)).toEqual([0]);
    loop.stop();
    host.runUntil(20_000);
    // The exhale buzz at 5 s was armed before stop, then cancelled; stop also silences (vibrate(0)).
    expect(host.buzzes.map((b) => b.durationMs)).toEqual([80, 0]);
  });
});
