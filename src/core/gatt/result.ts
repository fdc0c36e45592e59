import type { Result } from '../result';

/**
 * What the GATT parsers return: a value, or a typed reason the bytes could not be read. The parsers never throw,
 * so a malformed packet from a strap is data to handle, not a crash.
 */
export type GattResult<T> = Result<T, GattError>;

export type GattError =
  /** The characteristic value had no bytes at all. */
  | { readonly kind: 'empty' }
  /** The flags promise a field that the packet is too short to hold. */
  | {
      readonly kind: 'truncated';
      readonly field: string;
      /** Byte offset where the field starts. */
      readonly offset: number;
      readonly needBytes: number;
      readonly haveBytes: number;
    }
  /** The RR list is not a whole number of 16-bit values. */
  | { readonly kind: 'odd-rr-bytes'; readonly rrBytes: number }
  /** A value no device can mean (an RR interval of zero, a battery above 100 %). */
  | { readonly kind: 'impossible-value'; readonly field: string; readonly value: number }
  /** A value the specification reserves for future use. */
  | { readonly kind: 'reserved-value'; readonly field: string; readonly value: number }
  /** A string characteristic whose bytes are not UTF-8. */
  | { readonly kind: 'invalid-utf8'; readonly offset: number }
  /** A well-formed value of a kind this app does not read (another measurement, an unknown frame type). */
  | { readonly kind: 'unsupported'; readonly field: string; readonly value: number }
  /** A run of fixed-size units that does not end on a unit boundary. */
  | { readonly kind: 'ragged'; readonly field: string; readonly bytes: number; readonly unitBytes: number };
