/** Test helper: builds Heart Rate Measurement bytes from fields, independently of the parser. */
export interface HrmFields {
  readonly flags: number;
  readonly heartRate: number;
  readonly energyKj?: number;
  /** Raw RR values in 1/1024 s. */
  readonly rrUnits?: readonly number[];
}

export function hrmBytes(fields: HrmFields): DataView {
  const bytes: number[] = [fields.flags];
  if (fields.flags & 0x01) bytes.push(fields.heartRate & 0xff, fields.heartRate >> 8);
  else bytes.push(fields.heartRate);
  if (fields.flags & 0x08) bytes.push((fields.energyKj ?? 0) & 0xff, (fields.energyKj ?? 0) >> 8);
  if (fields.flags & 0x10) for (const rr of fields.rrUnits ?? []) bytes.push(rr & 0xff, rr >> 8);
  return new DataView(new Uint8Array(bytes).buffer);
}

export function view(...bytes: number[]): DataView {
  return new DataView(new Uint8Array(bytes).buffer);
}
