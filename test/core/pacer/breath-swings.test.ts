import { describe, expect, it } from 'vitest';
import { BreathSwings } from '../../../src/core/pacer/breath-swings';
import { breathingResponse } from '../../../src/core/hrv/biofeedback';
import type { BreathResponse, LiveResponse } from '../../../src/core/pacer/live-response';
import type { BreathSwing } from '../../../src/core/pacer/response';

const swing = (startS: number, swingBpm: number): BreathSwing => ({
  startS,
  endS: startS + 10,
  rateBpm: 6,
  swingBpm,
  maxMinBpm: swingBpm + 1,
});
const breath = (index: number, steerBpm: number, assessBpm: number): BreathResponse => ({
  index,
  steer: swing(10 * index, steerBpm),
  assess: swing(10 * index, assessBpm),
});
const answer = (atS: number, breaths: BreathResponse[]): LiveResponse => ({
  breathIndex: atS / 10,
  atS,
  breaths,
  indicator: breathingResponse([], () => 0, [], 0, 0, 0.1),
});
const span = (index: number) => ({ startS: 10 * index, endS: 10 * index + 10 });

describe('BreathSwings', () => {
  it("goes by the worker's swings of the beats: steer and assess apart, a breath measured again replaced", () => {
    const swings = new BreathSwings();
    swings.beat();
    swings.answer(answer(20, [breath(1, 8, 9)]));
    swings.answer(answer(30, [breath(1, 10, 11), breath(2, 12, 13)]));
    expect(swings.signal).toBe('rr');
    expect(swings.steer([span(1), span(2)], 4).map((s) => s.swingBpm)).toEqual([10, 12]);
    expect(swings.assess([span(1), span(2)]).map((s) => s.swingBpm)).toEqual([11, 13]);
    // A breath the worker has not measured has no swing, and its rate from its length.
    expect(swings.assess([{ startS: 40, endS: 52 }])).toEqual([
      { startS: 40, endS: 52, rateBpm: 5, swingBpm: null, maxMinBpm: null },
    ]);
    expect(swings.indicator).not.toBeNull();
  });

  it('forgets answers older than 20 minutes', () => {
    const swings = new BreathSwings();
    swings.answer(answer(20, [breath(1, 8, 9)]));
    swings.answer(answer(20 + 20 * 60 + 10, [breath(122, 5, 5)]));
    expect(swings.assess([span(1)])[0]?.swingBpm).toBeNull();
    expect(swings.assess([span(122)])[0]?.swingBpm).toBe(5);
  });

  it("steers by a watch's heart rate while no beat comes, keeping only heart rates a heart can have", () => {
    const swings = new BreathSwings();
    expect(swings.heartRate(400, 0)).toBe(false);
    expect(swings.signal).toBe('rr');
    // Heart rate swinging ±5 bpm with a 6/min breath, one reading a second.
    for (let t = 0; t <= 60; t += 1) swings.heartRate(65 + 5 * Math.sin((2 * Math.PI * t) / 10), t);
    expect(swings.signal).toBe('heart-rate');
    const steered = swings.steer([span(3), span(4)], 1);
    for (const s of steered) expect(s.swingBpm).toBeGreaterThan(5);
    expect(swings.assess([span(3)])[0]?.swingBpm).toBeGreaterThan(5);
    swings.beat();
    expect(swings.signal).toBe('rr');
    swings.reset();
    expect(swings.signal).toBe('rr');
    expect(swings.indicator).toBeNull();
  });
});
