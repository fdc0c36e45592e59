/**
 * Rebuilding beat times from Heart Rate Measurement packets, which carry RR intervals but no timestamps.
 *
 * Source: the Heart Rate Service 1.0 specification, which sends RR intervals (1/1024 s, oldest first) without
 * timestamps; the anchoring below is this project's own. Within a connection the beats are laid end to end, each
 * beat's time the previous beat's time plus its RR interval, so RR sums - not the jittery radio arrival times -
 * set the spacing. The chain is anchored to the host clock once: at the first packet, its last beat is placed at
 * the packet's arrival time and the earlier beats before it by their RR.
 *
 * A gap (the connection dropped, or the chain and the clock disagree by more than a packet can explain) starts a
 * new anchor the same way. Any beat the new anchor would place at or before the last beat already on the timeline
 * (plus the shortest possible RR) is one already counted and is dropped, so no beat is counted twice; the first
 * beat kept after a gap is marked `afterGap`, so no RR difference is taken across it.
 *
 * Devices that send heart rate but no RR (watches broadcasting heart rate, some budget straps) are recognised
 * when packets with a non-zero heart rate keep arriving for a while without any RR interval.
 */

export interface TimelinePacket {
  /** RR intervals in ms, oldest first, as the packet listed them. */
  readonly rrMs: readonly number[];
  /** Heart rate the device reported, bpm (0 from straps without skin contact). */
  readonly heartRateBpm: number;
  /** When the packet arrived, ms on the session clock. */
  readonly arrivalMs: number;
}

export interface TimelineBeat {
  readonly rrMs: number;
  /** Reconstructed time of the beat, ms on the session clock. */
  readonly timeMs: number;
  readonly heartRateBpm: number;
  /** True for the first beat after a new anchor that follows earlier beats. */
  readonly afterGap: boolean;
}

/** Whether the device sends RR intervals: not known yet, yes, or (after a while of heart rate only) no. */
export type RrSupport = 'unknown' | 'sends-rr' | 'no-rr';

export interface BeatTimelineOptions {
  /** The chain may lag the clock by this much before the timeline decides beats were lost, ms. */
  readonly maxLagMs: number;
  /** The chain may run ahead of the clock by this much before it is re-anchored, ms. */
  readonly maxLeadMs: number;
  /** The shortest interval between two distinct beats, ms (300 bpm). */
  readonly minBeatSpacingMs: number;
  /** Heart rate without RR for this long (and at least `hrOnlyPackets` packets) means the device sends none, ms. */
  readonly hrOnlyAfterMs: number;
  readonly hrOnlyPackets: number;
}

/**
 * Packets normally arrive about once a second, each carrying the beats since the previous one, so the chain's
 * last beat trails the arrival by 0 to about 1.2 s and the anchor's own error shifts that by up to as much again.
 */
const DEFAULT_TIMELINE_OPTIONS: BeatTimelineOptions = {
  maxLagMs: 3000,
  maxLeadMs: 2000,
  minBeatSpacingMs: 200,
  hrOnlyAfterMs: 5000,
  hrOnlyPackets: 4,
};

export class BeatTimeline {
  readonly #options: BeatTimelineOptions;
  /** Time of the last beat on the timeline, ms; null before the first. */
  #lastBeatMs: number | null = null;
  /** Set by a gap: the next packet with RR starts a new anchor. */
  #reanchor = true;
  #rrSupport: RrSupport = 'unknown';
  /** Arrival of the last packet with RR (or of the first packet since the start or a gap), ms. */
  #rrReferenceMs: number | null = null;
  #packetsWithoutRr = 0;
  /** Set by a lost packet: the next beat kept is marked `afterGap` without moving the anchor. */
  #broken = false;

  constructor(options: Partial<BeatTimelineOptions> = {}) {
    this.#options = { ...DEFAULT_TIMELINE_OPTIONS, ...options };
  }

  get rrSupport(): RrSupport {
    return this.#rrSupport;
  }

  get lastBeatMs(): number | null {
    return this.#lastBeatMs;
  }

  /** The connection was lost: whatever comes next is anchored afresh and marked as following a gap. */
  markGap(): void {
    this.#reanchor = true;
    this.#rrReferenceMs = null;
    this.#packetsWithoutRr = 0;
  }

  /**
   * A packet was lost (it could not be read) while the link stayed up: the beats it carried are missing, so the
   * next beat is marked `afterGap` and no RR difference is taken across the hole. The chain keeps its anchor,
   * since re-anchoring on one jittery arrival time could drop good beats; so the beats after the hole sit early
   * by the lost beats' RR (about a second per lost packet) until the lag passes `maxLagMs` and the chain
   * re-anchors as after any gap.
   */
  markLostPacket(): void {
    if (this.#lastBeatMs !== null) this.#broken = true;
  }

  /** Add one packet; returns the new beats it places on the timeline, oldest first. */
  push(packet: TimelinePacket): TimelineBeat[] {
    this.#trackRrSupport(packet);
    const rrMs = packet.rrMs.filter((rr) => Number.isFinite(rr) && rr > 0);
    if (rrMs.length === 0) return [];
    const sumMs = rrMs.reduce((a, b) => a + b, 0);
    const last = this.#lastBeatMs;
    if (last !== null && !this.#reanchor) {
      const lagMs = packet.arrivalMs - (last + sumMs);
      if (lagMs <= this.#options.maxLagMs && lagMs >= -this.#options.maxLeadMs) {
        return this.#chain(rrMs, last, packet.heartRateBpm, false);
      }
    }
    this.#reanchor = false;
    return this.#anchor(rrMs, sumMs, packet, last);
  }

  #chain(
    rrMs: readonly number[],
    startMs: number,
    heartRateBpm: number,
    firstAfterGap: boolean,
  ): TimelineBeat[] {
    const beats: TimelineBeat[] = [];
    let timeMs = startMs;
    for (const rr of rrMs) {
      timeMs += rr;
      beats.push({
        rrMs: rr,
        timeMs,
        heartRateBpm,
        afterGap: (firstAfterGap || this.#broken) && beats.length === 0,
      });
    }
    this.#broken = false;
    this.#lastBeatMs = timeMs;
    return beats;
  }

  /** Place the packet's last beat at its arrival; drop beats that would land on ones already counted. */
  #anchor(
    rrMs: readonly number[],
    sumMs: number,
    packet: TimelinePacket,
    last: number | null,
  ): TimelineBeat[] {
    let startMs = packet.arrivalMs - sumMs;
    let from = 0;
    if (last !== null) {
      while (from < rrMs.length && startMs + (rrMs[from] ?? 0) <= last + this.#options.minBeatSpacingMs) {
        startMs += rrMs[from] ?? 0;
        from += 1;
      }
    }
    if (from === rrMs.length) return [];
    return this.#chain(rrMs.slice(from), startMs, packet.heartRateBpm, last !== null);
  }

  #trackRrSupport(packet: TimelinePacket): void {
    if (packet.rrMs.length > 0) {
      this.#rrSupport = 'sends-rr';
      this.#rrReferenceMs = packet.arrivalMs;
      this.#packetsWithoutRr = 0;
      return;
    }
    if (packet.heartRateBpm <= 0) return;
    this.#rrReferenceMs ??= packet.arrivalMs;
    this.#packetsWithoutRr += 1;
    if (
      this.#packetsWithoutRr >= this.#options.hrOnlyPackets &&
      packet.arrivalMs - this.#rrReferenceMs >= this.#options.hrOnlyAfterMs
    ) {
      this.#rrSupport = 'no-rr';
    }
  }
}
