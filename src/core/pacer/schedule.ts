import {
  BREATH_PHASES,
  breathPeriodS,
  phaseDurationS,
  positionInBreath,
  type BreathPattern,
  type BreathPhase,
  type BreathPosition,
} from './pattern';

/** A breath of the schedule: the pattern it uses and when it starts on the session clock. */
export interface ScheduledBreath {
  readonly index: number;
  readonly startS: number;
  readonly pattern: BreathPattern;
}

export interface PacerState extends BreathPosition {
  /** The rate of the breath in progress, breaths per minute. */
  readonly rateBpm: number;
  /** Index of the breath in progress since the schedule began. */
  readonly breathIndex: number;
  /** Session time at which the breath in progress began, seconds. */
  readonly breathStartS: number;
}

/** The start of a phase on the pacer clock: what audio and vibration cues are scheduled from. */
export interface PhaseChange {
  readonly timeS: number;
  readonly phase: BreathPhase;
  readonly durationS: number;
  readonly breathIndex: number;
  readonly rateBpm: number;
}

/** How many past breaths the schedule remembers (for analysis windows and late readers). */
const HISTORY_BREATHS = 512;

/**
 * The pacer's own clock: a sequence of breaths on the session time line. A new pattern never cuts a breath
 * short; it takes effect at the next breath boundary. Every breath starts and ends empty with zero slope, so the
 * shown volume stays continuous and smooth, and the phase (the fraction of the breath done) runs 0..1 in each
 * breath without a jump at the change.
 */
export class PacerSchedule {
  /** Breaths begun so far, oldest first; the last one is in progress. */
  #breaths: ScheduledBreath[];
  /** The breath in progress (the last of #breaths) and when it ends: read at every frame and simulation step. */
  #current: ScheduledBreath;
  #currentEndS: number;
  #pending: BreathPattern | null = null;
  /**
   * The next breath's pattern once cues for it have been handed out ({@link phaseChanges} reached into it): from then
   * on a new pattern waits one more breath, so sound and vibration never disagree with the picture.
   */
  #committed: BreathPattern | null = null;

  constructor(pattern: BreathPattern, startS = 0) {
    this.#current = { index: 0, startS, pattern };
    this.#currentEndS = startS + breathPeriodS(pattern);
    this.#breaths = [this.#current];
  }

  /** The pattern of the breath in progress. */
  get pattern(): BreathPattern {
    return this.#current.pattern;
  }

  /** The pattern the next breath will use (committed, else a pending change, else the current pattern). */
  get nextPattern(): BreathPattern {
    return this.#committed ?? this.#pending ?? this.#current.pattern;
  }

  /** When the breath in progress ends (the next boundary), session seconds. */
  get nextBoundaryS(): number {
    return this.#currentEndS;
  }

  /**
   * Ask for a new pattern from the next breath boundary on (a later call before then replaces it), or from the one
   * after if cues for the next breath have already been planned. The clock moves only when read, so pass the current
   * session time `nowS` to bring it up to now first; otherwise "next" is after the last time {@link at} was asked.
   */
  setPattern(pattern: BreathPattern, nowS?: number): void {
    if (nowS !== undefined && nowS >= this.#currentEndS) this.#advanceTo(nowS);
    this.#pending = pattern;
  }

  /** Remembered breaths (the last is in progress), oldest first. */
  breaths(): readonly ScheduledBreath[] {
    return this.#breaths;
  }

  /**
   * Where the pacer is at session time `timeS` (seconds). Moving forward advances the clock breath by breath;
   * callers may also look back into remembered breaths (the display and the analysis read the same schedule at
   * different times). Before the first remembered breath the answer is that breath's start.
   */
  at(timeS: number): PacerState {
    if (timeS >= this.#currentEndS) this.#advanceTo(timeS);
    const breath = timeS >= this.#current.startS ? this.#current : this.#breathAt(timeS);
    const period = breathPeriodS(breath.pattern);
    const pos = positionInBreath(breath.pattern, Math.min(period - 1e-9, Math.max(0, timeS - breath.startS)));
    return {
      phase: pos.phase,
      phaseProgress: pos.phaseProgress,
      volume: pos.volume,
      breathTimeS: pos.breathTimeS,
      rateBpm: 60 / period,
      breathIndex: breath.index,
      breathStartS: breath.startS,
    };
  }

  /**
   * The phase changes in [fromS, toS) as now known: the remembered breaths, the one in progress, then the pending
   * pattern (or the current one) repeated. Does not advance the clock, but commits the next breath's pattern when
   * the answer reaches into it (cue look-ahead is a fraction of a breath, so only the next breath needs this).
   * Zero-length holds are not phase changes.
   */
  phaseChanges(fromS: number, toS: number): PhaseChange[] {
    const out: PhaseChange[] = [];
    const first = this.#breathAt(fromS);
    let breath: ScheduledBreath = first;
    while (breath.startS < toS) {
      let t = breath.startS;
      const rateBpm = 60 / breathPeriodS(breath.pattern);
      for (const phase of BREATH_PHASES) {
        const durationS = phaseDurationS(breath.pattern, phase);
        if (durationS > 0 && t >= fromS && t < toS) {
          out.push({ timeS: t, phase, durationS, breathIndex: breath.index, rateBpm });
        }
        t += durationS;
      }
      const index = breath.index + 1;
      const known = this.#breaths.find((b) => b.index === index);
      const upcoming =
        index === this.#current.index + 1 ? this.nextPattern : (this.#pending ?? this.nextPattern);
      breath = known ?? { index, startS: t, pattern: upcoming };
      if (!known && index === this.#current.index + 1 && t < toS) this.#committed = upcoming;
    }
    return out;
  }

  #advanceTo(timeS: number): void {
    while (timeS >= this.#currentEndS) {
      const current = this.#current;
      this.#current = {
        index: current.index + 1,
        startS: this.#currentEndS,
        pattern: this.#committed ?? this.#pending ?? current.pattern,
      };
      this.#currentEndS += breathPeriodS(this.#current.pattern);
      this.#breaths.push(this.#current);
      // A committed breath used the pattern it promised; a change asked for meanwhile comes next.
      if (this.#committed) this.#committed = null;
      else this.#pending = null;
      if (this.#breaths.length > HISTORY_BREATHS) this.#breaths.shift();
    }
  }

  /** The remembered breath containing `timeS` (the first one for earlier times, the current for later). */
  #breathAt(timeS: number): ScheduledBreath {
    for (let i = this.#breaths.length - 1; i >= 0; i -= 1) {
      const b = this.#breaths[i] as ScheduledBreath;
      if (timeS >= b.startS) return b;
    }
    return this.#breaths[0] as ScheduledBreath;
  }
}
