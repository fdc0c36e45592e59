/** 16-bit UUIDs of the Bluetooth SIG's assigned numbers used by the heart source. */
export const HEART_RATE_SERVICE = 0x180d;
export const HEART_RATE_MEASUREMENT = 0x2a37;
export const BODY_SENSOR_LOCATION = 0x2a38;
export const BATTERY_SERVICE = 0x180f;
export const BATTERY_LEVEL = 0x2a19;
export const DEVICE_INFORMATION_SERVICE = 0x180a;

/** The full 128-bit form of a 16-bit SIG UUID (Bluetooth Core Specification, Vol 3, Part B, 2.5.1). */
export function fullUuid(short: number): string {
  return `0000${short.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;
}
