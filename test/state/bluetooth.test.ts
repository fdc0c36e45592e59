import { describe, expect, it } from 'vitest';
import type { RememberedStrap, StrapMemory } from '../../src/adapters/bluetooth/pairing';
import { BluetoothState } from '../../src/state/bluetooth.svelte';
import { FakeStrap } from '../adapters/bluetooth/fake-strap';

class MemoryStub implements StrapMemory {
  constructor(public stored: RememberedStrap | null = null) {}
  load() {
    return this.stored;
  }
  save(strap: RememberedStrap) {
    this.stored = strap;
  }
  forget() {
    this.stored = null;
  }
}

/** navigator.bluetooth with a chooser that answers as told. */
function fakeBluetooth(
  chooser: () => Promise<BluetoothDevice>,
  options: { available?: boolean; known?: BluetoothDevice[] } = {},
) {
  const calls = { requestDevice: 0, getDevices: 0 };
  const bluetooth = {
    async getAvailability() {
      return options.available ?? true;
    },
    async requestDevice() {
      calls.requestDevice += 1;
      return chooser();
    },
    async getDevices() {
      calls.getDevices += 1;
      return options.known ?? [];
    },
  };
  // The fake implements only the members the state uses.
  return { bluetooth: bluetooth as unknown as Bluetooth, calls };
}

const rejectWith = (name: string, message: string) => () => Promise.reject(new DOMException(message, name));

describe('BluetoothState', () => {
  it('says Web Bluetooth is missing instead of opening a chooser', async () => {
    const state = new BluetoothState(null, new MemoryStub());
    expect(state.supported).toBe(false);
    expect(await state.choose()).toBeNull();
    expect(state.problem).toEqual({ kind: 'unsupported' });
  });

  it('hands back a source for the chosen strap and remembers it', async () => {
    const strap = new FakeStrap('Polar H10 1A2B3C4D');
    const memory = new MemoryStub();
    const { bluetooth } = fakeBluetooth(async () => strap.asDevice());
    const state = new BluetoothState(bluetooth, memory);
    const source = await state.choose();
    expect(source?.label).toBe('Polar H10 1A2B3C4D');
    expect(state.phase).toBe('connecting');
    expect(state.problem).toBeNull();
    expect(memory.stored).toEqual({ id: 'strap-1', name: 'Polar H10 1A2B3C4D' });
  });

  it.each([
    [
      'a closed chooser',
      rejectWith('NotFoundError', 'User cancelled the requestDevice() chooser.'),
      true,
      'cancelled',
    ],
    [
      'a closed chooser with Bluetooth unavailable',
      rejectWith('NotFoundError', 'User cancelled the requestDevice() chooser.'),
      false,
      'unavailable',
    ],
    [
      'a missing adapter',
      rejectWith('NotFoundError', 'Bluetooth adapter not available.'),
      true,
      'unavailable',
    ],
    [
      'a blocked permission',
      rejectWith('NotAllowedError', 'Bluetooth permission has been blocked.'),
      true,
      'denied',
    ],
  ])('turns %s into a typed problem', async (_name, chooser, available, kind) => {
    const { bluetooth } = fakeBluetooth(chooser, { available });
    const state = new BluetoothState(bluetooth, new MemoryStub());
    expect(await state.choose()).toBeNull();
    expect(state.problem?.kind).toBe(kind);
    expect(state.phase).toBe('idle');
  });

  it('reconnects the remembered strap through getDevices() without the chooser, keeping its name', async () => {
    const nameless = new FakeStrap('');
    const { bluetooth, calls } = fakeBluetooth(async () => nameless.asDevice(), {
      known: [nameless.asDevice()],
    });
    const state = new BluetoothState(bluetooth, new MemoryStub({ id: 'strap-1', name: 'Polar H9 5E6F' }));
    const source = await state.reconnectRemembered();
    expect(calls).toEqual({ requestDevice: 0, getDevices: 1 });
    expect(source?.label).toBe('Polar H9 5E6F');
  });

  it('falls back to the chooser when the remembered strap is no longer permitted', async () => {
    const other = new FakeStrap('TICKR 2B1F');
    const { bluetooth, calls } = fakeBluetooth(async () => other.asDevice(), { known: [] });
    const state = new BluetoothState(bluetooth, new MemoryStub({ id: 'gone', name: 'Old strap' }));
    const source = await state.reconnectRemembered();
    expect(calls.requestDevice).toBe(1);
    expect(source?.label).toBe('TICKR 2B1F');
    expect(state.remembered).toEqual({ id: 'strap-1', name: 'TICKR 2B1F' });
  });
});
