import { isPlausibleHeartRate } from '../heart/limits';
import { isPlausibleRrMs } from '../heart/plausible';
import { fail, ok } from '../result';
import type { GattResult } from './result';

/**
 * The Heart Rate Measurement characteristic (0x2A37) as the Bluetooth SIG's Heart Rate Service 1.0 and the GATT
 * Specification Supplement define it:
 *
 * - byte 0, flags: bit 0 heart rate format (0 = uint8, 1 = uint16); bits 1-2 sensor contact status (bit 2
 *   "supported", bit 1 "detected"); bit 3 energy expended present; bit 4 RR intervals present; bits 5-7 reserved.
 * - the heart rate in beats per minute, uint8 or uint16 little-endian;
 * - energy expended in kilojoules, uint16 little-endian, when bit 3 is set;
 * - RR intervals, uint16 little-endian in units of 1/1024 s, as many as the rest of the packet holds, oldest
 *   first, when bit 4 is set.
 */
export interface HeartRateMeasurement {
  /**
   * Heart rate as the device computed it, beats per minute: 0 (some straps send it while they have no contact)
   * or within the plausible range of heart/plausible.ts.
   */
  readonly heartRateBpm: number;
  /** Whether the heart rate was a 16-bit field. */
  readonly heartRate16Bit: boolean;
  readonly sensorContact: SensorContact;
  /** Cumulative energy expended since the device's last reset, kJ; null when the packet has no such field. */
  readonly energyExpendedKj: number | null;
  /** Whether the RR-present flag was set (a packet may set it and still carry a beat's worth of RR, or more). */
  readonly rrPresent: boolean;
  /** RR intervals in milliseconds, oldest first, each within heart/plausible.ts; empty when the packet has none. */
  readonly rrMs: readonly number[];
}

/** Sensor contact: the device cannot tell, or it can and the skin is / is not touching the electrodes. */
export type SensorContact = 'not-supported' | 'detected' | 'not-detected';

const HRM_FLAG_HR_16_BIT = 0x01;
const HRM_FLAG_CONTACT_DETECTED = 0x02;
const HRM_FLAG_CONTACT_SUPPORTED = 0x04;
const HRM_FLAG_ENERGY = 0x08;
const HRM_FLAG_RR = 0x10;

/** RR intervals are sent in 1/1024 s. */
const RR_UNITS_PER_SECOND = 1024;

/** Convert a raw RR value (1/1024 s) to milliseconds. */
export function rrUnitsToMs(units: number): number {
  return (units * 1000) / RR_UNITS_PER_SECOND;
}

/**
 * Read one Heart Rate Measurement value. Walks the flag bits with a byte index; returns a typed error for a
 * packet that is empty, shorter than its flags promise, or whose RR list is not whole 16-bit values, and an
 * `impossible-value` error for a packet whose heart rate (other than 0, "no reading") or any RR interval lies
 * outside the physiological range of heart/plausible.ts (RR 200..3000 ms, heart rate 20..300 bpm): a packet
 * carrying one value no heart can produce is not trusted for the rest, so the whole packet is refused and the
 * caller counts it as malformed and marks a gap. Reserved flag bits, and bytes after the last field when no RR list is announced, are ignored
 * (left for future fields, as the specification asks of receivers). Never throws.
 */
export function parseHeartRateMeasurement(view: DataView): GattResult<HeartRateMeasurement> {
  if (view.byteLength === 0) return fail({ kind: 'empty' });
  const flags = view.getUint8(0);
  let index = 1;

  const heartRate16Bit = (flags & HRM_FLAG_HR_16_BIT) !== 0;
  const hrBytes = heartRate16Bit ? 2 : 1;
  if (view.byteLength - index < hrBytes) return fail(truncated('heart rate', index, hrBytes, view));
  const heartRateBpm = heartRate16Bit ? view.getUint16(index, true) : view.getUint8(index);
  index += hrBytes;
  if (heartRateBpm !== 0 && !isPlausibleHeartRate(heartRateBpm))
    return fail({ kind: 'impossible-value', field: 'heart rate', value: heartRateBpm });

  const sensorContact: SensorContact =
    (flags & HRM_FLAG_CONTACT_SUPPORTED) === 0
      ? 'not-supported'
      : (flags & HRM_FLAG_CONTACT_DETECTED) !== 0
        ? 'detected'
        : 'not-detected';

  let energyExpendedKj: number | null = null;
  if ((flags & HRM_FLAG_ENERGY) !== 0) {
    if (view.byteLength - index < 2) return fail(truncated('energy expended', index, 2, view));
    energyExpendedKj = view.getUint16(index, true);
    index += 2;
  }

  const rrPresent = (flags & HRM_FLAG_RR) !== 0;
  const rrMs: number[] = [];
  if (rrPresent) {
    const rrBytes = view.byteLength - index;
    if (rrBytes % 2 !== 0) return fail({ kind: 'odd-rr-bytes', rrBytes });
    for (; index < view.byteLength; index += 2) {
      const rr = rrUnitsToMs(view.getUint16(index, true));
      if (!isPlausibleRrMs(rr)) return fail({ kind: 'impossible-value', field: 'RR interval', value: rr });
      rrMs.push(rr);
    }
  }

  return ok({ heartRateBpm, heartRate16Bit, sensorContact, energyExpendedKj, rrPresent, rrMs });
}

function truncated(field: string, offset: number, needBytes: number, view: DataView) {
  return { kind: 'truncated', field, offset, needBytes, haveBytes: view.byteLength - offset } as const;
}
