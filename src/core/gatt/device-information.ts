import { fail, ok } from '../result';
import type { GattResult } from './result';

/**
 * The string characteristics of the Device Information Service (0x180A, DIS 1.1), each a UTF-8 string with no
 * terminator (some devices pad with NUL bytes anyway; they are trimmed).
 */
export const DEVICE_INFORMATION_STRINGS = {
  manufacturerName: 0x2a29,
  modelNumber: 0x2a24,
  serialNumber: 0x2a25,
  hardwareRevision: 0x2a27,
  firmwareRevision: 0x2a26,
  softwareRevision: 0x2a28,
} as const;

type DeviceInformationField = keyof typeof DEVICE_INFORMATION_STRINGS;

export type DeviceInformation = Partial<Record<DeviceInformationField, string>>;

/**
 * Decode a UTF-8 string characteristic. The core has no TextDecoder, so this follows the well-formed byte
 * sequences of the Unicode Standard, section 3.9, table 3-7 (no overlong forms, no surrogates, nothing past
 * U+10FFFF) and reports the first byte that breaks them. Trailing NUL bytes are dropped. Never throws.
 */
export function parseUtf8String(view: DataView): GattResult<string> {
  let end = view.byteLength;
  while (end > 0 && view.getUint8(end - 1) === 0) end -= 1;
  let text = '';
  let index = 0;
  while (index < end) {
    const lead = view.getUint8(index);
    if (lead < 0x80) {
      text += String.fromCharCode(lead);
      index += 1;
      continue;
    }
    const shape = sequenceShape(lead);
    if (shape === null || index + shape.length > end) return fail({ kind: 'invalid-utf8', offset: index });
    let codePoint = lead & shape.leadMask;
    for (let k = 1; k < shape.length; k += 1) {
      const byte = view.getUint8(index + k);
      const low = k === 1 ? shape.secondLow : 0x80;
      const high = k === 1 ? shape.secondHigh : 0xbf;
      if (byte < low || byte > high) return fail({ kind: 'invalid-utf8', offset: index + k });
      codePoint = (codePoint << 6) | (byte & 0x3f);
    }
    text += String.fromCodePoint(codePoint);
    index += shape.length;
  }
  return ok(text);
}

interface SequenceShape {
  readonly length: number;
  readonly leadMask: number;
  /** Allowed range of the second byte (table 3-7 narrows it for some lead bytes). */
  readonly secondLow: number;
  readonly secondHigh: number;
}

function sequenceShape(lead: number): SequenceShape | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, leadMask: 0x1f, secondLow: 0x80, secondHigh: 0xbf };
  if (lead === 0xe0) return { length: 3, leadMask: 0x0f, secondLow: 0xa0, secondHigh: 0xbf };
  if (lead === 0xed) return { length: 3, leadMask: 0x0f, secondLow: 0x80, secondHigh: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, leadMask: 0x0f, secondLow: 0x80, secondHigh: 0xbf };
  if (lead === 0xf0) return { length: 4, leadMask: 0x07, secondLow: 0x90, secondHigh: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, leadMask: 0x07, secondLow: 0x80, secondHigh: 0xbf };
  if (lead === 0xf4) return { length: 4, leadMask: 0x07, secondLow: 0x80, secondHigh: 0x8f };
  return null;
}
