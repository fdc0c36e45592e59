/**
 * Centred rolling order statistics over long series in O(n * w): a sorted copy of the window is kept and updated
 * by one insertion and one removal per step (binary search, then a shift), instead of sorting every window.
 */

/** A sorted multiset of at most `capacity` numbers. */
class SortedWindow {
  readonly values: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity + 1);
  }

  #lowerBound(v: number): number {
    const values = this.values;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(v: number): void {
    const values = this.values;
    const at = this.#lowerBound(v);
    for (let k = this.size; k > at; k -= 1) values[k] = values[k - 1]!;
    values[at] = v;
    this.size += 1;
  }

  remove(v: number): void {
    const values = this.values;
    const at = this.#lowerBound(v);
    this.size -= 1;
    for (let k = at; k < this.size; k += 1) values[k] = values[k + 1]!;
  }

  /** Remove `old` and insert `v` in one pass, shifting only the values between their two positions. */
  replace(old: number, v: number): void {
    const values = this.values;
    let at = this.#lowerBound(old);
    if (v > old) {
      while (at + 1 < this.size && values[at + 1]! < v) {
        values[at] = values[at + 1]!;
        at += 1;
      }
    } else {
      while (at > 0 && values[at - 1]! > v) {
        values[at] = values[at - 1]!;
        at -= 1;
      }
    }
    values[at] = v;
  }

  /** Quantile with linear interpolation between order statistics (numpy/pandas 'linear'). */
  quantile(q: number): number {
    const pos = q * (this.size - 1);
    const lo = Math.floor(pos);
    const a = this.values[lo]!;
    const b = this.values[Math.min(lo + 1, this.size - 1)]!;
    return a + (pos - lo) * (b - a);
  }
}

/**
 * For each i, the first and third quartiles of `x` over the centred window [i - h, i + h] (h = (width - 1) / 2)
 * clipped to the series, as pandas `rolling(width, center=True, min_periods=1).quantile(0.25 / 0.75)`. Values
 * must not be NaN.
 */
export function rollingQuartiles(x: Float64Array, width: number): { q1: Float64Array; q3: Float64Array } {
  const n = x.length;
  const h = (width - 1) >> 1;
  const q1 = new Float64Array(n);
  const q3 = new Float64Array(n);
  const win = new SortedWindow(width);
  for (let i = 0; i < Math.min(h, n); i += 1) win.insert(x[i]!);
  for (let i = 0; i < n; i += 1) {
    if (i + h < n && i - h - 1 >= 0) win.replace(x[i - h - 1]!, x[i + h]!);
    else if (i + h < n) win.insert(x[i + h]!);
    else if (i - h - 1 >= 0) win.remove(x[i - h - 1]!);
    q1[i] = win.quantile(0.25);
    q3[i] = win.quantile(0.75);
  }
  return { q1, q3 };
}

/**
 * Median filter of odd `width` with zero padding at both ends, as scipy.signal.medfilt (which NeuroKit2's
 * Kubios artifact detection uses).
 */
export function medianFilter(x: Float64Array, width: number): Float64Array {
  const n = x.length;
  const h = (width - 1) >> 1;
  const padded = new Float64Array(n + 2 * h);
  padded.set(x, h);
  const out = new Float64Array(n);
  const win = new SortedWindow(width);
  for (let i = 0; i < 2 * h + 1 && i < padded.length; i += 1) win.insert(padded[i]!);
  for (let i = 0; i < n; i += 1) {
    out[i] = win.values[h]!;
    if (i + 2 * h + 1 < padded.length) win.replace(padded[i]!, padded[i + 2 * h + 1]!);
  }
  return out;
}
