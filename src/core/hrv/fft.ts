/**
 * Radix-2 decimation-in-time fast Fourier transform (Cooley & Tukey 1965, "An algorithm for the machine
 * calculation of complex Fourier series", Math. Comp. 19:297-301), iterative and in place: a bit-reversal
 * permutation, then log2(n) stages of butterflies. Twiddle factors and the permutation are computed once per size.
 * X[k] = sum_n x[n] exp(-2 pi i k n / N).
 */

interface Plan {
  readonly cos: Float64Array;
  readonly sin: Float64Array;
  readonly reversed: Uint32Array;
}

const plans = new Map<number, Plan>();

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && (n & (n - 1)) === 0;
}

function planFor(n: number): Plan {
  const cached = plans.get(n);
  if (cached) return cached;
  const half = n >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k += 1) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = -Math.sin((2 * Math.PI * k) / n);
  }
  const bits = Math.round(Math.log2(n));
  const reversed = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    let r = 0;
    for (let b = 0; b < bits; b += 1) r |= ((i >> b) & 1) << (bits - 1 - b);
    reversed[i] = r;
  }
  const plan = { cos, sin, reversed };
  plans.set(n, plan);
  return plan;
}

/** In-place forward FFT of (re, im); the length must be a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (!isPowerOfTwo(n) || im.length !== n)
    throw new RangeError(`FFT length must be a power of two, got ${n}`);
  const { cos, sin, reversed } = planFor(n);
  for (let i = 0; i < n; i += 1) {
    const j = reversed[i]!;
    if (j > i) {
      const tr = re[i]!;
      re[i] = re[j]!;
      re[j] = tr;
      const ti = im[i]!;
      im[i] = im[j]!;
      im[j] = ti;
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0, w = 0; k < half; k += 1, w += step) {
        const wr = cos[w]!;
        const wi = sin[w]!;
        const a = start + k;
        const b = a + half;
        const br = re[b]!;
        const bi = im[b]!;
        const tr = wr * br - wi * bi;
        const ti = wr * bi + wi * br;
        const ar = re[a]!;
        const ai = im[a]!;
        re[b] = ar - tr;
        im[b] = ai - ti;
        re[a] = ar + tr;
        im[a] = ai + ti;
      }
    }
  }
}

/**
 * |X[k]|^2 for k = 0..nfft/2 of a real signal zero-padded to `nfft` (a power of two), using the caller's work
 * buffers when given so a loop allocates nothing.
 */
export function powerSpectrum(
  x: ArrayLike<number>,
  nfft: number,
  work: { re: Float64Array; im: Float64Array } = { re: new Float64Array(nfft), im: new Float64Array(nfft) },
): Float64Array {
  const { re, im } = work;
  re.fill(0);
  im.fill(0);
  const n = Math.min(x.length, nfft);
  for (let i = 0; i < n; i += 1) re[i] = x[i] ?? 0;
  fft(re, im);
  const out = new Float64Array((nfft >> 1) + 1);
  for (let k = 0; k < out.length; k += 1) out[k] = (re[k] ?? 0) ** 2 + (im[k] ?? 0) ** 2;
  return out;
}

/**
 * Adds |X[k]|^2 + |Y[k]|^2 (k = 0..nfft/2) of two real signals, zero-padded to `nfft`, into `sum`, from one
 * complex FFT of x + i y: with Z = FFT(x + i y), X[k] = (Z[k] + conj Z[N-k]) / 2 and Y[k] = (Z[k] - conj Z[N-k]) / 2i.
 * An empty `y` adds |X|^2 alone.
 */
export function addPowerSpectra(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  nfft: number,
  work: { re: Float64Array; im: Float64Array },
  sum: Float64Array,
): void {
  const { re, im } = work;
  re.fill(0);
  im.fill(0);
  for (let i = 0; i < Math.min(x.length, nfft); i += 1) re[i] = x[i]!;
  for (let i = 0; i < Math.min(y.length, nfft); i += 1) im[i] = y[i]!;
  fft(re, im);
  const bins = (nfft >> 1) + 1;
  for (let k = 0; k < bins; k += 1) {
    const m = (nfft - k) % nfft;
    const zr = re[k]!;
    const zi = im[k]!;
    const wr = re[m]!;
    const wi = im[m]!;
    sum[k] = sum[k]! + ((zr + wr) ** 2 + (zi - wi) ** 2 + (zi + wi) ** 2 + (zr - wr) ** 2) / 4;
  }
}
