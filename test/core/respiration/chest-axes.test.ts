import { describe, expect, it } from 'vitest';
import {
  bridgeMovement,
  movementEpochs,
  principalAxis,
  project,
} from '../../../src/core/respiration/chest-axes';

const FS = 10;
/** 30 s of a 0.1 Hz sway along the unit direction `d`, plus `extra(k)` on every axis. */
function sway(d: [number, number, number], extra: (k: number) => number = () => 0): Float64Array[] {
  return d.map((c) =>
    Float64Array.from(
      { length: 30 * FS },
      (_, k) => c * 50 * Math.sin((2 * Math.PI * 0.1 * k) / FS) + extra(k),
    ),
  );
}

describe('the axes of a chest accelerometer', () => {
  it('finds the direction of the sway as the principal axis and projects the sway onto it', () => {
    const d: [number, number, number] = [0.6, 0, 0.8];
    const axes = sway(d);
    const axis = principalAxis(axes);
    expect(Math.abs(axis[0] * d[0] + axis[1] * d[1] + axis[2] * d[2])).toBeCloseTo(1, 6);
    const signal = project(axes, axis);
    expect(Math.max(...signal.map(Math.abs))).toBeCloseTo(50, 0);
  });

  it('marks the seconds of a shake as movement, and bridges them with a straight line', () => {
    // A 3 Hz shake of 200 mG from 12 s to 14 s.
    const shake = (k: number) =>
      k >= 12 * FS && k < 14 * FS ? 200 * Math.sin((2 * Math.PI * 3 * k) / FS) : 0;
    const axes = sway([1, 0, 0], shake);
    const moving = movementEpochs(axes, FS, 0.7);
    const marked = moving.flatMap((m, i) => (m ? [i] : []));
    // The shaken seconds, and at most the one either side its band-pass filter rings into; nothing else.
    expect(marked).toEqual(expect.arrayContaining([12, 13]));
    expect(marked.every((e) => e >= 11 && e <= 14)).toBe(true);
    bridgeMovement(axes, moving, FS);
    const x = axes[0]!;
    // One run: bridged from the second before it to the second after it.
    const from = (marked[0]! - 1) * FS;
    const to = (marked.at(-1)! + 2) * FS;
    for (let k = from + 1; k < to; k += 1)
      expect(x[k]).toBeCloseTo(x[from]! + ((x[to]! - x[from]!) * (k - from)) / (to - from), 9);
  });
});
