/**
 * The chest accelerometer's three axes before they become one breathing signal (chest-breathing.ts): movement
 * rejection (Bates et al. 2010; Hernandez et al. 2015, BioGlass: one-second epochs whose power above the breathing
 * band is far above the window's typical level are movement, and are bridged by a straight line), and the principal
 * axis of variation (PCA by power iteration on the 3x3 covariance) onto which breathing is projected.
 */
import { bandPass, quantile } from './band';

/** Top of the movement band, Hz. */
const MOVEMENT_HI_HZ = 4.5;
/** An epoch is movement when its out-of-band RMS is this many times the window's median and above the floor. */
const MOVEMENT_RATIO = 4;
const MOVEMENT_FLOOR_MG = 15;

/**
 * For each one-second epoch of axes sampled at `fsHz`, whether its RMS from `fromHz` (the top of the breathing band)
 * to 4.5 Hz, all axes together, marks it as movement.
 */
export function movementEpochs(grid: Float64Array[], fsHz: number, fromHz: number): boolean[] {
  const high = grid.map((axis) => bandPass(axis, fsHz, fromHz, MOVEMENT_HI_HZ, 0.1));
  const n = high[0]!.length;
  const epochs: number[] = [];
  for (let from = 0; from + fsHz <= n; from += fsHz) {
    let ss = 0;
    for (let k = from; k < from + fsHz; k += 1) for (const axis of high) ss += axis[k]! ** 2;
    epochs.push(Math.sqrt(ss / fsHz));
  }
  const typical = quantile(epochs, 0.5);
  // A window that is all movement has a high median: then every epoch is movement.
  if (typical > 3 * MOVEMENT_FLOOR_MG) return epochs.map(() => true);
  return epochs.map((e) => e > MOVEMENT_FLOOR_MG && e > MOVEMENT_RATIO * typical);
}

/** Replace each run of movement epochs, with a second either side, by a straight line across it (in place). */
export function bridgeMovement(grid: Float64Array[], moving: readonly boolean[], fsHz: number): void {
  const n = grid[0]!.length;
  for (let e = 0; e < moving.length; e += 1) {
    if (!moving[e]) continue;
    let end = e;
    while (moving[end + 1]) end += 1;
    const from = Math.max(0, (e - 1) * fsHz);
    const to = Math.min(n - 1, (end + 2) * fsHz);
    for (const axis of grid) {
      const a = axis[from]!;
      const b = axis[to]!;
      for (let k = from + 1; k < to; k += 1) axis[k] = a + ((b - a) * (k - from)) / (to - from);
    }
    e = end;
  }
}

/** Unit principal eigenvector of the 3x3 covariance of three zero-mean signals (power iteration). */
export function principalAxis(axes: Float64Array[]): [number, number, number] {
  const c = new Float64Array(9);
  const n = axes[0]!.length;
  for (let k = 0; k < n; k += 1) {
    for (let i = 0; i < 3; i += 1)
      for (let j = 0; j < 3; j += 1) c[3 * i + j] = c[3 * i + j]! + axes[i]![k]! * axes[j]![k]!;
  }
  let v: [number, number, number] = [1, 1, 1];
  for (let iteration = 0; iteration < 60; iteration += 1) {
    const w: [number, number, number] = [
      c[0]! * v[0] + c[1]! * v[1] + c[2]! * v[2],
      c[3]! * v[0] + c[4]! * v[1] + c[5]! * v[2],
      c[6]! * v[0] + c[7]! * v[1] + c[8]! * v[2],
    ];
    const norm = Math.hypot(...w);
    if (norm === 0) return [1, 0, 0];
    v = [w[0] / norm, w[1] / norm, w[2] / norm];
  }
  return v;
}

/** Dot product of two 3-vectors. */
export function dot(a: readonly number[], b: readonly number[]): number {
  return a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
}

/** The three axes projected on one unit axis: the 1-D signal along it. */
export function project(axes: Float64Array[], axis: readonly number[]): Float64Array {
  const n = axes[0]!.length;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k += 1)
    out[k] = axis[0]! * axes[0]![k]! + axis[1]! * axes[1]![k]! + axis[2]! * axes[2]![k]!;
  return out;
}
