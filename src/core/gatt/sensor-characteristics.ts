import { fail, ok } from '../result';
import type { GattResult } from './result';

/**
 * Body Sensor Location (0x2A38, Heart Rate Service 1.0): one uint8, 0 Other, 1 Chest, 2 Wrist, 3 Finger, 4 Hand,
 * 5 Ear Lobe, 6 Foot; 7-255 reserved.
 */
export type BodySensorLocation = 'other' | 'chest' | 'wrist' | 'finger' | 'hand' | 'ear-lobe' | 'foot';

const LOCATIONS: readonly BodySensorLocation[] = [
  'other',
  'chest',
  'wrist',
  'finger',
  'hand',
  'ear-lobe',
  'foot',
];

export function parseBodySensorLocation(view: DataView): GattResult<BodySensorLocation> {
  if (view.byteLength === 0) return fail({ kind: 'empty' });
  const code = view.getUint8(0);
  const location = LOCATIONS[code];
  return location === undefined
    ? fail({ kind: 'reserved-value', field: 'body sensor location', value: code })
    : ok(location);
}

/** Battery Level (0x2A19, Battery Service 1.0): one uint8, the charge in percent, 0-100. */
export function parseBatteryLevel(view: DataView): GattResult<number> {
  if (view.byteLength === 0) return fail({ kind: 'empty' });
  const percent = view.getUint8(0);
  return percent > 100
    ? fail({ kind: 'impossible-value', field: 'battery level', value: percent })
    : ok(percent);
}
