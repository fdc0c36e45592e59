import { LOCAL_KEYS } from '../storage/keys';
import { object, string, valid, type Json } from '../../core/validate';
import {
  BATTERY_SERVICE,
  DEVICE_INFORMATION_SERVICE,
  HEART_RATE_SERVICE,
  PMD_SERVICE,
} from '../../core/gatt/uuids';

/**
 * Finding a strap: the chooser, filtered by the Heart Rate service so only heart-rate devices are offered, with
 * Battery, Device Information and Polar's Measurement Data (the H10's accelerometer) as optional services (Web
 * Bluetooth only lets the page open services it named).
 */
const HEART_RATE_REQUEST: RequestDeviceOptions = {
  filters: [{ services: [HEART_RATE_SERVICE] }],
  optionalServices: [BATTERY_SERVICE, DEVICE_INFORMATION_SERVICE, PMD_SERVICE],
};

/** The browser's Web Bluetooth, or null where there is none (Firefox, Safari, iOS, insecure origins). */
export function webBluetooth(): Bluetooth | null {
  if (typeof navigator === 'undefined' || !('bluetooth' in navigator)) return null;
  return navigator.bluetooth ?? null;
}

/** Whether a Bluetooth adapter is present and on; true when the browser cannot tell. */
export async function bluetoothAvailable(bluetooth: Bluetooth): Promise<boolean> {
  try {
    return await bluetooth.getAvailability();
  } catch {
    return true;
  }
}

/** Open the chooser. Must run inside a click handler (a user gesture). Rejects as requestDevice does. */
export function chooseStrap(bluetooth: Bluetooth): Promise<BluetoothDevice> {
  return bluetooth.requestDevice(HEART_RATE_REQUEST);
}

/**
 * A strap this site was allowed to use before, found without the chooser through getDevices() (Chromium with the
 * new permissions backend). Null when the browser lacks getDevices() or no longer has the permission.
 */
export async function rememberedStrap(bluetooth: Bluetooth, id: string): Promise<BluetoothDevice | null> {
  if (typeof bluetooth.getDevices !== 'function') return null;
  try {
    const devices = await bluetooth.getDevices();
    return devices.find((device) => device.id === id) ?? null;
  } catch {
    return null;
  }
}

/** The strap to offer for one-tap reconnection, kept across visits. */
export interface RememberedStrap {
  readonly id: string;
  readonly name: string;
}

export interface StrapMemory {
  load(): RememberedStrap | null;
  save(strap: RememberedStrap): void;
  forget(): void;
}

const MEMORY_KEY = LOCAL_KEYS.strap;

function checkRememberedStrap(value: Json, path: string): RememberedStrap {
  const strap = object(value, path);
  return { id: string(strap['id'], `${path}.id`), name: string(strap['name'], `${path}.name`) };
}

/** The remembered strap in localStorage: only the browser's opaque device id and the name, nothing measured. */
export const localStrapMemory: StrapMemory = {
  load() {
    try {
      return valid(checkRememberedStrap, JSON.parse(localStorage.getItem(MEMORY_KEY) ?? 'null')) ?? null;
    } catch {
      return null;
    }
  },
  save(strap) {
    try {
      localStorage.setItem(MEMORY_KEY, JSON.stringify(strap));
    } catch {
      // Storage full or blocked: the chooser still works next time.
    }
  },
  forget() {
    try {
      localStorage.removeItem(MEMORY_KEY);
    } catch {
      // Nothing to forget.
    }
  },
};
