/**
 * Test helper: builds Polar Measurement Data bytes from fields, following the published layout (see
 * src/core/gatt/pmd.ts) and independently of the parser. The emulated strap of the e2e tests uses it too.
 */

/** Little-endian two's-complement bytes of `value` in `size` bytes. */
function signedBytes(value: number, size: number): number[] {
  const top = 2 ** (8 * size);
  let v = value < 0 ? value + top : value;
  const out: number[] = [];
  for (let b = 0; b < size; b += 1) {
    out.push(v % 256);
    v = Math.floor(v / 256);
  }
  return out;
}

function header(timestampNs: bigint, frameTypeByte: number): number[] {
  const ts: number[] = [];
  let t = timestampNs;
  for (let b = 0; b < 8; b += 1) {
    ts.push(Number(t & 0xffn));
    t >>= 8n;
  }
  return [2, ...ts, frameTypeByte];
}

/** A raw acceleration frame: type 0, 1 or 2 (8-, 16-, 24-bit channels), samples as [x, y, z] in mG. */
export function rawAccFrame(
  timestampNs: bigint,
  frameType: 0 | 1 | 2,
  samples: readonly (readonly number[])[],
) {
  const size = frameType + 1;
  return [
    ...header(timestampNs, frameType),
    ...samples.flatMap((s) => s.flatMap((v) => signedBytes(v, size))),
  ];
}

/** Bits needed to hold every value as a two's-complement integer (at least 1). */
function bitsFor(values: readonly number[]): number {
  let bits = 1;
  for (const v of values) while (v < -(2 ** (bits - 1)) || v >= 2 ** (bits - 1)) bits += 1;
  return bits;
}

/**
 * A delta-compressed acceleration frame (frame type byte 0x80 | type): the first sample as reference in
 * `resolutionBits` rounded up to bytes, then blocks of at most `blockSize` samples, each with the narrowest width
 * that holds its deltas (or `width` when given), packed least significant bit first.
 */
export function deltaAccFrame(
  timestampNs: bigint,
  samples: readonly (readonly number[])[],
  options: { resolutionBits?: number; blockSize?: number; frameType?: 0 | 1; width?: number } = {},
): number[] {
  const resolutionBits = options.resolutionBits ?? 16;
  const blockSize = options.blockSize ?? 255;
  const out = header(timestampNs, 0x80 | (options.frameType ?? 1));
  const first = samples[0] ?? [0, 0, 0];
  for (const v of first) out.push(...signedBytes(v, Math.ceil(resolutionBits / 8)));
  for (let start = 1; start < samples.length; start += blockSize) {
    const block = samples.slice(start, start + blockSize);
    const deltas = block.flatMap((s, i) => {
      const prev = samples[start + i - 1] ?? first;
      return s.map((v, c) => v - (prev[c] ?? 0));
    });
    const width = options.width ?? bitsFor(deltas);
    out.push(width, block.length);
    const bits: number[] = [];
    for (const d of deltas) {
      const u = d < 0 ? d + 2 ** width : d;
      for (let k = 0; k < width; k += 1) bits.push(Math.floor(u / 2 ** k) % 2);
    }
    for (let b = 0; b < bits.length; b += 8) {
      let byte = 0;
      for (let k = 0; k < 8 && b + k < bits.length; k += 1) byte |= (bits[b + k] ?? 0) << k;
      out.push(byte);
    }
  }
  return out;
}

/** A control-point answer: 0xF0, op code, measurement type, status, then (on success) more and parameters. */
export function pmdResponse(opCode: number, status: number, parameters: readonly number[] = [], more = 0) {
  return status === 0 ? [0xf0, opCode, 2, 0, more, ...parameters] : [0xf0, opCode, 2, status];
}

/** Settings parameters: [type, count, values] for each list given (uint16 except channels uint8, factor float32). */
export function pmdSettingsBytes(s: {
  sampleRatesHz?: readonly number[];
  resolutionsBits?: readonly number[];
  rangesG?: readonly number[];
  channels?: readonly number[];
  factor?: number;
}): number[] {
  const u16 = (v: number) => [v & 0xff, v >> 8];
  const out: number[] = [];
  const list = (type: number, values: readonly number[] | undefined, bytes: (v: number) => number[]) => {
    if (values) out.push(type, values.length, ...values.flatMap(bytes));
  };
  list(0, s.sampleRatesHz, u16);
  list(1, s.resolutionsBits, u16);
  list(2, s.rangesG, u16);
  list(4, s.channels, (v) => [v]);
  if (s.factor !== undefined) {
    const f = new DataView(new ArrayBuffer(4));
    f.setFloat32(0, s.factor, true);
    out.push(5, 1, ...new Uint8Array(f.buffer));
  }
  return out;
}

/** The settings a Polar H10 offers for acceleration (SDK product page: 25-200 Hz, 16 bit, 2-8 G). */
export const H10_ACC_SETTINGS = pmdSettingsBytes({
  sampleRatesHz: [25, 50, 100, 200],
  resolutionsBits: [16],
  rangesG: [2, 4, 8],
});

export function dataView(bytes: readonly number[]): DataView {
  return new DataView(new Uint8Array(bytes).buffer);
}
