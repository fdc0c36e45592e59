import { BeatTimeline, type RrSupport } from '../../core/gatt/beat-timeline';
import { parseHeartRateMeasurement, type SensorContact } from '../../core/gatt/heart-rate-measurement';
import { pmdSampleTimesNs, SensorClock, type PmdFrame, type PmdStartSettings } from '../../core/gatt/pmd';
import type { HeartSource, HeartSourceListener, HeartStatus } from '../../core/heart/types';
import {
  DEFAULT_RECONNECT_POLICY,
  reconnectDelayMs,
  shouldKeepTrying,
  type ReconnectPolicy,
} from './backoff';
import { link, readDetails, unlink, type GattLink, type StrapDetails } from './gatt-link';
import { startAccelerometer, stopAccelerometer, type AccelerometerLink } from './pmd-link';
import { BluetoothProblemError, classifyBluetoothError, type BluetoothProblem } from './problems';
import { browserTimers, type Timeouts } from '../timers';

/** What the screen shows about the strap besides beats. */
export interface StrapInfo {
  readonly name: string;
  readonly details: StrapDetails;
  /** Heart rate from the last packet, bpm; null before the first. */
  readonly heartRateBpm: number | null;
  /** Sensor contact from the last packet; null before the first. */
  readonly contact: SensorContact | null;
  readonly rrSupport: RrSupport;
  /** Packets that could not be read since the start (heart rate and accelerometer). */
  readonly malformedPackets: number;
  /**
   * The chest accelerometer (Polar H10): `none` on straps without one (or that refused to start it), `starting`
   * while it is being set up, `streaming` once started.
   */
  readonly accelerometer: 'none' | 'starting' | 'streaming';
}

/** Told about the strap's details, about every status the session is told, and why a start failed. */
export interface StrapObserver {
  info(info: StrapInfo): void;
  status(status: HeartStatus): void;
  problem?(problem: BluetoothProblem): void;
}

export interface BluetoothHeartSourceOptions {
  readonly observer?: StrapObserver;
  readonly timers?: Timeouts;
  readonly policy?: ReconnectPolicy;
  /** The name to use when the browser gives none (a remembered device may come back nameless); default none. */
  readonly fallbackName?: string;
}

interface Reconnecting {
  attempt: number;
  readonly droppedAtMs: number;
  timer: number | null;
  inFlight: boolean;
}

const NO_DETAILS: StrapDetails = { batteryPercent: null, bodyLocation: null, deviceInformation: {} };

/**
 * A Bluetooth heart-rate strap as a {@link HeartSource}: subscribes to Heart Rate Measurement, rebuilds beats
 * with {@link BeatTimeline}, and when the strap drops without being asked to, keeps the session alive and
 * reconnects with capped exponential backoff (backoff.ts), marking the gap. {@link stop} is the person's own
 * disconnect and is never treated as a drop.
 */
export class BluetoothHeartSource implements HeartSource {
  readonly kind = 'bluetooth';
  readonly device: BluetoothDevice;
  readonly #observer: StrapObserver | undefined;
  readonly #timers: Timeouts;
  readonly #policy: ReconnectPolicy;
  readonly #fallbackName: string;
  readonly #timeline = new BeatTimeline();
  #listener: HeartSourceListener | null = null;
  #startedAtMs = 0;
  #link: GattLink | null = null;
  #accelerometer: AccelerometerLink | null = null;
  readonly #sensorClock = new SensorClock();
  #lastFrameNs: bigint | null = null;
  #reconnecting: Reconnecting | null = null;
  #stopped = false;
  /** The heart-rate trace is broken (a drop or a lost packet): the next reading is marked `afterGap`. */
  #readingGap = false;
  #readingsSent = 0;
  /** From start until stop or a failed start: whether a connection that completes late is still wanted. */
  #wanted = false;
  #info: StrapInfo;

  constructor(device: BluetoothDevice, options: BluetoothHeartSourceOptions = {}) {
    this.device = device;
    this.#observer = options.observer;
    this.#timers = options.timers ?? browserTimers;
    this.#policy = options.policy ?? DEFAULT_RECONNECT_POLICY;
    this.#fallbackName = options.fallbackName ?? '';
    this.#info = {
      name: this.label,
      details: NO_DETAILS,
      heartRateBpm: null,
      contact: null,
      rrSupport: 'unknown',
      malformedPackets: 0,
      accelerometer: 'none',
    };
  }

  get label(): string {
    return this.device.name?.trim() || this.#fallbackName;
  }

  get info(): StrapInfo {
    return this.#info;
  }

  /** Connect and subscribe. Rejects with a {@link BluetoothProblemError} (after reporting `ended`) on failure. */
  async start(listener: HeartSourceListener): Promise<void> {
    this.#listener = listener;
    this.#stopped = false;
    this.#wanted = true;
    this.#startedAtMs = this.#timers.now();
    this.device.addEventListener('gattserverdisconnected', this.#onDisconnected);
    this.#status({ state: 'connecting' });
    try {
      await this.#connect();
    } catch (error) {
      const problem = classifyBluetoothError(error);
      this.#wanted = false;
      this.#cancelReconnect();
      this.#detach();
      this.device.gatt?.disconnect();
      this.#observer?.problem?.(problem);
      // The browser's own text when it gave one; the typed problem itself goes to the observer (the strap panel).
      this.#status({
        state: 'ended',
        reason: 'error',
        ...('message' in problem ? { detail: problem.message } : {}),
      });
      throw new BluetoothProblemError(problem);
    }
    this.#status({ state: 'live' });
  }

  /** The person's disconnect: unsubscribe, disconnect, report `ended` / `stopped`. Not a drop. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#wanted = false;
    this.#cancelReconnect();
    const accelerometer = this.#accelerometer;
    this.#accelerometer = null;
    if (accelerometer) await stopAccelerometer(accelerometer, this.#timers);
    const current = this.#link;
    this.#link = null;
    if (current) await unlink(current, this.#timers);
    this.#detach();
    if (this.device.gatt?.connected) this.device.gatt.disconnect();
    this.#status({ state: 'ended', reason: 'stopped' });
  }

  /** While reconnecting (or after giving up), try again now instead of waiting for the next retry. */
  retryNow(): void {
    if (this.#stopped) return;
    if (this.#reconnecting === null) {
      if (this.#link !== null) return;
      this.#reconnecting = { attempt: 1, droppedAtMs: this.#timers.now(), timer: null, inFlight: false };
    }
    void this.#attempt();
  }

  async #connect(): Promise<void> {
    const gattLink = await link(
      this.device,
      (value) => this.#measurement(value),
      this.#timers,
      () => this.#wanted,
    );
    if (this.#stopped) {
      // Stopped while connecting: undo the link and let the strap go.
      await unlink(gattLink, this.#timers);
      this.device.gatt?.disconnect();
      return;
    }
    this.#link = gattLink;
    // One GATT request at a time: the details first, then the accelerometer (on straps that have one).
    void readDetails(gattLink.server)
      .then((details) => {
        if (this.#link === gattLink) this.#update({ details });
      })
      .then(() => this.#startAccelerometer(gattLink));
  }

  async #startAccelerometer(gattLink: GattLink): Promise<void> {
    if (this.#link !== gattLink || this.#stopped) return;
    this.#update({ accelerometer: 'starting' });
    this.#sensorClock.reset();
    this.#lastFrameNs = null;
    const accelerometer = await startAccelerometer(
      gattLink.server,
      {
        frame: (frame, settings) => this.#frame(frame, settings),
        malformed: () => this.#update({ malformedPackets: this.#info.malformedPackets + 1 }),
      },
      this.#timers,
    );
    if (this.#link !== gattLink || this.#stopped) {
      // Dropped or stopped while starting: undo on the strap's side if it is still there.
      if (accelerometer) await stopAccelerometer(accelerometer, this.#timers);
      return;
    }
    this.#accelerometer = accelerometer;
    this.#update({ accelerometer: accelerometer ? 'streaming' : 'none' });
  }

  /** Samples of one frame, placed on the session clock through the sensor's own timestamps. */
  #frame(frame: PmdFrame, settings: PmdStartSettings): void {
    if (frame.sampleCount === 0) return;
    const arrivalMs = this.#timers.now() - this.#startedAtMs;
    const times = pmdSampleTimesNs(frame, settings.sampleRateHz, this.#lastFrameNs);
    this.#lastFrameNs = frame.timestampNs;
    const offsetMs = this.#sensorClock.observe(times[times.length - 1] ?? 0, arrivalMs);
    const timeMs = times.map((ns) => ns / 1e6 + offsetMs);
    this.#listener?.acceleration?.({ timeMs, xyzMg: frame.values });
  }

  #measurement(value: DataView): void {
    const parsed = parseHeartRateMeasurement(value);
    if (!parsed.ok) {
      this.#timeline.markLostPacket();
      this.#readingGap = this.#readingsSent > 0;
      this.#update({ malformedPackets: this.#info.malformedPackets + 1 });
      return;
    }
    const m = parsed.value;
    const arrivalMs = this.#timers.now() - this.#startedAtMs;
    const beats = this.#timeline.push({ rrMs: m.rrMs, heartRateBpm: m.heartRateBpm, arrivalMs });
    for (const beat of beats) {
      this.#listener?.beat({
        rrMs: beat.rrMs,
        timeMs: beat.timeMs,
        heartRateBpm: beat.heartRateBpm,
        source: 'bluetooth',
        ...(beat.afterGap ? { afterGap: true } : {}),
      });
    }
    if (m.rrMs.length === 0 && m.heartRateBpm > 0 && this.#timeline.rrSupport !== 'sends-rr') {
      this.#listener?.heartRate?.({
        heartRateBpm: m.heartRateBpm,
        timeMs: arrivalMs,
        source: 'bluetooth',
        ...(this.#readingGap ? { afterGap: true } : {}),
      });
      this.#readingGap = false;
      this.#readingsSent += 1;
    }
    this.#update({
      heartRateBpm: m.heartRateBpm,
      contact: m.sensorContact,
      rrSupport: this.#timeline.rrSupport,
    });
  }

  readonly #onDisconnected = (): void => {
    if (this.#stopped) return;
    const current = this.#link;
    this.#link = null;
    if (current) current.characteristic.removeEventListener('characteristicvaluechanged', current.onValue);
    const accelerometer = this.#accelerometer;
    this.#accelerometer = null;
    if (accelerometer) {
      accelerometer.data.removeEventListener('characteristicvaluechanged', accelerometer.onData);
      accelerometer.controlPoint.removeEventListener(
        'characteristicvaluechanged',
        accelerometer.onControlPoint,
      );
      this.#update({ accelerometer: 'none' });
    }
    this.#timeline.markGap();
    this.#readingGap = this.#readingsSent > 0;
    if (this.#reconnecting !== null) return;
    this.#reconnecting = { attempt: 1, droppedAtMs: this.#timers.now(), timer: null, inFlight: false };
    this.#schedule();
  };

  #schedule(): void {
    const r = this.#reconnecting;
    if (r === null || this.#stopped) return;
    if (!shouldKeepTrying(this.#timers.now() - r.droppedAtMs, this.#policy)) {
      this.#reconnecting = null;
      this.#status({ state: 'signal-lost', reason: 'not-back', keptTryingMs: this.#policy.keepTryingMs });
      return;
    }
    const delayMs = reconnectDelayMs(r.attempt, this.#policy);
    r.timer = this.#timers.setTimeout(() => void this.#attempt(), delayMs);
    this.#status({ state: 'reconnecting', attempt: r.attempt, nextRetryMs: delayMs });
  }

  async #attempt(): Promise<void> {
    const r = this.#reconnecting;
    if (r === null || r.inFlight || this.#stopped) return;
    if (r.timer !== null) this.#timers.clearTimeout(r.timer);
    r.timer = null;
    r.inFlight = true;
    this.#status({ state: 'reconnecting', attempt: r.attempt, nextRetryMs: 0 });
    try {
      await this.#connect();
      r.inFlight = false;
      if (this.#stopped || this.#reconnecting !== r) return;
      this.#reconnecting = null;
      this.#status({ state: 'live' });
    } catch {
      r.inFlight = false;
      if (this.#stopped || this.#reconnecting !== r) return;
      r.attempt += 1;
      this.#schedule();
    }
  }

  #cancelReconnect(): void {
    if (this.#reconnecting?.timer != null) this.#timers.clearTimeout(this.#reconnecting.timer);
    this.#reconnecting = null;
  }

  #detach(): void {
    this.device.removeEventListener('gattserverdisconnected', this.#onDisconnected);
  }

  #status(status: HeartStatus): void {
    this.#listener?.status(status);
    this.#observer?.status(status);
  }

  #update(change: Partial<StrapInfo>): void {
    this.#info = { ...this.#info, ...change };
    this.#observer?.info(this.#info);
  }
}
