/**
 * The one shape of "a value, or why there is none" across the app: GATT parsing, file reading, backups and storage
 * all return it, so a caller narrows on `ok` and finds `value` or a typed `error` under the same names everywhere.
 * Functions that return it never throw for bad input: a malformed packet or a corrupt file is data to handle.
 */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function fail<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
