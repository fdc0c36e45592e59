/**
 * Where a response measured at a few breathing rates peaks: a parabola fitted by weighted least squares to the
 * logarithm of the response against rate, i.e. a Gaussian-shaped resonance curve, whose vertex is the answer. Three
 * choices, each tested on simulated people the protocols were not tuned on (docs/pacer-validation.md):
 * - Every rate is fitted (not only the largest and its neighbours), so each step's noise is outvoted by the others;
 *   the logarithm makes a peak's shape independent of how large the person's swing is. This is the Gaussian
 *   interpolation of a sampled peak used for spectral lines (Gasior & Gonzalez 2004), fitted over all samples.
 * - Each rate is weighted by the square of its response (relative to the largest), as Guo (2011) weights the
 *   log-parabola fit of a Gaussian: the tails, where a resonance curve is least Gaussian and where a fixed noise
 *   is largest in the logarithm, count least. With noise-free responses of both physiology models at the five
 *   steps, unweighted fitting gives >= 90 % of the maximal response to 95-98 % of people, weighted fitting 98-100 %.
 * - The fit is constrained to a peak at least as sharp as {@link MIN_CURVATURE} (least squares under that bound:
 *   a fit flatter than it is refitted with the curvature held at it). Each step's swing scatters by about 14 % in
 *   the logarithm over two minutes (measured over the panels), as large as the difference between neighbouring
 *   steps near the peak; a nearly flat fit then divides that noise by a near-zero curvature and throws the vertex
 *   to an end. A peak that is truly sharper is not touched; one that is truly broader is moved toward the middle of
 *   the rates tried, where it still gives nearly all of its response.
 */
export interface Peak {
  /** The rate of the peak, breaths/min, inside the rates tried. */
  readonly rateBpm: number;
  /** The response still rose toward an end of the rates tried: the peak may be there or beyond it. */
  readonly edge: 'below' | 'above' | null;
}

/**
 * The flattest peak the fit may find, log response per (breath/min)²: −0.25, a response that falls to 78 % one
 * breath/min from its peak. That is the breadth of a band-pass resonance with damping 0.2 (Vaschillo, Lehrer et al.
 * 2002 estimate the baroreflex resonance's damping at 0.1-0.2), the broad end, so that only flatter-than-physiology
 * fits (noise) are held.
 */
const MIN_CURVATURE = -0.25;

/**
 * The peak of a response sampled at `ratesBpm` (see the module comment). With `robustPasses` (for many noisy
 * samples, such as the breaths of a sweep), the fit is repeated that many times, each sample then weighted by the
 * square of the fitted response (Guo 2011's iteration) and by the bisquare of its residual over six median absolute
 * residuals (Cleveland 1979's robustness step), so that a sigh or a skipped breath barely counts.
 */
export function peakOfResponse(
  ratesBpm: readonly number[],
  values: readonly (number | null)[],
  robustPasses = 0,
): Peak | null {
  const pts = ratesBpm
    .map((r, i) => ({ r, v: values[i] ?? null }))
    .filter((p): p is { r: number; v: number } => p.v !== null && p.v > 0);
  if (pts.length === 0) return null;
  const lo = Math.min(...pts.map((p) => p.r));
  const hi = Math.max(...pts.map((p) => p.r));
  const best = pts.reduce((a, b) => (b.v > a.v ? b : a));
  const edgeOf = (r: number): Peak['edge'] => (r <= lo + 1e-9 ? 'below' : r >= hi - 1e-9 ? 'above' : null);
  if (pts.length < 3 || hi - lo < 1e-6)
    return { rateBpm: best.r, edge: pts.length < 3 ? null : edgeOf(best.r) };
  const mid = (lo + hi) / 2;
  const xs = pts.map((p) => p.r - mid);
  const ys = pts.map((p) => Math.log(p.v));
  let fit = weightedLogParabola(
    xs,
    ys,
    pts.map((p) => (p.v / best.v) ** 2),
  );
  for (let pass = 0; pass < robustPasses && fit !== null; pass += 1) {
    const f = fit;
    const curve = xs.map((x) => f.a + f.b * x + f.c * x * x);
    const residuals = ys.map((y, i) => Math.abs(y - (curve[i] as number)));
    const mad = [...residuals].sort((p, q) => p - q)[residuals.length >> 1] ?? 0;
    if (mad <= 1e-12) break;
    const top = Math.max(...curve);
    fit = weightedLogParabola(
      xs,
      ys,
      curve.map((y, i) => {
        const u = (residuals[i] as number) / (6 * mad);
        return Math.exp(2 * (y - top)) * (u < 1 ? (1 - u * u) ** 2 : 0);
      }),
    );
  }
  if (fit === null) return { rateBpm: best.r, edge: edgeOf(best.r) };
  const vertex = mid - fit.b / (2 * fit.c);
  if (vertex > hi) return { rateBpm: hi, edge: 'above' };
  if (vertex < lo) return { rateBpm: lo, edge: 'below' };
  return { rateBpm: vertex, edge: null };
}

/**
 * Weighted least squares of y = a + b·x + c·x² with c <= {@link MIN_CURVATURE}: the free fit when it is at least
 * that sharp, else the best line through y − MIN_CURVATURE·x² (the constrained optimum lies on the bound). Null for
 * a singular design.
 */
function weightedLogParabola(
  xs: readonly number[],
  ys: readonly number[],
  ws: readonly number[],
): { a: number; b: number; c: number } | null {
  const s = [0, 0, 0, 0, 0];
  const t = [0, 0, 0];
  xs.forEach((x, i) => {
    const w = ws[i] as number;
    const y = ys[i] as number;
    for (let k = 0; k < 5; k += 1) s[k] = (s[k] as number) + w * x ** k;
    for (let k = 0; k < 3; k += 1) t[k] = (t[k] as number) + w * y * x ** k;
  });
  const [a0, a1, a2, a3, a4] = s as [number, number, number, number, number];
  const [t0, t1, t2] = t as [number, number, number];
  const det3 = (m: number[]) =>
    m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) -
    m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) +
    m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!);
  const d = det3([a0, a1, a2, a1, a2, a3, a2, a3, a4]);
  if (Math.abs(d) > 1e-12) {
    const b = det3([a0, t0, a2, a1, t1, a3, a2, t2, a4]) / d;
    const c = det3([a0, a1, t0, a1, a2, t1, a2, a3, t2]) / d;
    const a = det3([t0, a1, a2, t1, a2, a3, t2, a3, a4]) / d;
    if (c <= MIN_CURVATURE) return { a, b, c };
  }
  // The line a + b·x through y − c·x², c on the bound: t0 − c·a2 = a·a0 + b·a1, t1 − c·a3 = a·a1 + b·a2.
  const c = MIN_CURVATURE;
  const line = a0 * a2 - a1 * a1;
  if (Math.abs(line) < 1e-12) return null;
  const b = (a0 * (t1 - c * a3) - a1 * (t0 - c * a2)) / line;
  return { a: (t0 - c * a2 - b * a1) / a0, b, c };
}
