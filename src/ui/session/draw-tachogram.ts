import { drawBreathingBand } from './canvas';
import type { RecentBeat } from '../../state/recent-beats';

export interface TachogramScene {
  readonly width: number;
  readonly height: number;
  readonly windowMs: number;
  readonly beats: readonly RecentBeat[];
  /** Pacer lung volume 0..1 at a session time in seconds. */
  readonly breathingAt: (timeS: number) => number;
  readonly colours: { trace: string; breath: string; artifact: string; text: string };
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

  let lo = Infinity;
  let hi = -Infinity;
  for (const { beat } of beats) {
    const hr = 60_000 / beat.rrMs;
    if (hr < lo) lo = hr;
    if (hr > hi) hi = hr;
  }
  const pad = Math.max(3, (hi - lo) * 0.1);
  lo -= pad;
  hi += pad;
  const yOf = (rrMs: number) => height - ((60_000 / rrMs - lo) / (hi - lo)) * height;

  ctx.strokeStyle = colours.trace;
  ctx.lineWidth = 2;
  ctx.beginPath();
  beats.forEach(({ beat }, i) => {
    if (i === 0 || beat.afterGap) ctx.moveTo(xOf(beat.timeMs), yOf(beat.rrMs));
    else ctx.lineTo(xOf(beat.timeMs), yOf(beat.rrMs));
  });
  ctx.stroke();

  ctx.fillStyle = colours.artifact;
  for (const { beat, label } of beats) {
    if (label === null || label === 'normal') continue;
    ctx.beginPath();
    ctx.arc(xOf(beat.timeMs), yOf(beat.rrMs), 4, 0, 2 * Math.PI);
    ctx.fill();
  }

  ctx.fillStyle = colours.text;
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(`${Math.round(hi)} bpm`, 4, 14);
  ctx.fillText(`${Math.round(lo)} bpm`, 4, height - 4);
}
