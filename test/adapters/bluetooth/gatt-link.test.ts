import { describe, expect, it } from 'vitest';
import { BluetoothHeartSource } from '../../../src/adapters/bluetooth/bluetooth-heart-source';
import { CONNECT_TIMEOUT_MS, link } from '../../../src/adapters/bluetooth/gatt-link';
import { BluetoothProblemError } from '../../../src/adapters/bluetooth/problems';
import type { Beat } from '../../../src/core/heart/types';
import { FakeStrap, ManualTimers, settle } from './fake-strap';

describe('link after a timeout', () => {
  it('a connect that completes after its timeout leaves no listener, so a retry parses each packet once', async () => {
    const strap = new FakeStrap('Polar H10');
    const timers = new ManualTimers();
    const values: DataView[] = [];
    strap.nextConnect = 'held';
    const first = link(strap.asDevice(), (v) => values.push(v), timers).catch((e: unknown) => e);
    await timers.advance(CONNECT_TIMEOUT_MS);
    expect(await first).toMatchObject({
      name: 'TimeoutError',
      waitedFor: 'connect',
      afterMs: CONNECT_TIMEOUT_MS,
    });
    strap.release(); // the abandoned connect completes late
    await settle();
    expect(strap.measurement.listeners).toBe(0);
    strap.nextConnect = 'ok';
    await link(strap.asDevice(), (v) => values.push(v), timers);
    expect(strap.measurement.listeners).toBe(1);
    strap.measurement.notify([0x10, 60, 0x00, 0x04]);
    expect(values).toHaveLength(1);
  });

  it('a late connect nobody wants any more lets the strap go', async () => {
    const strap = new FakeStrap('Polar H10');
    const timers = new ManualTimers();
    strap.nextConnect = 'held';
    const first = link(
      strap.asDevice(),
      () => {},
      timers,
      () => false,
    ).catch((e: unknown) => e);
    await timers.advance(CONNECT_TIMEOUT_MS);
    await first;
    strap.release();
    await settle();
    expect(strap.connected).toBe(false);
    expect(strap.measurement.listeners).toBe(0);
  });

  it('a reconnect attempt that times out and completes late, then a retry, gives one listener and one parse per packet', async () => {
    const strap = new FakeStrap('Polar H10');
    const timers = new ManualTimers();
    const beats: Beat[] = [];
    const source = new BluetoothHeartSource(strap.asDevice(), { timers });
    await source.start({ beat: (b) => beats.push(b), status: () => {} });
    await timers.advance(1000);
    strap.nextConnect = 'held';
    strap.drop();
    await timers.advance(1000); // the first reconnect attempt starts and hangs
    await timers.advance(CONNECT_TIMEOUT_MS); // ... and times out; the next retry is 2 s away
    strap.release(); // the timed-out attempt completes late
    await settle();
    strap.nextConnect = 'ok';
    await timers.advance(2000); // the retry connects
    expect(strap.measurement.listeners).toBe(1);
    const before = source.info.malformedPackets;
    strap.measurement.notify([0x10, 60, 0x00]); // malformed: counted once per parse
    expect(source.info.malformedPackets - before).toBe(1);
    await timers.advance(1000);
    strap.measurement.notify([0x10, 60, 0x00, 0x04]);
    expect(beats).toHaveLength(1);
  });
});

describe('link to a device without GATT', () => {
  it('refuses it as a device without heart rate', async () => {
    const device = { id: 'classic', name: 'Headphones', gatt: undefined } as unknown as BluetoothDevice;
    const refused = await link(device, () => {}, new ManualTimers()).catch((e: unknown) => e);
    expect(refused instanceof BluetoothProblemError && refused.problem).toEqual({ kind: 'no-heart-rate' });
  });
});
