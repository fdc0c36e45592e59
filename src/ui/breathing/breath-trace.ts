import type { BreathSignal } from '../../core/respiration/chest-breathing';

/** Points of an SVG polyline, "x,y x,y ...", in a box `width` x `height` with y = 0 at the top. */
type Polyline = string;

export interface BreathTrace {
  /** The pacer's volume over the span, full at the top. */
  readonly pacer: Polyline;
  /** The person's breath over the same span, scaled to its own range, inhaled at the top. */
  readonly person: Polyline;
}

/**
 * The last `spanS` seconds of the measured breath and of the pacer, as two polylines to draw one under the other:
 * the pacer in the top half of the box, the person in the bottom half, on the same time axis ending at the
 * signal's last sample. Null when the signal is shorter than two samples.
 */
export function breathTrace(
  signal: BreathSignal,
  pacerVolumeAt: (timeS: number) => number,
  spanS: number,
  width: number,
  height: number,
): BreathTrace | null {
  const n = signal.values.length;
  if (n < 2) return null;
  const endS = signal.startS + (n - 1) * signal.stepS;
  const first = Math.max(0, Math.ceil((endS - spanS - signal.startS) / signal.stepS));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let k = first; k < n; k += 1) {
    lo = Math.min(lo, signal.values[k]!);
    hi = Math.max(hi, signal.values[k]!);
  }
  const range = hi > lo ? hi - lo : 1;
  const half = height / 2;
  const margin = height * 0.06;
  const x = (t: number) => (((t - (endS - spanS)) / spanS) * width).toFixed(1);
  const y = (v: number, top: number) => (top + margin + (1 - v) * (half - 2 * margin)).toFixed(1);
  const pacer: string[] = [];
  const person: string[] = [];
  for (let k = first; k < n; k += 1) {
    const t = signal.startS + k * signal.stepS;
    pacer.push(`${x(t)},${y(pacerVolumeAt(t), 0)}`);
    person.push(`${x(t)},${y((signal.values[k]! - lo) / range, half)}`);
  }
  return { pacer: pacer.join(' '), person: person.join(' ') };
}
