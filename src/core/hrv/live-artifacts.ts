/**
 * Kubios artifact labels beat by beat. Each valid beat joins the current run of successive beats; detection
 * (`detectArtifacts`, Lipponen & Tarvainen 2019) runs over the last `LIVE_ARTIFACT_CONTEXT` beats of the run, and a
 * beat's label is settled once the two beats after it have arrived, since the classification of RR k reads
 * RR k+1 and k+2. A gap ends the run and settles its last beats with what is known.
 *
 * The thresholds come from a trailing window instead of the centred 91-beat window of the whole-recording pass,
 * so a live label can differ from the recording's label near a change of rhythm.
 */
import { detectArtifacts } from './artifacts';

/**
 * Beats of context the live detection sees. The beat being settled sits two from the end, so its centred 91-beat
 * threshold window, clipped at the newest beat, spans the last 48 beats; 64 covers that and the 11-beat median.
 */
const LIVE_ARTIFACT_CONTEXT = 64;
/** Beats after a beat needed before its label is final. */
const LABEL_LOOKAHEAD = 2;
/**
 * A session's first labels wait for this many beats: the thresholds are quartile deviations of the window, and
 * over three or four beats they are so narrow that ordinary variability is flagged (seen on clean simulated
 * rhythms). Later runs (after a gap) settle at once, so a reconnect does not stall the HRV windows.
 */
export const MIN_RUN_FOR_LABELS = 32;

export interface SettledBeat {
  /** 1-based number of the beat in the session. */
  readonly seq: number;
  readonly rrMs: number;
  /** Beat time on the session clock, s. */
  readonly timeS: number;
  /** `BeatLabel` code. */
  readonly label: number;
  /** True when this beat directly follows the previous settled beat of the same run. */
  readonly followsPrevious: boolean;
}

export class LiveArtifactLabeler {
  #rr: number[] = [];
  #seq: number[] = [];
  #time: number[] = [];
  /** Index in the run of the first beat not settled yet. */
  #next = 0;
  /** Valid beats since the session began (not cleared when a run breaks). */
  #seen = 0;

  reset(): void {
    this.#seen = 0;
    this.#clearRun();
  }

  #clearRun(): void {
    this.#rr = [];
    this.#seq = [];
    this.#time = [];
    this.#next = 0;
  }

  /** Add a valid beat; returns the beats whose labels became final (usually one, none at a run's start). */
  push(seq: number, rrMs: number, timeS: number): SettledBeat[] {
    this.#rr.push(rrMs);
    this.#seq.push(seq);
    this.#time.push(timeS);
    this.#seen += 1;
    const settled = this.#seen < MIN_RUN_FOR_LABELS ? [] : this.#settle(this.#rr.length - LABEL_LOOKAHEAD);
    if (this.#rr.length > 2 * LIVE_ARTIFACT_CONTEXT) {
      const drop = this.#rr.length - LIVE_ARTIFACT_CONTEXT;
      this.#rr.splice(0, drop);
      this.#seq.splice(0, drop);
      this.#time.splice(0, drop);
      this.#next -= drop;
    }
    return settled;
  }

  /** End the run (a gap or an invalid beat): settle everything pending. */
  breakRun(): SettledBeat[] {
    const settled = this.#settle(this.#rr.length);
    this.#clearRun();
    return settled;
  }

  /** Settle beats up to (not including) run index `until`. */
  #settle(until: number): SettledBeat[] {
    if (until <= this.#next) return [];
    const from = Math.max(0, this.#rr.length - LIVE_ARTIFACT_CONTEXT);
    const labels = detectArtifacts(this.#rr.slice(from));
    const out: SettledBeat[] = [];
    for (let k = this.#next; k < until; k += 1) {
      out.push({
        seq: this.#seq[k] ?? 0,
        rrMs: this.#rr[k] ?? 0,
        timeS: this.#time[k] ?? 0,
        label: k >= from ? (labels[k - from] ?? 0) : 0,
        followsPrevious: k > 0,
      });
    }
    this.#next = until;
    return out;
  }
}
