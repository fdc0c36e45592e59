/** 16-bit UUIDs of the Bluetooth SIG's assigned numbers used by the heart source. */
export const HEART_RATE_SERVICE = 0x180d;
export const HEART_RATE_MEASUREMENT = 0x2a37;
export const BODY_SENSOR_LOCATION = 0x2a38;
export const BATTERY_SERVICE = 0x180f;
export const BATTERY_LEVEL = 0x2a19;
export const DEVICE_INFORMATION_SERVICE = 0x180a;

/**
 * Polar's Measurement Data (PMD) service and its two characteristics (vendor 128-bit UUIDs; the protocol is read
 * in pmd.ts). Here, apart from that reader, so pairing can ask for the service without loading it.
 */
export const PMD_SERVICE = 'fb005c80-02e7-f387-1cad-8acd2d8df0c8';
export const PMD_CONTROL_POINT = 'fb005c81-02e7-f387-1cad-8acd2d8df0c8';
export const PMD_DATA = 'fb005c82-02e7-f387-1cad-8acd2d8df0c8';

/** The full 128-bit form of a 16-bit SIG UUID (Bluetooth Core Specification, Vol 3, Part B, 2.5.1). */
export function fullUuid(short: number): string {
  return `0000${short.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;
}
