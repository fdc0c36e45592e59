import { describe, expect, it } from 'vitest';
import { BluetoothHeartSource, type StrapInfo } from '../../../src/adapters/bluetooth/bluetooth-heart-source';
import { BluetoothProblemError } from '../../../src/adapters/bluetooth/problems';
import type { Beat, HeartRateReading, HeartStatus } from '../../../src/core/heart/types';
import { FakeStrap, ManualTimers, settle } from './fake-strap';

function harness(name = 'Polar H10 1A2B3C4D') {
  const strap = new FakeStrap(name);
  const timers = new ManualTimers();
  const beats: Beat[] = [];
  const statuses: HeartStatus[] = [];
  const readings: HeartRateReading[] = [];
  const infos: StrapInfo[] = [];
  const source = new BluetoothHeartSource(strap.asDevice(), {
    timers,
    observer: { info: (i) => infos.push(i), status: () => {} },
  });
  const listener = {
    beat: (b: Beat) => beats.push(b),
    status: (s: HeartStatus) => statuses.push(s),
    heartRate: (r: HeartRateReading) => readings.push(r),
  };
  return { strap, timers, source, listener, beats, statuses, readings, infos };
}

/** A packet with contact detected, 8-bit heart rate and the given RR values in 1/1024 s. */
const packet = (bpm: number, ...rrUnits: number[]) => [
  0x16,
  bpm,
  ...rrUnits.flatMap((u) => [u & 0xff, u >> 8]),
];

describe('BluetoothHeartSource', () => {
  it('connects, subscribes, and turns packets into beats on the session clock', async () => {
    const h = harness();
    await h.source.start(h.listener);
    expect(h.source.label).toBe('Polar H10 1A2B3C4D');
    expect(h.statuses).toEqual([{ state: 'connecting' }, { state: 'live' }]);
    expect(h.strap.log.slice(0, 3)).toEqual([
      'connect',
      'add characteristicvaluechanged',
      'startNotifications',
    ]);
    await h.timers.advance(2000);
    h.strap.measurement.notify(packet(60, 1024, 1024));
    expect(h.beats).toEqual([
      { rrMs: 1000, timeMs: 1000, heartRateBpm: 60, source: 'bluetooth' },
      { rrMs: 1000, timeMs: 2000, heartRateBpm: 60, source: 'bluetooth' },
    ]);
  });

  it('reads battery, body location and manufacturer, and reports contact and RR support', async () => {
    const h = harness();
    await h.source.start(h.listener);
    await settle();
    h.strap.measurement.notify(packet(61, 1000));
    const info = h.infos.at(-1);
    expect(info?.details).toEqual({
      batteryPercent: 87,
      bodyLocation: 'chest',
      deviceInformation: { manufacturerName: 'Polar' },
    });
    expect(info).toMatchObject({ heartRateBpm: 61, contact: 'detected', rrSupport: 'sends-rr' });
  });

  it('counts a malformed packet instead of throwing', async () => {
    const h = harness();
    await h.source.start(h.listener);
    h.strap.measurement.notify([0x11, 70]);
    h.strap.measurement.notify([0x10, 70, 0x00]);
    expect(h.source.info.malformedPackets).toBe(2);
    expect(h.beats).toEqual([]);
  });

  it('marks the beat after a malformed packet as following a gap, keeping every good beat', async () => {
    const h = harness();
    await h.source.start(h.listener);
    await h.timers.advance(2000);
    h.strap.measurement.notify(packet(60, 1024, 1024));
    await h.timers.advance(1000);
    h.strap.measurement.notify([0x16, 60, 0x00]); // an odd RR byte count: the beat it held is lost
    await h.timers.advance(1000);
    h.strap.measurement.notify(packet(60, 1024));
    expect(h.beats.map((b) => [b.timeMs, b.afterGap ?? false])).toEqual([
      [1000, false],
      [2000, false],
      [3000, true],
    ]);
    expect(h.source.info.malformedPackets).toBe(1);
    expect(h.statuses.at(-1)).toEqual({ state: 'live' });
  });

  it('refuses packets with impossible values (RR 0.98 ms, 64 s, heart rate 65535) as malformed, with a gap', async () => {
    const h = harness();
    await h.source.start(h.listener);
    await h.timers.advance(2000);
    h.strap.measurement.notify(packet(60, 1024, 1024));
    await h.timers.advance(1000);
    h.strap.measurement.notify(packet(60, 1)); // 0.98 ms
    await h.timers.advance(1000);
    h.strap.measurement.notify(packet(60, 0xffff)); // 64 s
    await h.timers.advance(1000);
    h.strap.measurement.notify([0x17, 0xff, 0xff, 0x00, 0x04]); // 16-bit heart rate 65535
    await h.timers.advance(1000);
    h.strap.measurement.notify(packet(61, 1024));
    expect(h.source.info.malformedPackets).toBe(3);
    expect(h.beats.map((b) => [b.rrMs, b.afterGap ?? false])).toEqual([
      [1000, false],
      [1000, false],
      [1000, true],
    ]);
    expect(h.infos.map((i) => i.heartRateBpm)).not.toContain(65535);
    expect(h.source.info.heartRateBpm).toBe(61);
  });

  it('passes on heart rate without RR as readings and says so after a while', async () => {
    const h = harness('Forerunner 265');
    await h.source.start(h.listener);
    for (let i = 0; i < 6; i += 1) {
      await h.timers.advance(1000);
      h.strap.measurement.notify([0x00, 58]);
    }
    expect(h.readings.map((r) => r.heartRateBpm)).toEqual([58, 58, 58, 58, 58, 58]);
    expect(h.beats).toEqual([]);
    expect(h.source.info.rrSupport).toBe('no-rr');
  });

  it('marks the first heart-rate reading after a drop or an unreadable packet as following a gap', async () => {
    const h = harness('Forerunner 265');
    await h.source.start(h.listener);
    await h.timers.advance(1000);
    h.strap.measurement.notify([0x00, 58]);
    h.strap.drop();
    await h.timers.advance(1000);
    h.strap.measurement.notify([0x00, 60]);
    h.strap.measurement.notify([0x00, 61]);
    h.strap.measurement.notify([0x01, 61]); // 16-bit heart rate announced, one byte sent: unreadable
    h.strap.measurement.notify([0x00, 62]);
    expect(h.readings.map((r) => [r.heartRateBpm, r.afterGap ?? false])).toEqual([
      [58, false],
      [60, true],
      [61, false],
      [62, true],
    ]);
  });

  it('reconnects after an unrequested drop with 1 s backoff and marks the first beat after the gap', async () => {
    const h = harness();
    await h.source.start(h.listener);
    await h.timers.advance(1000);
    h.strap.measurement.notify(packet(60, 1024));
    h.strap.drop();
    expect(h.statuses.at(-1)).toEqual({ state: 'reconnecting', attempt: 1, nextRetryMs: 1000 });
    await h.timers.advance(1000);
    expect(h.statuses.at(-1)).toEqual({ state: 'live' });
    expect(h.strap.connects).toBe(2);
    await h.timers.advance(3000);
    h.strap.measurement.notify(packet(60, 1024, 1024));
    expect(h.beats.map((b) => [b.timeMs, b.afterGap ?? false])).toEqual([
      [1000, false],
      [4000, true],
      [5000, false],
    ]);
  });

  it('doubles the wait to a 30 s cap and keeps trying for at least five minutes', async () => {
    const h = harness();
    await h.source.start(h.listener);
    h.strap.nextConnect = 'fail';
    h.strap.drop();
    await h.timers.advance(400_000);
    const waits = h.statuses.flatMap((s) =>
      s.state === 'reconnecting' && s.nextRetryMs > 0 ? [s.nextRetryMs] : [],
    );
    expect(waits.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    // The waits add up to the time of the last attempt after the drop.
    const lastAttemptMs = waits.reduce((a, b) => a + b, 0);
    expect(lastAttemptMs).toBeGreaterThanOrEqual(300_000);
    expect(lastAttemptMs).toBeLessThan(330_000);
    expect(h.strap.connects - 1).toBe(waits.length);
    expect(h.statuses.at(-1)).toEqual({ state: 'signal-lost', reason: 'not-back', keptTryingMs: 300_000 });
    expect(h.timers.pending).toBe(0);
  });

  it('Retry now tries at once instead of waiting', async () => {
    const h = harness();
    await h.source.start(h.listener);
    h.strap.nextConnect = 'fail';
    h.strap.drop();
    await h.timers.advance(1000);
    await h.timers.advance(1000);
    expect(h.statuses.at(-1)).toEqual({ state: 'reconnecting', attempt: 2, nextRetryMs: 2000 });
    h.strap.nextConnect = 'ok';
    h.source.retryNow();
    await settle();
    expect(h.statuses.at(-1)).toEqual({ state: 'live' });
    expect(h.timers.pending).toBe(0);
  });

  it('stop is not a drop: unsubscribes before removing the listener, disconnects, and never reconnects', async () => {
    const h = harness();
    await h.source.start(h.listener);
    h.strap.log.length = 0;
    await h.source.stop();
    expect(h.strap.log).toEqual(['stopNotifications', 'remove characteristicvaluechanged', 'disconnect']);
    expect(h.strap.measurement.listeners).toBe(0);
    expect(h.statuses.at(-1)).toEqual({ state: 'ended', reason: 'stopped' });
    await h.timers.advance(60_000);
    expect(h.strap.connects).toBe(1);
    expect(h.timers.pending).toBe(0);
  });

  it('Retry now after giving up starts a fresh round of attempts', async () => {
    const h = harness();
    await h.source.start(h.listener);
    h.strap.nextConnect = 'fail';
    h.strap.drop();
    await h.timers.advance(400_000);
    expect(h.statuses.at(-1)?.state).toBe('signal-lost');
    h.strap.nextConnect = 'ok';
    h.source.retryNow();
    await settle();
    expect(h.statuses.at(-1)).toEqual({ state: 'live' });
  });

  it('Stop while an attempt is connecting lets the strap go when the connection completes', async () => {
    const h = harness();
    await h.source.start(h.listener);
    h.strap.nextConnect = 'held';
    h.strap.drop();
    await h.timers.advance(1000);
    const stopped = h.source.stop();
    h.strap.release();
    await stopped;
    await settle();
    expect(h.strap.connected).toBe(false);
    expect(h.strap.measurement.listeners).toBe(0);
    expect(h.statuses.at(-1)).toEqual({ state: 'ended', reason: 'stopped' });
  });

  it('Stop during reconnection cancels the pending retry', async () => {
    const h = harness();
    await h.source.start(h.listener);
    h.strap.drop();
    await h.source.stop();
    await h.timers.advance(60_000);
    expect(h.strap.connects).toBe(1);
    expect(h.statuses.at(-1)).toEqual({ state: 'ended', reason: 'stopped' });
  });

  it('rejects with a typed problem and reports ended when the first connection fails', async () => {
    const h = harness();
    h.strap.nextConnect = 'fail';
    const started = h.source.start(h.listener);
    await expect(started).rejects.toBeInstanceOf(BluetoothProblemError);
    await started.catch((error: unknown) => {
      expect(error instanceof BluetoothProblemError && error.problem.kind).toBe('connect-failed');
    });
    expect(h.statuses.at(-1)).toMatchObject({ state: 'ended', reason: 'error' });
  });

  it('gives up on a connection that never answers after its timeout', async () => {
    const h = harness();
    h.strap.nextConnect = 'hang';
    const started = h.source.start(h.listener).catch((error: unknown) => error);
    await h.timers.advance(20_000);
    const error = await started;
    expect(error instanceof BluetoothProblemError && error.problem.kind).toBe('connect-failed');
    expect(error instanceof BluetoothProblemError && error.problem).toEqual({
      kind: 'connect-failed',
      timedOut: { waitedFor: 'connect', afterMs: 20_000 },
    });
    // No text of its own to pass on: the typed problem above is what the screen words.
    expect(h.statuses.at(-1)).toEqual({ state: 'ended', reason: 'error' });
  });
});
