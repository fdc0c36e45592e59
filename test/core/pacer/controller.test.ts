import { describe, expect, it } from 'vitest';
import type { TimedRr } from '../../../src/core/hrv/biofeedback';
import { AdaptiveController } from '../../../src/core/pacer/controller';
import { fastForward } from '../../../src/core/pacer/fast-forward';
import { patternFromRate } from '../../../src/core/pacer/pattern';
import { PacerSchedule } from '../../../src/core/pacer/schedule';
import { simulateProtocol } from '../../../src/core/pacer/simulation';
import { SimulatedHeart, spontaneousBreathing } from '../../../src/core/physiology/simulated-heart';

/** Five minutes of a simulated person (resonance 5) breathing at 6.5/min: heart rate lags breathing. */
function recorded(): { beats: TimedRr[]; schedule: PacerSchedule } {
  const schedule = new PacerSchedule(patternFromRate(6.5));
  const beats = fastForward(new SimulatedHeart({ seed: 7, resonanceBpm: 5 }), schedule, 300);
  return { beats, schedule };
}

describe('AdaptiveController', () => {
  it('slows down when heart rate lags breathing (breathing above resonance) and says why', () => {
    const { beats, schedule } = recorded();
    const c = new AdaptiveController(6.5);
    const d = c.decide(schedule.breaths().at(-1)?.startS ?? 0, beats, schedule);
    expect(d.action).toBe('slower');
    expect(d.rateBpm).toBeLessThan(6.5);
    expect(d.reason).toMatch(/^Slower: 6\.50 → 6\.\d\d\/min because heart rate lags your breath by \d+°/);
  });

  it('never moves faster than 0.2 breaths/min per minute', () => {
    const r = simulateProtocol({
      protocol: 'adaptive',
      resonanceBpm: 4.5,
      seed: 3,
      startBpm: 7,
      durationS: 600,
    });
    for (let i = 1; i < r.decisions.length; i += 1) {
      const d = r.decisions[i];
      const before = r.decisions[i - 1];
      if (!d || !before) continue;
      const minutes = (d.timeS - before.timeS) / 60;
      expect(Math.abs(d.rateBpm - d.previousRateBpm)).toBeLessThanOrEqual(0.2 * minutes + 1e-9);
    }
    // It did move, and as fast as allowed at first: 0.2/min over the minutes after settling.
    expect(r.finalBpm).toBeLessThan(6);
    expect(r.decisions.every((d) => d.reason.length > 10)).toBe(true);
  });

  it('stays inside 4-7 and inside the band the person set', () => {
    const c = new AdaptiveController(9);
    expect(c.rateBpm).toBe(7);
    c.setBand({ minBpm: 6.4, maxBpm: 6.6 });
    expect(c.rateBpm).toBe(6.6);
    expect(() => c.setBand({ minBpm: 6, maxBpm: 5 })).toThrow(RangeError);
    const band = { minBpm: 6.4, maxBpm: 6.6 };
    const r = simulateProtocol({
      protocol: 'adaptive',
      resonanceBpm: 5,
      seed: 2,
      startBpm: 6.6,
      durationS: 400,
      controller: { band },
    });
    expect(Math.min(...r.rateTrace.map(([, rate]) => rate))).toBeCloseTo(6.4, 9);
    const last = r.decisions.at(-1);
    expect(last?.action).toBe('at-limit');
    expect(last?.reason).toMatch(/bottom of the allowed 6\.40-6\.60/);
  });

  it('waits rather than steering when the person is not following the pacer', () => {
    const schedule = new PacerSchedule(patternFromRate(6.5));
    const heart = new SimulatedHeart({ seed: 7, resonanceBpm: 5 });
    const beats: TimedRr[] = [];
    // The person breathes on their own at 12/min while the pacer shows 6.5/min.
    while (heart.timeS < 300) {
      schedule.at(heart.timeS);
      const b = heart.nextBeat(spontaneousBreathing);
      beats.push({ rrMs: b.rrMs, timeS: b.timeS });
    }
    const d = new AdaptiveController(6.5).decide(schedule.breaths().at(-1)?.startS ?? 0, beats, schedule);
    expect(d.action).toBe('waiting');
    expect(d.rateBpm).toBe(6.5);
    expect(d.reason).toMatch(/not yet following your breathing/);
  });

  it('holds still when locked', () => {
    const { beats, schedule } = recorded();
    const c = new AdaptiveController(6.5);
    c.lock();
    const d = c.decide(290, beats, schedule);
    expect(d).toMatchObject({ action: 'locked', rateBpm: 6.5, reason: 'Locked at 6.50/min.' });
    c.unlock();
    expect(c.decide(300, beats, schedule).action).toBe('slower');
  });

  it('waits while the heart settles and when there are no beats', () => {
    const schedule = new PacerSchedule(patternFromRate(6));
    const c = new AdaptiveController(6);
    expect(c.decide(20, [], schedule).action).toBe('waiting');
    expect(c.decide(120, [], schedule)).toMatchObject({ action: 'waiting', rateBpm: 6 });
  });

  it('holds at resonance once found: no change in the last 5 minutes of a 20-minute session', () => {
    const r = simulateProtocol({ protocol: 'adaptive', resonanceBpm: 5.5, seed: 11, startBpm: 5.5 });
    const late = r.decisions.filter((d) => d.timeS > 900);
    expect(late.some((d) => d.action === 'hold')).toBe(true);
    const rates = late.map((d) => d.rateBpm);
    expect(Math.max(...rates) - Math.min(...rates)).toBeLessThan(0.2);
  });
});
