import { describe, expect, it } from 'vitest';
import { patternFromRate } from '../../../src/core/pacer/pattern';
import { PacerSchedule } from '../../../src/core/pacer/schedule';
import { ChestMotion } from '../../../src/core/respiration/chest-motion';
import type { ChestBreathing } from '../../../src/core/respiration/chest-breathing';
import { SessionBreathing } from '../../../src/core/respiration/session-breathing';

const FS = 25;

/** `seconds` of a chest breathing with a 6/min pacer, 1 s late, pushed one second at a time; what each push gave. */
function breathe(session: SessionBreathing, pacer: PacerSchedule, seconds: number) {
  const chest = new ChestMotion();
  const given: (ChestBreathing | null)[] = [];
  for (let s = 0; s < seconds; s += 1) {
    const timeMs: number[] = [];
    const xyzMg: number[] = [];
    for (let k = 0; k < FS; k += 1) {
      const t = s + k / FS;
      timeMs.push(t * 1000);
      xyzMg.push(...chest.sample(t, pacer.at(Math.max(0, t - 1)).volume));
    }
    given.push(session.push({ timeMs, xyzMg }, pacer));
  }
  return given;
}

describe('SessionBreathing', () => {
  it('measures every two seconds, keeps each breath once and joins the breath signal for the record', () => {
    const pacer = new PacerSchedule(patternFromRate(6, 0.4));
    const session = new SessionBreathing();
    const given = breathe(session, pacer, 90);
    // A measurement once 2 s of the samples' own time have passed (a push is one second), not at every push.
    const measuredAt = given.flatMap((g, i) => (g ? [i] : []));
    const apart = new Set(measuredAt.slice(1).map((at, j) => at - measuredAt[j]!));
    expect(measuredAt.length).toBeGreaterThan(25);
    expect([...apart].every((s) => s === 2 || s === 3)).toBe(true);
    const last = given.filter((g) => g !== null).at(-1);
    expect(last?.status).toBe('ok');
    if (last?.status === 'ok') expect(Math.abs(last.rateBpm - 6)).toBeLessThan(0.5);
    const starts = session.breaths.map((b) => b.inhaleS);
    expect(new Set(starts.map((s) => Math.round(s))).size).toBe(starts.length);
    expect(session.breaths.length).toBeGreaterThan(5);
    expect(session.trace.sampleCount).toBeGreaterThan(4 * 40);

    session.reset();
    expect(session.breaths).toEqual([]);
    expect(session.trace.sampleCount).toBe(0);
  });
});
