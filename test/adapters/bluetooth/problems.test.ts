import { describe, expect, it } from 'vitest';
import { classifyBluetoothError } from '../../../src/adapters/bluetooth/problems';

describe('classifyBluetoothError', () => {
  it.each([
    ['NotFoundError', 'User cancelled the requestDevice() chooser.', 'cancelled'],
    ['NotFoundError', 'Bluetooth adapter not available.', 'unavailable'],
    [
      'NotFoundError',
      'No Services matching UUID 0000180d-0000-1000-8000-00805f9b34fb found in Device.',
      'no-heart-rate',
    ],
    ['NotAllowedError', 'User denied the browser permission to scan for Bluetooth devices.', 'denied'],
    ['SecurityError', 'Origin is not allowed to access the service.', 'denied'],
    ['NotSupportedError', 'Bluetooth Low Energy not available.', 'unavailable'],
    ['NetworkError', 'Connection failed for unknown reason.', 'connect-failed'],
    ['InvalidStateError', 'GATT Server is disconnected.', 'failed'],
  ])('%s "%s" is %s', (name, message, kind) => {
    expect(classifyBluetoothError(new DOMException(message, name)).kind).toBe(kind);
  });

  it('classifies a thrown non-error as a failure with its text', () => {
    expect(classifyBluetoothError('boom')).toEqual({ kind: 'failed', message: 'boom' });
  });
});
