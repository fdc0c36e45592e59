/**
 * Centred rolling order statistics over long series in O(n * w): a sorted copy of the window is kept and updated
 * by one insertion and one removal per step (binary search, then a block move), instead of sorting every window.
 */

/** A sorted multiset of at most `capacity` numbers. */
class SortedWindow {
  readonly values: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  #lowerBound(v: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.values[mid] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(v: number): void {
    const at = this.#lowerBound(v);
    this.values.copyWithin(at + 1, at, this.size);
    this.values[at] = v;
    this.size += 1;
  }

  remove(v: number): void {
    const at = this.#lowerBound(v);
    this.values.copyWithin(at, at + 1, this.size);
    this.size -= 1;
  }

  /** Quantile with linear interpolation between order statistics (numpy/pandas 'linear'). */
  quantile(q: number): number {
    const pos = q * (this.size - 1);
    const lo = Math.floor(pos);
    const a = this.values[lo] ?? 0;
    const b = this.values[Math.min(lo + 1, this.size - 1)] ?? 0;
    return a + (pos - lo) * (b - a);
  }
}

/**
 * For each i, the `q`-quantile of `x` over the centred window [i - h, i + h] (h = (width - 1) / 2) clipped to
 * the series, as pandas `rolling(width, center=True, min_periods=1).quantile(q)`. Values must not be NaN.
 */
export function rollingQuantiles(x: Float64Array, width: number, qs: readonly number[]): Float64Array[] {
  const n = x.length;
  const h = (width - 1) >> 1;
  const out = qs.map(() => new Float64Array(n));
  const win = new SortedWindow(width);
  for (let i = 0; i < Math.min(h, n); i += 1) win.insert(x[i] ?? 0);
  for (let i = 0; i < n; i += 1) {
    if (i + h < n) win.insert(x[i + h] ?? 0);
    if (i - h - 1 >= 0) win.remove(x[i - h - 1] ?? 0);
    for (let k = 0; k < qs.length; k += 1) (out[k] as Float64Array)[i] = win.quantile(qs[k] ?? 0);
  }
  return out;
}

/**
 * Median filter of odd `width` with zero padding at both ends, as scipy.signal.medfilt (which NeuroKit2's
 * Kubios artifact detection uses).
 */
export function medianFilter(x: Float64Array, width: number): Float64Array {
  const n = x.length;
  const h = (width - 1) >> 1;
  const out = new Float64Array(n);
  const win = new SortedWindow(width);
  const at = (i: number): number => (i >= 0 && i < n ? (x[i] ?? 0) : 0);
  for (let i = -h; i < h; i += 1) win.insert(at(i));
  for (let i = 0; i < n; i += 1) {
    win.insert(at(i + h));
    out[i] = win.values[h] ?? 0;
    win.remove(at(i - h));
  }
  return out;
}
