import { fail, ok } from '../result';
import type { GattError, GattResult } from './result';

/**
 * Polar Measurement Data (PMD), Polar's own GATT service for raw sensor streams, as its public BLE SDK documents
 * it ("Polar Measurement Data Specification for 3rd Party", technical_documentation/Polar_Measurement_Data_
 * Specification.pdf in github.com/polarofficial/polar-ble-sdk; time base in TimeSystemExplained.md there):
 *
 * - service fb005c80-02e7-f387-1cad-8acd2d8df0c8; control point ...5c81 (read, write, indicate); data ...5c82
 *   (notify).
 * - Measurement types: 0 ECG, 1 PPG, 2 acceleration (mG), 3 PP interval, 5 gyroscope, 6 magnetometer.
 * - Reading the control point gives the features: byte 0 is 0x0F, then a bitmap whose bit n says measurement type
 *   n is offered.
 * - Commands written to the control point: 0x01 get measurement settings, 0x02 start, 0x03 stop, each followed by
 *   the measurement type; start carries the chosen settings.
 * - The answer comes as an indication: 0xF0, the command's op code, the measurement type, a status (0 success,
 *   1 invalid op code, 2 invalid measurement type, 3 not supported, 4 invalid length, 5 invalid parameter, 6 already
 *   in state, 7 invalid resolution, 8 invalid sample rate, 9 invalid range, 10 invalid MTU, 11 invalid number of
 *   channels, 12 invalid state, 13 device in charger, 14 disk full), then on success a "more" byte and parameters.
 * - Settings (parameters of a get-settings answer, and of a start command): repeated [setting type, count,
 *   count values]; types 0 sample rate (Hz, uint16), 1 resolution (bits, uint16), 2 range (G, uint16), 3 range in
 *   milli-units (uint32), 4 channels (uint8), 5 factor (IEEE 754 float32, the scale of compressed samples, sent in a
 *   start answer). Multi-byte values are little-endian.
 * - A data frame: measurement type (1 byte), timestamp of the frame's last sample (uint64, ns since
 *   2000-01-01T00:00:00Z on the sensor's clock), frame type (bit 7 set: delta compressed; bits 0-6 the type),
 *   then samples. Acceleration raw types 0, 1, 2 carry x, y, z as signed 8-, 16- and 24-bit integers in mG.
 * - A delta-compressed frame: one reference sample (every channel as a signed integer of the stream's resolution,
 *   rounded up to whole bytes), then blocks of [delta width in bits, sample count, count x channels deltas packed
 *   least significant bit first, each a two's-complement integer of that width, padded to a whole byte]; each
 *   sample is the previous plus its deltas. Compressed acceleration type 1 is in mG times the factor; type 0 is in
 *   G times the factor.
 */

export const PMD_MEASUREMENT_ACC = 2;
const PMD_FEATURES = 0x0f;
const PMD_RESPONSE = 0xf0;

export const PMD_OP = { getSettings: 0x01, start: 0x02, stop: 0x03 } as const;

/** Status of a control-point answer, in the order of its code (0 = success). */
export const PMD_STATUSES = [
  'success',
  'invalid-op-code',
  'invalid-measurement-type',
  'not-supported',
  'invalid-length',
  'invalid-parameter',
  'already-in-state',
  'invalid-resolution',
  'invalid-sample-rate',
  'invalid-range',
  'invalid-mtu',
  'invalid-number-of-channels',
  'invalid-state',
  'device-in-charger',
  'disk-full',
] as const;
type PmdStatus = (typeof PMD_STATUSES)[number];

/** The settings a stream offers (from get settings) or was started with; empty lists where the device says nothing. */
export interface PmdSettings {
  readonly sampleRatesHz: readonly number[];
  readonly resolutionsBits: readonly number[];
  readonly rangesG: readonly number[];
  readonly rangesMilliunit: readonly number[];
  readonly channels: readonly number[];
  /** Scale of compressed samples (from a start answer); null when not sent. */
  readonly factor: number | null;
}

export type PmdControlPointMessage =
  | { readonly kind: 'features'; readonly measurementTypes: readonly number[] }
  | {
      readonly kind: 'response';
      readonly opCode: number;
      readonly measurementType: number;
      readonly status: PmdStatus;
      /** More answer frames follow this one. */
      readonly more: boolean;
      /** The parameters read as settings (get settings, start); all lists empty when there were none. */
      readonly settings: PmdSettings;
    };

/** Setting types and the byte size of each value (PMD specification, "Request Stream Settings"). */
const SETTING_BYTES: readonly number[] = [2, 2, 2, 4, 1, 4];

const NO_SETTINGS: PmdSettings = {
  sampleRatesHz: [],
  resolutionsBits: [],
  rangesG: [],
  rangesMilliunit: [],
  channels: [],
  factor: null,
};

/**
 * Read a control-point value: the features (a read) or the answer to a command (an indication). Never throws; a
 * value that is empty, short, of an unknown kind or status, or whose settings do not add up is a typed error.
 */
export function parsePmdControlPoint(view: DataView): GattResult<PmdControlPointMessage> {
  if (view.byteLength === 0) return fail({ kind: 'empty' });
  const first = view.getUint8(0);
  if (first === PMD_FEATURES) {
    if (view.byteLength < 2) return fail(truncated('features bitmap', 1, 1, view));
    const measurementTypes: number[] = [];
    for (let byte = 1; byte < view.byteLength; byte += 1) {
      const bits = view.getUint8(byte);
      for (let bit = 0; bit < 8; bit += 1) if (bits & (1 << bit)) measurementTypes.push((byte - 1) * 8 + bit);
    }
    return ok({ kind: 'features', measurementTypes });
  }
  if (first !== PMD_RESPONSE)
    return fail({ kind: 'unsupported', field: 'control point message', value: first });
  if (view.byteLength < 4) return fail(truncated('control point answer', 1, 3, view));
  const opCode = view.getUint8(1);
  const measurementType = view.getUint8(2);
  const code = view.getUint8(3);
  const status = PMD_STATUSES[code];
  if (status === undefined)
    return fail({ kind: 'reserved-value', field: 'control point status', value: code });
  if (status !== 'success' || view.byteLength < 5) {
    return ok({ kind: 'response', opCode, measurementType, status, more: false, settings: NO_SETTINGS });
  }
  const more = view.getUint8(4) !== 0;
  const settings = opCode === PMD_OP.stop ? ok(NO_SETTINGS) : parsePmdSettings(view, 5);
  if (!settings.ok) return settings;
  return ok({ kind: 'response', opCode, measurementType, status, more, settings: settings.value });
}

/** Read [type, count, values] settings from `offset` to the end of the view. */
function parsePmdSettings(view: DataView, offset = 0): GattResult<PmdSettings> {
  const lists: number[][] = [[], [], [], [], [], []];
  let index = offset;
  while (index < view.byteLength) {
    const type = view.getUint8(index);
    const size = SETTING_BYTES[type];
    const list = lists[type];
    if (size === undefined || list === undefined) {
      return fail({ kind: 'reserved-value', field: 'setting type', value: type });
    }
    if (index + 1 >= view.byteLength) return fail(truncated('setting count', index + 1, 1, view));
    const count = view.getUint8(index + 1);
    index += 2;
    if (view.byteLength - index < count * size)
      return fail(truncated('setting values', index, count * size, view));
    for (let k = 0; k < count; k += 1, index += size) list.push(readSetting(view, index, type));
  }
  const [
    sampleRatesHz = [],
    resolutionsBits = [],
    rangesG = [],
    rangesMilliunit = [],
    channels = [],
    factors = [],
  ] = lists;
  const factor = factors[0];
  return ok({
    sampleRatesHz,
    resolutionsBits,
    rangesG,
    rangesMilliunit,
    channels,
    factor: factor === undefined ? null : factor,
  });
}

function readSetting(view: DataView, index: number, type: number): number {
  switch (SETTING_BYTES[type]) {
    case 1:
      return view.getUint8(index);
    case 2:
      return view.getUint16(index, true);
    default:
      return type === 5 ? view.getFloat32(index, true) : view.getUint32(index, true);
  }
}

/** The settings chosen to start a stream, one value each (factor is the device's to say, never sent). */
export interface PmdStartSettings {
  readonly sampleRateHz: number;
  readonly resolutionBits: number;
  readonly rangeG: number;
}

export function pmdGetSettingsCommand(measurementType: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array([PMD_OP.getSettings, measurementType]);
}

export function pmdStartCommand(measurementType: number, s: PmdStartSettings): Uint8Array<ArrayBuffer> {
  const u16 = (v: number) => [v & 0xff, (v >> 8) & 0xff];
  return new Uint8Array([
    PMD_OP.start,
    measurementType,
    0,
    1,
    ...u16(s.sampleRateHz),
    1,
    1,
    ...u16(s.resolutionBits),
    2,
    1,
    ...u16(s.rangeG),
  ]);
}

export function pmdStopCommand(measurementType: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array([PMD_OP.stop, measurementType]);
}

/**
 * The accelerometer settings to ask for among those offered: the lowest sample rate of at least 25 Hz (breathing
 * needs far less; fewer samples cost the strap less battery), the finest resolution and the smallest range (chest
 * motion is well under 1 G). Null when the device offers no usable (positive) sample rate.
 */
export function chooseAccelerometerSettings(offered: PmdSettings): PmdStartSettings | null {
  const rates = offered.sampleRatesHz.filter((r) => r > 0).sort((a, b) => a - b);
  if (rates.length === 0) return null;
  const sampleRateHz = rates.find((r) => r >= 25) ?? rates[rates.length - 1] ?? 25;
  const resolutionBits = offered.resolutionsBits.length > 0 ? Math.max(...offered.resolutionsBits) : 16;
  const rangeG = offered.rangesG.length > 0 ? Math.min(...offered.rangesG) : 8;
  return { sampleRateHz, resolutionBits, rangeG };
}

/** One data frame: its header and its samples, channel by channel (x, y, z for acceleration). */
export interface PmdFrame {
  readonly measurementType: number;
  /** Sensor time of the frame's last sample, ns since 2000-01-01T00:00:00Z on the sensor's clock. */
  readonly timestampNs: bigint;
  /** Bits 0-6 of the frame type byte. */
  readonly frameType: number;
  readonly compressed: boolean;
  readonly channels: number;
  /** Samples as stored (integers), interleaved: sample i channel c at i * channels + c. */
  readonly values: Int32Array | Float64Array;
  readonly sampleCount: number;
}

/** What reading an acceleration frame needs from the start of its stream. */
export interface PmdStreamContext {
  /** Resolution the stream was started with, bits (for the reference sample of a compressed frame). */
  readonly resolutionBits: number;
  /** Factor from the start answer; 1 when none was sent. */
  readonly factor: number;
}

const PMD_HEADER_BYTES = 10;
/** Raw acceleration frame types: bytes per channel value. */
const ACC_RAW_BYTES: Readonly<Record<number, number>> = { 0: 1, 1: 2, 2: 3 };
const ACC_CHANNELS = 3;

/**
 * Read one acceleration data frame into samples in mG. Raw types are mG as sent; compressed type 1 is multiplied by
 * the start answer's factor, compressed type 0 (in G) by the factor times 1000. Never throws: an empty or short
 * frame, another measurement type, an unknown frame type, samples that do not end on a sample boundary or a delta
 * block that overruns the frame are typed errors.
 */
export function parseAccelerometerFrame(view: DataView, context: PmdStreamContext): GattResult<PmdFrame> {
  if (view.byteLength === 0) return fail({ kind: 'empty' });
  if (view.byteLength < PMD_HEADER_BYTES) return fail(truncated('frame header', 0, PMD_HEADER_BYTES, view));
  const measurementType = view.getUint8(0);
  if (measurementType !== PMD_MEASUREMENT_ACC) {
    return fail({ kind: 'unsupported', field: 'measurement type', value: measurementType });
  }
  const timestampNs = view.getBigUint64(1, true);
  const typeByte = view.getUint8(9);
  const compressed = (typeByte & 0x80) !== 0;
  const frameType = typeByte & 0x7f;
  const header = { measurementType, timestampNs, frameType, compressed, channels: ACC_CHANNELS };
  if (!compressed) {
    const size = ACC_RAW_BYTES[frameType];
    if (size === undefined)
      return fail({ kind: 'unsupported', field: 'acceleration frame type', value: typeByte });
    const bytes = view.byteLength - PMD_HEADER_BYTES;
    const unit = size * ACC_CHANNELS;
    if (bytes % unit !== 0)
      return fail({ kind: 'ragged', field: 'acceleration samples', bytes, unitBytes: unit });
    const values = new Int32Array(bytes / size);
    for (let k = 0; k < values.length; k += 1)
      values[k] = readSigned(view, PMD_HEADER_BYTES + k * size, size);
    return ok({ ...header, values, sampleCount: values.length / ACC_CHANNELS });
  }
  if (frameType !== 0 && frameType !== 1) {
    return fail({ kind: 'unsupported', field: 'acceleration frame type', value: typeByte });
  }
  const decoded = decodeDeltaSamples(view, PMD_HEADER_BYTES, ACC_CHANNELS, context.resolutionBits);
  if (!decoded.ok) return decoded;
  const scale = (frameType === 0 ? 1000 : 1) * (Number.isFinite(context.factor) ? context.factor : 1);
  const raw = decoded.value;
  const values = scale === 1 ? raw : Float64Array.from(raw, (v) => v * scale);
  return ok({ ...header, values, sampleCount: raw.length / ACC_CHANNELS });
}

/**
 * Undo the delta compression from `offset` to the end of the view: a reference sample, then blocks of deltas (see
 * the module comment). Returns the samples interleaved by channel.
 */
function decodeDeltaSamples(
  view: DataView,
  offset: number,
  channels: number,
  resolutionBits: number,
): GattResult<Int32Array> {
  if (!Number.isInteger(resolutionBits) || resolutionBits < 1 || resolutionBits > 32) {
    return fail({ kind: 'impossible-value', field: 'resolution', value: resolutionBits });
  }
  const refBytes = Math.ceil(resolutionBits / 8);
  if (view.byteLength - offset < refBytes * channels) {
    return fail(truncated('reference sample', offset, refBytes * channels, view));
  }
  const out: number[] = [];
  const current: number[] = [];
  let index = offset;
  for (let c = 0; c < channels; c += 1, index += refBytes) current.push(readSigned(view, index, refBytes));
  out.push(...current);
  while (index < view.byteLength) {
    if (view.byteLength - index < 2) return fail(truncated('delta block header', index, 2, view));
    const width = view.getUint8(index);
    const count = view.getUint8(index + 1);
    index += 2;
    if (width < 1 || width > 32)
      return fail({ kind: 'impossible-value', field: 'delta width', value: width });
    const blockBytes = Math.ceil((width * count * channels) / 8);
    if (view.byteLength - index < blockBytes) return fail(truncated('delta block', index, blockBytes, view));
    let bit = index * 8;
    for (let s = 0; s < count; s += 1) {
      for (let c = 0; c < channels; c += 1, bit += width) {
        current[c] = (current[c] ?? 0) + readSignedBits(view, bit, width);
      }
      out.push(...current);
    }
    index += blockBytes;
  }
  // Sums of many deltas may leave the 32-bit range only in a hostile frame; clamp rather than wrap.
  return ok(Int32Array.from(out, (v) => Math.max(-0x80000000, Math.min(0x7fffffff, v))));
}

/** Little-endian two's-complement integer of `size` bytes (1-4). */
function readSigned(view: DataView, index: number, size: number): number {
  let v = 0;
  for (let b = 0; b < size; b += 1) v += view.getUint8(index + b) * 2 ** (8 * b);
  const top = 2 ** (8 * size);
  return v >= top / 2 ? v - top : v;
}

/** `width` bits starting at absolute bit `bit` of the view, least significant bit first, as a signed integer. */
function readSignedBits(view: DataView, bit: number, width: number): number {
  let v = 0;
  for (let k = 0; k < width; k += 1) {
    const b = bit + k;
    if ((view.getUint8(b >> 3) >> (b & 7)) & 1) v += 2 ** k;
  }
  const top = 2 ** width;
  return v >= top / 2 ? v - top : v;
}

/**
 * Sensor times of a frame's samples, ns. The frame's timestamp is its last sample's; when the previous frame's
 * timestamp is known and the gap is plausible for this many samples at the sample rate (half to twice), the samples
 * are spread evenly over it, as the SDK does, else they are placed back from the last at the nominal rate.
 */
export function pmdSampleTimesNs(
  frame: Pick<PmdFrame, 'timestampNs' | 'sampleCount'>,
  sampleRateHz: number,
  previousTimestampNs: bigint | null,
): Float64Array {
  const n = frame.sampleCount;
  const out = new Float64Array(n);
  const last = Number(frame.timestampNs);
  const nominalNs = 1e9 / sampleRateHz;
  let stepNs = nominalNs;
  if (previousTimestampNs !== null) {
    const gap = Number(frame.timestampNs - previousTimestampNs);
    if (gap > 0.5 * n * nominalNs && gap < 2 * n * nominalNs) stepNs = gap / n;
  }
  for (let i = 0; i < n; i += 1) out[i] = last - (n - 1 - i) * stepNs;
  return out;
}

function truncated(field: string, offset: number, needBytes: number, view: DataView): GattError {
  return { kind: 'truncated', field, offset, needBytes, haveBytes: Math.max(0, view.byteLength - offset) };
}

/**
 * Maps the sensor's clock onto the app's: the offset is the smallest (arrival time - sensor time of the frame's last
 * sample) seen, since the frame with the least delay in the radio and the browser tells it best (the minimum-delay
 * estimate of network clock synchronisation, Paxson 1998). It may creep up by `driftPpm` of the elapsed time, so
 * the two clocks' drift does not pile up behind an old minimum.
 */
/** A frame arriving this much later than the sensor clock predicts means the clock jumped, ms. */
const REANCHOR_MS = 2000;

export class SensorClock {
  #offsetMs: number | null = null;
  #lastArrivalMs = 0;
  readonly #driftPpm: number;

  constructor(driftPpm = 100) {
    this.#driftPpm = driftPpm;
  }

  /** Take a frame's last-sample sensor time (ns) and its arrival (ms, app clock); returns the offset to add, ms. */
  observe(sensorNs: number, arrivalMs: number): number {
    const candidate = arrivalMs - sensorNs / 1e6;
    // A frame far older than the offset allows: the sensor's clock was set back (or reset); anchor again.
    if (this.#offsetMs === null || candidate - this.#offsetMs > REANCHOR_MS) this.#offsetMs = candidate;
    else {
      const allowance = ((arrivalMs - this.#lastArrivalMs) * this.#driftPpm) / 1e6;
      this.#offsetMs = Math.min(this.#offsetMs + Math.max(0, allowance), candidate);
    }
    this.#lastArrivalMs = arrivalMs;
    return this.#offsetMs;
  }

  /** Forget the offset (a reconnection: the sensor's clock may have been reset). */
  reset(): void {
    this.#offsetMs = null;
  }
}
