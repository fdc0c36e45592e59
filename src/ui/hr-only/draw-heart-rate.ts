import {
  drawBreathingBand,
  heartRateScale,
  labelScale,
  strokeTrace,
  type TraceColours,
} from '../session/canvas';
import type { HeartRateReading } from '../../core/heart/types';
import type { BreathSwing } from '../../core/hr-only/swing';

export interface HeartRateScene {
  readonly width: number;
  readonly height: number;
  readonly windowMs: number;
  readonly readings: readonly HeartRateReading[];
  readonly swings: readonly BreathSwing[];
  /** Pacer lung volume 0..1 at a session time in seconds. */
  readonly breathingAt: (timeS: number) => number;
  readonly colours: Pick<TraceColours, 'trace' | 'breath' | 'text'>;
}

/**
 * Draw the heart-rate trace of a device without RR: the paced breathing as a faint band behind, the heart rate
 * as the device sent it (one point a second, the line broken where the link dropped), and over each judged breath
 * its swing in bpm, so the person sees each breath's rise and fall and its size.
 */
export function drawHeartRate(ctx: CanvasRenderingContext2D, scene: HeartRateScene): void {
  const { width, height, windowMs, readings, colours } = scene;
  ctx.clearRect(0, 0, width, height);
  const last = readings[readings.length - 1];
  if (!last) return;
  const endMs = last.timeMs;
  const xOf = (timeMs: number) => width - ((endMs - timeMs) / windowMs) * width;
  const top = 18; // room for the swing labels

  drawBreathingBand(ctx, {
    width,
    height,
    endMs,
    windowMs,
    peakPx: height - top,
    colour: colours.breath,
    breathingAt: scene.breathingAt,
  });

  const scale = heartRateScale(readings.map((r) => r.heartRateBpm));
  const yOf = (bpm: number) => height - ((bpm - scale.lo) / (scale.hi - scale.lo)) * (height - top);
  strokeTrace(
    ctx,
    readings.map((r) => ({ x: xOf(r.timeMs), y: yOf(r.heartRateBpm), afterGap: r.afterGap })),
    colours.trace,
  );

  ctx.fillStyle = colours.text;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  for (const s of scene.swings) {
    if (s.swingBpm === null) continue;
    const x = xOf(((s.startS + s.endS) / 2) * 1000);
    if (x < 12 || x > width - 12) continue;
    ctx.fillText(s.swingBpm.toFixed(0), x, 12);
  }
  labelScale(ctx, scale, top + 12, height, colours.text);
}
