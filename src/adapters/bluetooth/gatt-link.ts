import {
  parseUtf8String,
  DEVICE_INFORMATION_STRINGS,
  type DeviceInformation,
} from '../../core/gatt/device-information';
import type { GattResult } from '../../core/gatt/result';
import {
  parseBatteryLevel,
  parseBodySensorLocation,
  type BodySensorLocation,
} from '../../core/gatt/sensor-characteristics';
import {
  BATTERY_LEVEL,
  BATTERY_SERVICE,
  BODY_SENSOR_LOCATION,
  DEVICE_INFORMATION_SERVICE,
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
} from '../../core/gatt/uuids';
import { withTimeout, type Timeouts } from '../timers';
import { BluetoothProblemError } from './problems';

/** How long a connection (connect, discovery, subscription) may take before it counts as failed, ms. */
export const CONNECT_TIMEOUT_MS = 20_000;
/** How long stopping notifications may take on the way out, ms. */
const STOP_TIMEOUT_MS = 2000;

/** One live subscription to a strap's Heart Rate Measurement; undone by {@link unlink}. */
export interface GattLink {
  readonly server: BluetoothRemoteGATTServer;
  readonly characteristic: BluetoothRemoteGATTCharacteristic;
  readonly onValue: () => void;
}

/**
 * Connect, discover the Heart Rate service and subscribe to measurements. The listener is added before
 * notifications start so the first packet is not missed; {@link unlink} undoes both in the reverse order.
 *
 * A connect that times out is abandoned, not left running: every step after the timeout stops short, and a
 * listener it had already added is removed, so a late completion never leaves a second listener (and a second
 * parse of each packet) behind for the next attempt to add to. Notifications are not stopped by a late completion,
 * because the browser hands every attempt the same characteristic object and a newer attempt may be using it; the
 * strap is let go only when `stillWanted()` says nobody wants the connection any more (the source was stopped).
 */
export async function link(
  device: BluetoothDevice,
  onValue: (value: DataView) => void,
  timers: Timeouts,
  stillWanted: () => boolean = () => true,
): Promise<GattLink> {
  const gatt = device.gatt;
  // Not a Bluetooth Low Energy device: it cannot offer the Heart Rate service.
  if (!gatt) throw new BluetoothProblemError({ kind: 'no-heart-rate' });
  let abandoned = false;
  const abandon = (): never => {
    if (!stillWanted()) gatt.disconnect();
    throw new DOMException('Abandoned after its timeout', 'AbortError');
  };
  const connecting = async (): Promise<GattLink> => {
    const server = await gatt.connect();
    if (abandoned) abandon();
    const service = await server.getPrimaryService(HEART_RATE_SERVICE);
    if (abandoned) abandon();
    const characteristic = await service.getCharacteristic(HEART_RATE_MEASUREMENT);
    if (abandoned) abandon();
    const listener = () => {
      if (characteristic.value) onValue(characteristic.value);
    };
    characteristic.addEventListener('characteristicvaluechanged', listener);
    try {
      await characteristic.startNotifications();
    } catch (error) {
      characteristic.removeEventListener('characteristicvaluechanged', listener);
      throw error;
    }
    if (abandoned) {
      characteristic.removeEventListener('characteristicvaluechanged', listener);
      abandon();
    }
    return { server, characteristic, onValue: listener };
  };
  const attempt = connecting();
  try {
    return await withTimeout(attempt, CONNECT_TIMEOUT_MS, timers, 'connect');
  } catch (error) {
    abandoned = true;
    attempt.catch(() => {}); // its late end is handled inside; nothing awaits it any more
    throw error;
  }
}

/** Stop notifications (when still connected), then remove the listener: the reverse of {@link link}. */
export async function unlink(gattLink: GattLink, timers: Timeouts): Promise<void> {
  if (gattLink.server.connected) {
    try {
      await withTimeout(gattLink.characteristic.stopNotifications(), STOP_TIMEOUT_MS, timers, 'unsubscribe');
    } catch {
      // The strap went away meanwhile; nothing more to undo on its side.
    }
  }
  gattLink.characteristic.removeEventListener('characteristicvaluechanged', gattLink.onValue);
}

/** What the strap says about itself beyond heart rate; each field null when the device lacks it. */
export interface StrapDetails {
  readonly batteryPercent: number | null;
  readonly bodyLocation: BodySensorLocation | null;
  readonly deviceInformation: DeviceInformation;
}

/**
 * Read battery level, body sensor location and the Device Information strings, one at a time (GATT allows one
 * outstanding request). Anything missing or malformed is left out; this never rejects.
 */
export async function readDetails(server: BluetoothRemoteGATTServer): Promise<StrapDetails> {
  const batteryPercent = await readValue(server, BATTERY_SERVICE, BATTERY_LEVEL, parseBatteryLevel);
  const bodyLocation = await readValue(
    server,
    HEART_RATE_SERVICE,
    BODY_SENSOR_LOCATION,
    parseBodySensorLocation,
  );
  const deviceInformation: DeviceInformation = {};
  const fields = ['manufacturerName', 'modelNumber'] as const;
  for (const field of fields) {
    const text = await readValue(
      server,
      DEVICE_INFORMATION_SERVICE,
      DEVICE_INFORMATION_STRINGS[field],
      parseUtf8String,
    );
    if (text) deviceInformation[field] = text;
  }
  return { batteryPercent, bodyLocation, deviceInformation };
}

async function readValue<T>(
  server: BluetoothRemoteGATTServer,
  service: number,
  characteristic: number,
  parse: (view: DataView) => GattResult<T>,
): Promise<T | null> {
  try {
    const value = await (
      await (await server.getPrimaryService(service)).getCharacteristic(characteristic)
    ).readValue();
    const result = parse(value);
    return result.ok ? result.value : null;
  } catch {
    return null;
  }
}
