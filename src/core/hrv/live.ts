/**
 * Live HRV, updated beat by beat, for the session screen and the pacer. Every figure is over a rolling window
 * of the session clock:
 * - heart rate over the last 10 s of valid beats (immediate);
 * - RMSSD over 60 s (Task Force 1996), kept as a running sum of squared successive differences, so a beat costs
 *   O(1) however long the window;
 * - coherence over 64 s (see coherence.ts);
 * - DFA alpha1 over 2 minutes (see dfa.ts);
 * - the Welch spectrum over 5 minutes from cached segments (see live-spectrum.ts).
 * Beats are labelled by the Kubios detection as they settle, two beats late, the session's first ones once it
 * has enough beats for stable thresholds (live-artifacts.ts); only beats
 * labelled normal enter the HRV windows, and a flagged, invalid or gapped beat breaks the succession, so no
 * difference is ever taken across it. Sample and approximate entropy are not computed live (they are O(n^2));
 * the whole-recording analysis (analysis.ts) reports them.
 */
import { BEAT_LABEL_NAMES, BeatLabel, type BeatLabelName } from './artifacts';
import { coherenceAt, COHERENCE_WINDOW_S, type Coherence } from './coherence';
import { dfaAlpha1 } from './dfa';
import type { BandMeasures } from './frequency-domain';
import { LiveArtifactLabeler, type SettledBeat } from './live-artifacts';
import { LiveSpectrum, SPECTRUM_WINDOW_S } from './live-spectrum';
import { notEnough, ok, type Measure } from './measure';
import { isValidRr } from './series';
import { respirationFromRr, type RrRespiration } from '../respiration/rr-respiration';

/** A beat as the live analysis receives it. */
export interface LiveBeat {
  /**
   * The beat's number in the session, 1-based: given once where the beat enters the session (src/state/session.svelte.ts)
   * and the beat's identity everywhere (labels, the recording, the tachogram). Numbers run 1, 2, 3… without gaps.
   */
  readonly seq: number;
  readonly rrMs: number;
  /** Beat time on the session clock, ms. */
  readonly timeMs: number;
  /** True when the interval before this beat spans a gap (no difference is taken across it). */
  readonly afterGap?: boolean;
  /** The pacer's rate at this beat, breaths/min, in a paced session. */
  readonly pacerRateBpm?: number;
}

/** The final label of one beat of the session. */
export interface LabelledBeat {
  /** The beat's number in the session ({@link LiveBeat.seq}). */
  readonly seq: number;
  readonly label: BeatLabelName;
}

export interface LiveMetrics {
  /** Beats received since the reset: the newest beat's number ({@link LiveBeat.seq}). */
  readonly beatCount: number;
  /** Session time of the last beat, ms. */
  readonly timeMs: number;
  /** Heart rate over the last 10 s of beats, bpm. */
  readonly heartRateBpm: Measure;
  /** RMSSD over the last 60 s, ms. */
  readonly rmssdMs: Measure;
  /** Coherence of the last 64 s of normal beats. */
  readonly coherence: Coherence;
  /** DFA alpha1 (4-16 beats) over the last 2 minutes. */
  readonly dfaAlpha1: Measure;
  /** Welch spectrum over the last 5 minutes. */
  readonly spectrum: BandMeasures;
  /** Beats whose labels became final with this update (invalid beats at once, others two beats late). */
  readonly labels: readonly LabelledBeat[];
  /** Share of labelled beats in the session that are not normal, %. */
  readonly artifactPercent: Measure;
  /**
   * Breathing rate read from the heart's respiratory modulation over the last 2 minutes of normal beats, and in a
   * paced session whether the heart follows the pacer (respiration/rr-respiration.ts); refreshed every 5 s.
   */
  readonly respiration: RrRespiration;
}

export const RMSSD_WINDOW_MS = 60_000;
const HR_WINDOW_MS = 10_000;
const DFA_WINDOW_S = 120;
/** RMSSD needs at least this many successive differences in its window. */
export const RMSSD_MIN_DIFFS = 20;
/** The RR-derived breathing rate: its window and how often it is read again, s. */
const RESPIRATION_WINDOW_S = 120;
const RESPIRATION_EVERY_S = 5;
/** Normal beats kept: the longest window plus one spectrum segment of margin. */
const KEEP_S = SPECTRUM_WINDOW_S + 64;

const NO_RESPIRATION: RrRespiration = { status: 'cannot-estimate', reason: 'too-short', pacer: 'no-pacer' };

export class LiveHrv {
  /** The newest beat's number. */
  #seq = 0;
  #labeller = new LiveArtifactLabeler();
  #spectrum = new LiveSpectrum();
  #labelled = 0;
  #flagged = 0;
  // Raw valid beats for the heart rate.
  #hrTimesMs: number[] = [];
  #hrRr: number[] = [];
  // Normal beats: time (s), NN (ms), and whether each follows the previous one.
  #timeS: number[] = [];
  #nnMs: number[] = [];
  #follows: boolean[] = [];
  /** First index inside the RMSSD window, and the running sums over it. */
  #rmssdFrom = 0;
  #sumSq = 0;
  #diffs = 0;
  #lastWasNormal = false;
  #pacerRateBpm: number | undefined = undefined;
  #respiration: RrRespiration = NO_RESPIRATION;
  #respirationAtS = Number.NEGATIVE_INFINITY;

  reset(): void {
    this.#pacerRateBpm = undefined;
    this.#respiration = NO_RESPIRATION;
    this.#respirationAtS = Number.NEGATIVE_INFINITY;
    this.#seq = 0;
    this.#labeller.reset();
    this.#spectrum.reset();
    this.#labelled = 0;
    this.#flagged = 0;
    this.#hrTimesMs = [];
    this.#hrRr = [];
    this.#timeS = [];
    this.#nnMs = [];
    this.#follows = [];
    this.#rmssdFrom = 0;
    this.#sumSq = 0;
    this.#diffs = 0;
    this.#lastWasNormal = false;
  }

  push(beat: LiveBeat): LiveMetrics {
    this.#seq = beat.seq;
    this.#pacerRateBpm = beat.pacerRateBpm;
    const labels: LabelledBeat[] = [];
    const settle = (beats: SettledBeat[]): void => {
      for (const b of beats) labels.push(this.#enter(b));
    };
    if (!isValidRr(beat.rrMs)) {
      settle(this.#labeller.breakRun());
      labels.push(this.#tally(beat.seq, BeatLabel.invalid));
      this.#lastWasNormal = false;
    } else {
      if (beat.afterGap === true) {
        settle(this.#labeller.breakRun());
        this.#lastWasNormal = false;
      }
      settle(this.#labeller.push(beat.seq, beat.rrMs, beat.timeMs / 1000));
      this.#hrTimesMs.push(beat.timeMs);
      this.#hrRr.push(beat.rrMs);
    }
    this.#trim(beat.timeMs);
    return this.#metrics(beat.timeMs, labels);
  }

  #tally(seq: number, label: number): LabelledBeat {
    this.#labelled += 1;
    if (label !== BeatLabel.normal) this.#flagged += 1;
    return { seq, label: BEAT_LABEL_NAMES[label] ?? 'normal' };
  }

  /** A beat whose label is final: normal beats join the windows, others break the succession. */
  #enter(b: SettledBeat): LabelledBeat {
    const labelled = this.#tally(b.seq, b.label);
    if (b.label !== BeatLabel.normal) {
      this.#lastWasNormal = false;
      return labelled;
    }
    const follows = b.followsPrevious && this.#lastWasNormal;
    const last = this.#nnMs[this.#nnMs.length - 1];
    if (follows && last !== undefined) {
      this.#sumSq += (b.rrMs - last) ** 2;
      this.#diffs += 1;
    }
    this.#timeS.push(b.timeS);
    this.#nnMs.push(b.rrMs);
    this.#follows.push(follows);
    this.#lastWasNormal = true;
    return labelled;
  }

  /** Slide the RMSSD window and drop beats older than every window. */
  #trim(nowMs: number): void {
    const rmssdStartS = (nowMs - RMSSD_WINDOW_MS) / 1000;
    while (this.#rmssdFrom < this.#timeS.length && (this.#timeS[this.#rmssdFrom] ?? 0) < rmssdStartS) {
      const i = this.#rmssdFrom + 1;
      if (i < this.#nnMs.length && this.#follows[i] === true) {
        this.#sumSq -= ((this.#nnMs[i] ?? 0) - (this.#nnMs[i - 1] ?? 0)) ** 2;
        this.#diffs -= 1;
      }
      this.#rmssdFrom += 1;
    }
    if (this.#diffs === 0) this.#sumSq = 0;
    let drop = 0;
    const keepFromS = nowMs / 1000 - KEEP_S;
    while (drop < this.#rmssdFrom && (this.#timeS[drop] ?? 0) < keepFromS) drop += 1;
    if (drop > 256) {
      this.#timeS.splice(0, drop);
      this.#nnMs.splice(0, drop);
      this.#follows.splice(0, drop);
      this.#rmssdFrom -= drop;
    }
    let hrDrop = 0;
    while (hrDrop < this.#hrTimesMs.length && (this.#hrTimesMs[hrDrop] ?? 0) < nowMs - HR_WINDOW_MS)
      hrDrop += 1;
    if (hrDrop > 0) {
      this.#hrTimesMs.splice(0, hrDrop);
      this.#hrRr.splice(0, hrDrop);
    }
  }

  /** Index of the first normal beat at or after `timeS` (binary search). */
  #indexFrom(timeS: number): number {
    let lo = 0;
    let hi = this.#timeS.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#timeS[mid] ?? 0) < timeS) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #metrics(timeMs: number, labels: LabelledBeat[]): LiveMetrics {
    const hrBeats = this.#hrRr.length;
    const hrSum = this.#hrRr.reduce((a, b) => a + b, 0);
    const lastS = this.#timeS[this.#timeS.length - 1];
    let coherence: Coherence;
    let dfa: Measure;
    if (lastS === undefined) {
      const none = notEnough(0, COHERENCE_WINDOW_S, 's');
      coherence = { ratio: none, peakHz: none, score: none };
      dfa = notEnough(0, 32, 'beats');
    } else {
      // The coherence window needs the beat just before its start for interpolation.
      const from = Math.max(0, this.#indexFrom(lastS - COHERENCE_WINDOW_S) - 1);
      coherence = coherenceAt(this.#timeS.slice(from), this.#nnMs.slice(from), lastS);
      dfa = dfaAlpha1(this.#nnMs.slice(this.#indexFrom(lastS - DFA_WINDOW_S)));
    }
    return {
      beatCount: this.#seq,
      timeMs,
      heartRateBpm: hrBeats >= 3 ? ok((60_000 * hrBeats) / hrSum) : notEnough(hrBeats, 3, 'beats'),
      rmssdMs:
        this.#diffs >= RMSSD_MIN_DIFFS
          ? ok(Math.sqrt(Math.max(0, this.#sumSq) / this.#diffs))
          : notEnough(this.#diffs, RMSSD_MIN_DIFFS, 'beats'),
      coherence,
      dfaAlpha1: dfa,
      spectrum: this.#spectrum.update(this.#timeS, this.#nnMs),
      labels,
      artifactPercent:
        this.#labelled > 0 ? ok((100 * this.#flagged) / this.#labelled) : notEnough(0, 1, 'beats'),
      respiration: this.#respirationAt(lastS),
    };
  }

  /** The RR-derived breathing rate over the last two minutes, read again every few seconds. */
  #respirationAt(lastS: number | undefined): RrRespiration {
    if (lastS === undefined || lastS - this.#respirationAtS < RESPIRATION_EVERY_S) return this.#respiration;
    this.#respirationAtS = lastS;
    const from = this.#indexFrom(lastS - RESPIRATION_WINDOW_S);
    const pacerBpm = this.#pacerRateBpm;
    this.#respiration = respirationFromRr(
      this.#timeS.slice(from),
      this.#nnMs.slice(from),
      pacerBpm === undefined ? {} : { pacerBpm },
    );
    return this.#respiration;
  }
}
