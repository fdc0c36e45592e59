/**
 * Where a response measured at a few breathing rates peaks: a parabola fitted by least squares to the logarithm of
 * the response against rate, i.e. a Gaussian-shaped resonance curve, whose vertex is the answer. Fitting every rate
 * (not only the largest and its neighbours) lets each step's noise be outvoted by the others; the logarithm makes a
 * peak's shape independent of how large the person's swing is. This is the Gaussian interpolation of a sampled
 * peak used for spectral lines (Gasior & Gonzalez 2004), fitted over all samples.
 */
export interface Peak {
  /** The rate of the peak, breaths/min, inside the rates tried. */
  readonly rateBpm: number;
  /** The response still rose toward an end of the rates tried: the peak may be there or beyond it. */
  readonly edge: 'below' | 'above' | null;
}

export function peakOfResponse(ratesBpm: readonly number[], values: readonly (number | null)[]): Peak | null {
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
  // Normal equations of y = a + b·x + c·x², x = rate − mid, y = log(response).
  const s = [0, 0, 0, 0, 0];
  const t = [0, 0, 0];
  for (const p of pts) {
    const x = p.r - mid;
    const y = Math.log(p.v);
    for (let k = 0; k < 5; k += 1) s[k] = (s[k] as number) + x ** k;
    for (let k = 0; k < 3; k += 1) t[k] = (t[k] as number) + y * x ** k;
  }
  const [a0, a1, a2, a3, a4] = s as [number, number, number, number, number];
  const [t0, t1, t2] = t as [number, number, number];
  const det3 = (m: number[]) =>
    m[0]! * (m[4]! * m[8]! - m[5]! * m[7]!) -
    m[1]! * (m[3]! * m[8]! - m[5]! * m[6]!) +
    m[2]! * (m[3]! * m[7]! - m[4]! * m[6]!);
  const d = det3([a0, a1, a2, a1, a2, a3, a2, a3, a4]);
  if (Math.abs(d) < 1e-12) return { rateBpm: best.r, edge: edgeOf(best.r) };
  const b = det3([a0, t0, a2, a1, t1, a3, a2, t2, a4]) / d;
  const c = det3([a0, a1, t0, a1, a2, t1, a2, a3, t2]) / d;
  if (c < 0) {
    const vertex = mid - b / (2 * c);
    if (vertex >= lo && vertex <= hi) return { rateBpm: vertex, edge: null };
    return vertex > hi ? { rateBpm: hi, edge: 'above' } : { rateBpm: lo, edge: 'below' };
  }
  // No peak inside (a trough or a straight line): the response rises toward the end where it is largest.
  return { rateBpm: best.r, edge: edgeOf(best.r) };
}
