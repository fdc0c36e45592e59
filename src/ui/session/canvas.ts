/**
 * What the live canvases (the tachogram, the heart-rate trace) share: sizing for the screen, the theme's colours,
 * the breathing band, the heart-rate scale and the line through the heart rates.
 */

export interface SizedCanvas {
  readonly ctx: CanvasRenderingContext2D;
  /** CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** The canvas's computed style, for theme colours. */
  readonly style: CSSStyleDeclaration;
}

/** Size the canvas's backing store to its box at the screen's pixel ratio; null without a 2D context. */
export function sizeCanvas(canvas: HTMLCanvasElement): SizedCanvas | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
  if (canvas.height !== Math.round(height * dpr)) canvas.height = Math.round(height * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return { ctx, width, height, style: getComputedStyle(canvas) };
}

/** A theme colour from the canvas's style, or `fallback`. */
function themeColour(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

export interface TraceColours {
  readonly trace: string;
  readonly breath: string;
  readonly artifact: string;
  readonly text: string;
}

/** The live traces' colours from the theme, with the light theme's as fallbacks. */
export function traceColours(style: CSSStyleDeclaration): TraceColours {
  return {
    trace: themeColour(style, '--trace', '#0f5257'),
    breath: themeColour(style, '--inhale', '#1f7a80'),
    artifact: themeColour(style, '--danger', '#9b1c1c'),
    text: themeColour(style, '--muted', '#555'),
  };
}

/** A heart-rate scale in bpm: the lowest and highest value less and plus a tenth of their span (3 bpm at least). */
export function heartRateScale(bpms: Iterable<number>): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const bpm of bpms) {
    if (bpm < lo) lo = bpm;
    if (bpm > hi) hi = bpm;
  }
  const pad = Math.max(3, (hi - lo) * 0.1);
  return { lo: lo - pad, hi: hi + pad };
}

/** One 2 px line through the points in order, lifted where a point follows a gap. */
export function strokeTrace(
  ctx: CanvasRenderingContext2D,
  points: Iterable<{ x: number; y: number; afterGap?: boolean }>,
  colour: string,
): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  let first = true;
  for (const p of points) {
    if (first || p.afterGap) ctx.moveTo(p.x, p.y);
    else ctx.lineTo(p.x, p.y);
    first = false;
  }
  ctx.stroke();
}

/** The scale's ends in bpm at the left edge: `hi` with its baseline at `topY`, `lo` at the bottom. */
export function labelScale(
  ctx: CanvasRenderingContext2D,
  scale: { lo: number; hi: number },
  topY: number,
  height: number,
  colour: string,
): void {
  ctx.fillStyle = colour;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'start';
  ctx.fillText(`${Math.round(scale.hi)} bpm`, 4, topY);
  ctx.fillText(`${Math.round(scale.lo)} bpm`, 4, height - 4);
}

/**
 * The paced breathing as a faint band along the bottom of the last `windowMs` up to `endMs`: lung volume 0..1
 * from `breathingAt` (session seconds), full lungs `peakPx` above the bottom.
 */
export function drawBreathingBand(
  ctx: CanvasRenderingContext2D,
  band: {
    width: number;
    height: number;
    endMs: number;
    windowMs: number;
    peakPx: number;
    colour: string;
    breathingAt: (timeS: number) => number;
  },
): void {
  const { width, height, endMs, windowMs } = band;
  ctx.globalAlpha = 0.15;
  ctx.fillStyle = band.colour;
  ctx.beginPath();
  ctx.moveTo(0, height);
  for (let x = 0; x <= width; x += 3) {
    const timeS = (endMs - ((width - x) / width) * windowMs) / 1000;
    ctx.lineTo(x, height - (timeS >= 0 ? band.breathingAt(timeS) : 0) * band.peakPx);
  }
  ctx.lineTo(width, height);
  ctx.fill();
  ctx.globalAlpha = 1;
}
