import { describe, expect, it } from 'vitest';
import { BluetoothHeartSource, type StrapInfo } from '../../../src/adapters/bluetooth/bluetooth-heart-source';
import type { AccelerationChunk, HeartStatus } from '../../../src/core/heart/types';
import { rawAccFrame } from '../../core/gatt/pmd-bytes';
import { FakeStrap, ManualTimers, settle as settleOnce, type FakePmd } from './fake-strap';

/** The details are read before the accelerometer starts: many promise turns. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await settleOnce();
}

function harness(pmd: FakePmd | null) {
  const strap = new FakeStrap('Polar H10 1A2B3C4D', undefined, pmd);
  const timers = new ManualTimers();
  const chunks: AccelerationChunk[] = [];
  const infos: StrapInfo[] = [];
  const source = new BluetoothHeartSource(strap.asDevice(), {
    timers,
    observer: { info: (i) => infos.push(i), status: () => {} },
  });
  const listener = {
    beat: () => {},
    status: (_s: HeartStatus) => {},
    acceleration: (c: AccelerationChunk) => chunks.push(c),
  };
  const accelerometer = () => infos.at(-1)?.accelerometer;
  return { strap, timers, source, listener, chunks, accelerometer };
}

const PMD_START = 'write 2,2,0,1,25,0,1,1,16,0,2,1,2,0';
const T0 = 599_616_000_000_000_000n;

describe('the accelerometer of a strap with Polar Measurement Data', () => {
  it('is started after the details: features read, indications and data subscribed, settings asked, 25 Hz started', async () => {
    const h = harness('h10');
    await h.source.start(h.listener);
    await settle();
    expect(h.accelerometer()).toBe('streaming');
    const writes = h.strap.log.filter((l) => l.startsWith('write'));
    expect(writes).toEqual(['write 1,2', PMD_START]);
    expect(h.strap.pmdControl.listeners).toBe(1);
    expect(h.strap.pmdData.listeners).toBe(1);
  });

  it('hands on each frame as samples on the session clock, spaced by the sensor timestamps', async () => {
    const h = harness('h10');
    await h.source.start(h.listener);
    await settle();
    await h.timers.advance(1000);
    h.strap.pmdData.notify(
      rawAccFrame(T0 + 1_000_000_000n, 1, [
        [1, 2, 1000],
        [3, 4, 1001],
      ]),
    );
    await h.timers.advance(80);
    // This frame came 30 ms later than its timestamp says: the clock keeps the earlier, smaller delay.
    await h.timers.advance(30);
    h.strap.pmdData.notify(
      rawAccFrame(T0 + 1_080_000_000n, 1, [
        [5, 6, 1002],
        [7, 8, 1003],
      ]),
    );
    expect(h.chunks).toHaveLength(2);
    expect(Array.from(h.chunks[0]!.xyzMg)).toEqual([1, 2, 1000, 3, 4, 1001]);
    const times = h.chunks.flatMap((c) => Array.from(c.timeMs));
    expect(times.map((t) => Math.round(t))).toEqual([960, 1000, 1040, 1080]);
  });

  it('counts a frame it cannot read as a skipped packet and goes on', async () => {
    const h = harness('h10');
    await h.source.start(h.listener);
    await settle();
    h.strap.pmdData.notify([2, 0, 0]);
    expect(h.source.info.malformedPackets).toBe(1);
    h.strap.pmdData.notify(rawAccFrame(T0, 1, [[1, 2, 3]]));
    expect(h.chunks).toHaveLength(1);
  });

  it('is stopped on the strap before it is unsubscribed, and before the heart rate, when the person stops', async () => {
    const h = harness('h10');
    await h.source.start(h.listener);
    await settle();
    h.strap.log.length = 0;
    await h.source.stop();
    expect(h.strap.log).toEqual([
      'write 3,2',
      'stopNotifications',
      'remove characteristicvaluechanged',
      'stopNotifications',
      'remove characteristicvaluechanged',
      'stopNotifications',
      'remove characteristicvaluechanged',
      'disconnect',
    ]);
    expect(h.strap.pmdControl.listeners + h.strap.pmdData.listeners + h.strap.measurement.listeners).toBe(0);
  });

  it('is started again after the strap drops and comes back', async () => {
    const h = harness('h10');
    await h.source.start(h.listener);
    await settle();
    h.strap.drop();
    expect(h.accelerometer()).toBe('none');
    expect(h.strap.pmdControl.listeners + h.strap.pmdData.listeners).toBe(0);
    await h.timers.advance(1000);
    await settle();
    expect(h.accelerometer()).toBe('streaming');
    expect(h.strap.log.filter((l) => l === PMD_START)).toHaveLength(2);
    expect(h.strap.pmdControl.listeners).toBe(1);
  });

  it('is stopped and started again when a previous connection left it running', async () => {
    const h = harness('already-started');
    await h.source.start(h.listener);
    await settle();
    expect(h.strap.log.filter((l) => l.startsWith('write'))).toEqual([
      'write 1,2',
      PMD_START,
      'write 3,2',
      PMD_START,
    ]);
    expect(h.accelerometer()).toBe('streaming');
  });

  it('is given up, undone and the heart rate kept, when the strap does not answer', async () => {
    const h = harness('silent');
    await h.source.start(h.listener);
    await settle();
    expect(h.accelerometer()).toBe('starting');
    await h.timers.advance(5000);
    await settle();
    expect(h.accelerometer()).toBe('none');
    expect(h.strap.pmdControl.listeners + h.strap.pmdData.listeners).toBe(0);
    expect(h.strap.measurement.listeners).toBe(1);
    expect(h.timers.pending).toBe(0);
  });

  it('is never asked of a strap whose PMD service has no accelerometer, nor of a strap without the service', async () => {
    for (const pmd of ['no-acc', null] as const) {
      const h = harness(pmd);
      await h.source.start(h.listener);
      await settle();
      expect(h.accelerometer()).toBe('none');
      expect(h.strap.log.filter((l) => l.startsWith('write'))).toEqual([]);
      expect(h.strap.pmdControl.listeners + h.strap.pmdData.listeners).toBe(0);
    }
  });
});
