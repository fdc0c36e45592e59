/**
 * The heart source abstraction: every source of heartbeats (the simulated heart, file replay, a Bluetooth
 * strap) implements {@link HeartSource} and emits the same {@link Beat} and {@link HeartStatus} events, so the
 * session, the HRV worker and the screens never know which one is behind them.
 */

/** Where a beat came from. */
export type HeartSourceKind = 'simulated' | 'replay' | 'bluetooth';

/** One heartbeat, described by the RR interval that ends at it. */
export interface Beat {
  /** Interval since the previous beat, in milliseconds. */
  readonly rrMs: number;
  /**
   * Reconstructed time of this beat in milliseconds since the source started (session clock). Sources that
   * know only RR sums (Bluetooth) rebuild it from them, anchored to arrival time.
   */
  readonly timeMs: number;
  /** Heart rate reported by the device in beats per minute, when the device reports one. */
  readonly heartRateBpm?: number;
  /** The source that produced the beat. */
  readonly source: HeartSourceKind;
  /**
   * True when this beat follows a gap (signal lost, reconnect): the interval before it is not a true RR and
   * differences must not be taken across it.
   */
  readonly afterGap?: boolean;
}

/**
 * A beat once it entered a live session: numbered there, once, 1-based and without gaps. The number is the beat's
 * identity for the HRV worker (its artifact label comes back with it), the recording and the tachogram.
 */
export interface SessionBeat extends Beat {
  readonly seq: number;
}

/** A heart-rate reading without an RR interval (devices that send heart rate only). */
export interface HeartRateReading {
  readonly heartRateBpm: number;
  /** Arrival time in milliseconds since the source started (session clock). */
  readonly timeMs: number;
  readonly source: HeartSourceKind;
  /** True for the first reading after the link dropped or a packet was lost: the trace is broken before it. */
  readonly afterGap?: boolean;
}

/**
 * Chest acceleration from a source that has it (a Polar H10's accelerometer, a simulated chest): sample times in
 * milliseconds on the same clock as {@link Beat.timeMs}, and x, y, z interleaved in mG.
 */
export interface AccelerationChunk {
  readonly timeMs: ArrayLike<number>;
  readonly xyzMg: ArrayLike<number>;
}

/** The life cycle of a source. */
export type HeartStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'live' }
  /** The source stopped trying to reconnect: no signal came back within `keptTryingMs` (the person may retry). */
  | { readonly state: 'signal-lost'; readonly reason: 'not-back'; readonly keptTryingMs: number }
  | { readonly state: 'reconnecting'; readonly attempt: number; readonly nextRetryMs: number }
  /** `detail` is the underlying error's own text (the browser's, for a diagnosis), never words for the screen. */
  | { readonly state: 'ended'; readonly reason: 'stopped' | 'finished' | 'error'; readonly detail?: string };

/** What a source tells its listener. */
export interface HeartSourceListener {
  beat(beat: Beat): void;
  status(status: HeartStatus): void;
  /** Heart rate without RR (optional: only sources that can produce it call it). */
  heartRate?(reading: HeartRateReading): void;
  /** Chest acceleration (optional: only sources with an accelerometer call it). */
  acceleration?(chunk: AccelerationChunk): void;
}

/** Every heart source implements this. */
export interface HeartSource {
  readonly kind: HeartSourceKind;
  /**
   * The source's own name: the strap's ("Polar H10 1A2B3C"), the file's ("recording.txt"); empty for the simulated
   * heart. The screens word a source from its kind and this name (src/ui/source-text.ts).
   */
  readonly label: string;
  /** Start producing beats; resolves once the source has begun (connected, first timer armed). */
  start(listener: HeartSourceListener): Promise<void>;
  /** Stop on the person's request; the source then reports `ended` with reason `stopped`. */
  stop(): Promise<void>;
}
