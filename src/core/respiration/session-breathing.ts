/**
 * The person's breath over one session, from a chest accelerometer: the last minute kept and measured against the
 * pacer every two seconds (chest-breathing.ts), every breath measured kept once (breath-log.ts), and the breath
 * signal joined at 4 Hz for the record (breath-trace.ts).
 */
import type { AccelerationChunk } from '../heart/types';
import type { PacerSchedule } from '../pacer/schedule';
import { BreathLog, type LoggedBreath } from './breath-log';
import { BreathTrace } from './breath-trace';
import { ChestBreathingTracker, type ChestBreathing } from './chest-breathing';

/** How often the chest's breath is measured, s of its own sample times. */
const BREATHING_EVERY_S = 2;

export class SessionBreathing {
  readonly #chest = new ChestBreathingTracker();
  readonly #log = new BreathLog();
  /** The measured breath signal of the session so far. */
  readonly trace = new BreathTrace();
  #analysedAtS = Number.NEGATIVE_INFINITY;

  /** Every breath measured this session, oldest first. */
  get breaths(): readonly LoggedBreath[] {
    return this.#log.breaths;
  }

  /**
   * Take a chunk of acceleration (session times): the breathing measured over the last minute against `schedule`,
   * when a measurement was due; else null.
   */
  push(chunk: AccelerationChunk, schedule: PacerSchedule): ChestBreathing | null {
    const timeS = Array.from(chunk.timeMs, (ms) => ms / 1000);
    this.#chest.push({ timeS, xyzMg: chunk.xyzMg });
    const lastS = timeS[timeS.length - 1];
    if (lastS === undefined || lastS - this.#analysedAtS < BREATHING_EVERY_S) return null;
    this.#analysedAtS = lastS;
    const breathing = this.#chest.analyse({
      volumeAt: (t) => schedule.at(t).volume,
      periodS: 60 / schedule.at(lastS).rateBpm,
    });
    this.#log.add(breathing, lastS);
    if (breathing.status === 'ok') this.trace.add(breathing.signal);
    return breathing;
  }

  /** A new session: nothing kept. */
  reset(): void {
    this.#chest.reset();
    this.#log.reset();
    this.trace.reset();
    this.#analysedAtS = Number.NEGATIVE_INFINITY;
  }
}
