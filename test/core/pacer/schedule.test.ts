import { describe, expect, it } from 'vitest';
import {
  breathPeriodS,
  breathRateBpm,
  patternFromRate,
  positionInBreath,
  withRate,
  type BreathPattern,
} from '../../../src/core/pacer/pattern';
import { PacerSchedule } from '../../../src/core/pacer/schedule';

const FRAME_S = 1 / 60;

/** The largest change of the shown volume in one frame: the half-cosine ease's top slope, π/(2·phase), per frame. */
function maxFrameStep(patterns: BreathPattern[]): number {
  const shortest = Math.min(...patterns.flatMap((p) => [p.inhaleS, p.exhaleS]));
  return (Math.PI / (2 * shortest)) * FRAME_S * 1.0001;
}

describe('PacerSchedule', () => {
  it('keeps the displayed size continuous frame by frame across many rate changes', () => {
    const patterns = [6, 4.5, 7, 5.2, 10, 3, 6.5].map((r, i) => patternFromRate(r, i % 2 ? 0.4 : 0.5));
    patterns.push({ inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 });
    const schedule = new PacerSchedule(patterns[0] as BreathPattern);
    const bound = maxFrameStep(patterns);
    let previous = schedule.at(0);
    let changes = 0;
    let worst = 0;
    for (let frame = 1; frame < 60 * 200; frame += 1) {
      const t = frame * FRAME_S;
      // Ask for a new pattern at arbitrary moments mid-breath, as the controller and the person do.
      if (frame % 613 === 0) schedule.setPattern(patterns[(frame / 613) % patterns.length] as BreathPattern);
      const now = schedule.at(t);
      if (now.rateBpm !== previous.rateBpm) {
        changes += 1;
        // A change lands only at a boundary: the new breath has just begun and the old one had run its course.
        expect(now.breathTimeS).toBeLessThan(FRAME_S);
        expect(previous.volume).toBeLessThan(0.01);
      }
      worst = Math.max(worst, Math.abs(now.volume - previous.volume));
      previous = now;
    }
    expect(changes).toBeGreaterThanOrEqual(10);
    expect(worst).toBeLessThanOrEqual(bound);
    // The bound is tight enough to mean something: a jump of a tenth of the range would break it.
    expect(bound).toBeLessThan(0.1);
  });

  it('lands a change at the next boundary, never cutting the breath in progress short', () => {
    const schedule = new PacerSchedule(patternFromRate(6));
    schedule.at(3);
    schedule.setPattern(patternFromRate(5));
    expect(schedule.at(9.99).rateBpm).toBe(6);
    const next = schedule.at(10.01);
    expect(next.rateBpm).toBeCloseTo(5, 12);
    expect(next.breathStartS).toBe(10);
    expect(next.breathIndex).toBe(1);
    expect(schedule.nextBoundaryS).toBe(22);
  });

  it('brings the clock up to the given time before taking a change, so it lands after now, not in the past', () => {
    const schedule = new PacerSchedule(patternFromRate(6));
    schedule.setPattern(patternFromRate(5), 12);
    expect(schedule.phaseChanges(0, 21).map((c) => [c.timeS, c.rateBpm])).toEqual([
      [0, 6],
      [5, 6],
      [10, 6],
      [15, 6],
      [20, 5],
    ]);
  });

  it('once cues for the next breath are planned, a new pattern waits one more breath', () => {
    const schedule = new PacerSchedule(patternFromRate(6));
    schedule.at(9.8);
    expect(schedule.phaseChanges(9.8, 10.1).map((c) => c.timeS)).toEqual([10]);
    schedule.setPattern(patternFromRate(5), 9.9);
    expect(schedule.nextPattern).toEqual(patternFromRate(6));
    expect(schedule.at(10.5).rateBpm).toBe(6);
    expect(schedule.at(20.5).rateBpm).toBeCloseTo(5, 12);
    // Without planned cues the same request lands at the very next boundary.
    const plain = new PacerSchedule(patternFromRate(6));
    plain.setPattern(patternFromRate(5), 9.9);
    expect(plain.at(10.5).rateBpm).toBeCloseTo(5, 12);
  });

  it('a later request before the boundary replaces an earlier one', () => {
    const schedule = new PacerSchedule(patternFromRate(6));
    schedule.setPattern(patternFromRate(4));
    schedule.setPattern(patternFromRate(5));
    expect(schedule.nextPattern).toEqual(patternFromRate(5));
    expect(schedule.at(10).rateBpm).toBeCloseTo(5, 12);
  });

  it('answers for remembered past breaths without moving the clock', () => {
    const schedule = new PacerSchedule(patternFromRate(6));
    schedule.setPattern(patternFromRate(5));
    schedule.at(30);
    expect(schedule.at(2.5)).toMatchObject({ breathIndex: 0, rateBpm: 6, phase: 'inhale' });
    expect(schedule.at(2.5).volume).toBeCloseTo(0.5, 12);
    expect(schedule.at(30).breathIndex).toBe(2);
  });

  it('lists phase changes ahead, including a pending pattern, without advancing', () => {
    const box = { inhaleS: 4, holdInS: 4, exhaleS: 4, holdOutS: 4 };
    const schedule = new PacerSchedule(patternFromRate(6));
    schedule.setPattern(box);
    const changes = schedule.phaseChanges(0, 26);
    expect(changes.map((c) => [c.timeS, c.phase])).toEqual([
      [0, 'inhale'],
      [5, 'exhale'],
      [10, 'inhale'],
      [14, 'hold-in'],
      [18, 'exhale'],
      [22, 'hold-out'],
    ]);
    expect(schedule.at(0).breathIndex).toBe(0);
  });

  it('phase changes agree with what at() shows on both sides of each change', () => {
    const schedule = new PacerSchedule(withRate({ inhaleS: 4, holdInS: 1, exhaleS: 6, holdOutS: 1 }, 5.5));
    schedule.setPattern(patternFromRate(4.5, 0.4));
    const changes = schedule.phaseChanges(0, 60);
    for (const c of changes) {
      expect(schedule.at(c.timeS + 1e-6).phase).toBe(c.phase);
    }
    expect(changes.length).toBeGreaterThan(8);
    expect(breathPeriodS(schedule.pattern)).toBeCloseTo(60 / 4.5, 9);
  });
});

describe('breath pattern', () => {
  it('splits a breath by the inhale share', () => {
    const p = patternFromRate(6, 0.4);
    expect(p.inhaleS).toBeCloseTo(4);
    expect(p.exhaleS).toBeCloseTo(6);
    expect(breathRateBpm(p)).toBeCloseTo(6);
  });

  it('fills during the inhale and empties during the exhale', () => {
    const p = patternFromRate(6, 0.5);
    expect(positionInBreath(p, 0)).toMatchObject({ phase: 'inhale', volume: 0 });
    expect(positionInBreath(p, 5 - 1e-9).volume).toBeCloseTo(1);
    expect(positionInBreath(p, 7.5)).toMatchObject({ phase: 'exhale' });
    expect(positionInBreath(p, 7.5).volume).toBeCloseTo(0.5);
  });
});

describe('PacerSchedule (first seam)', () => {
  it('applies a new rate only at the next breath boundary, keeping the volume continuous', () => {
    const schedule = new PacerSchedule(patternFromRate(6, 0.5));
    let last = schedule.at(0).volume;
    let changedAt = -1;
    for (let frame = 1; frame < 60 * 40; frame += 1) {
      const t = frame / 60;
      if (frame === 60 * 3) schedule.setPattern(patternFromRate(4.5, 0.4));
      const state = schedule.at(t);
      expect(Math.abs(state.volume - last)).toBeLessThan(0.03);
      if (changedAt < 0 && state.rateBpm !== 6) changedAt = t;
      last = state.volume;
    }
    expect(changedAt).toBeCloseTo(10, 1);
  });

  it('answers for moments in the previous breath too', () => {
    const schedule = new PacerSchedule(patternFromRate(6, 0.5));
    schedule.at(10.5);
    expect(schedule.at(9.9)).toMatchObject({ phase: 'exhale', breathIndex: 0 });
  });
});
