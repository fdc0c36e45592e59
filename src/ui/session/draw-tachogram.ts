import { drawBreathingBand, heartRateScale, labelScale, strokeTrace, type TraceColours } from './canvas';
import type { RecentBeat } from '../../state/recent-beats';

export interface TachogramScene {
  readonly width: number;
  readonly height: number;
  readonly windowMs: number;
  readonly beats: readonly RecentBeat[];
  /** Pacer lung volume 0..1 at a session time in seconds. */
  readonly breathingAt: (timeS: number) => number;
  readonly colours: TraceColours;
}

/**
 * Draw the live tachogram: the paced breathing as a faint band, heart rate (60000 / RR) per beat on top, a line
 * broken at gaps, and beats the HRV worker labelled as artifacts as red dots (they are left out of HRV).
 */
export function drawTachogram(ctx: CanvasRenderingContext2D, scene: TachogramScene): void {
  const { width, height, windowMs, beats, colours } = scene;
  ctx.clearRect(0, 0, width, height);
  const last = beats[beats.length - 1];
  if (!last) return;
  const endMs = last.beat.timeMs;
  const xOf = (timeMs: number) => width - ((endMs - timeMs) / windowMs) * width;

  drawBreathingBand(ctx, {
    width,
    height,
    endMs,
    windowMs,
    peakPx: height * 0.9,
    colour: colours.breath,
    breathingAt: scene.breathingAt,
  });

  const scale = heartRateScale(beats.map(({ beat }) => 60_000 / beat.rrMs));
  const yOf = (rrMs: number) => height - ((60_000 / rrMs - scale.lo) / (scale.hi - scale.lo)) * height;
  strokeTrace(
    ctx,
    beats.map(({ beat }) => ({ x: xOf(beat.timeMs), y: yOf(beat.rrMs), afterGap: beat.afterGap })),
    colours.trace,
  );

  ctx.fillStyle = colours.artifact;
  for (const { beat, label } of beats) {
    if (label === null || label === 'normal') continue;
    ctx.beginPath();
    ctx.arc(xOf(beat.timeMs), yOf(beat.rrMs), 4, 0, 2 * Math.PI);
    ctx.fill();
  }

  labelScale(ctx, scale, 14, height, colours.text);
}
