import { breathPeriodS, positionInBreath, type BreathPattern, type BreathPosition } from './pattern';

/** A breath of the schedule: the pattern it uses and when it starts on the session clock. */
interface ScheduledBreath {
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

/**
 * The pacer's own clock: a sequence of breaths on the session time line. A new pattern never cuts a breath
 * short; it takes effect at the next breath boundary, so the shown volume stays continuous (every breath starts
 * and ends empty).
 */
export class PacerSchedule {
  #current: ScheduledBreath;
  #previous: ScheduledBreath | null = null;
  #index = 0;
  #pending: BreathPattern | null = null;

  constructor(pattern: BreathPattern, startS = 0) {
    this.#current = { startS, pattern };
  }

  /** The pattern of the breath in progress (not a pending one). */
  get pattern(): BreathPattern {
    return this.#pending ?? this.#current.pattern;
  }

  /** Ask for a new pattern from the next breath boundary on. */
  setPattern(pattern: BreathPattern): void {
    this.#pending = pattern;
  }

  /**
   * Where the pacer is at session time `timeS` (seconds). Callers may look back into the previous breath (the
   * display and the simulated person read the same schedule at slightly different times), not further.
   */
  at(timeS: number): PacerState {
    if (timeS < this.#current.startS && this.#previous && timeS >= this.#previous.startS) {
      const prev = this.#previous;
      const period = breathPeriodS(prev.pattern);
      return {
        ...positionInBreath(prev.pattern, timeS - prev.startS),
        rateBpm: 60 / period,
        breathIndex: this.#index - 1,
        breathStartS: prev.startS,
      };
    }
    let period = breathPeriodS(this.#current.pattern);
    while (timeS >= this.#current.startS + period) {
      const startS = this.#current.startS + period;
      this.#previous = this.#current;
      this.#current = { startS, pattern: this.#pending ?? this.#current.pattern };
      this.#pending = null;
      this.#index += 1;
      period = breathPeriodS(this.#current.pattern);
    }
    const pos = positionInBreath(this.#current.pattern, Math.max(0, timeS - this.#current.startS));
    return {
      ...pos,
      rateBpm: 60 / period,
      breathIndex: this.#index,
      breathStartS: this.#current.startS,
    };
  }
}
