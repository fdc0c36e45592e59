/** What the live canvases (the tachogram, the heart-rate trace) share: sizing for the screen, the breathing band. */

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
export function themeColour(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
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
