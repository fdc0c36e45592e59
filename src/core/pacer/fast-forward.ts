import type { TimedRr } from '../hrv/biofeedback';
import type { SimulatedPerson } from '../physiology/person';
import type { PacerSchedule, ScheduledBreath } from './schedule';

/** What a fast-forward run hands its breath-start hook. */
export interface BreathStart {
  readonly breath: ScheduledBreath;
  /** Beats so far, oldest first (shared, do not modify). */
  readonly beats: readonly TimedRr[];
  readonly schedule: PacerSchedule;
}

/**
 * Runs a simulated person breathing with a pacer schedule in fast-forward, from the schedule's start to
 * `durationS`. `onBreathStart` is called once as each breath after the first begins on the pacer clock, which is
 * where protocols and the controller set the pattern of the following breath. The clock advances both when the
 * person reads the pacer's volume and at each beat, so a person who only looks back (breathing late) or reads the
 * pacer only now and then still moves it. Returns the beats.
 */
export function fastForward(
  person: SimulatedPerson,
  schedule: PacerSchedule,
  durationS: number,
  onBreathStart?: (start: BreathStart) => void,
): TimedRr[] {
  const beats: TimedRr[] = [];
  let lastIndex = schedule.at(person.timeS).breathIndex;
  const advance = (timeS: number): number => {
    const state = schedule.at(timeS);
    while (state.breathIndex > lastIndex) {
      lastIndex += 1;
      const index = lastIndex;
      const breath = schedule.breaths().find((b) => b.index === index);
      if (breath && onBreathStart) onBreathStart({ breath, beats, schedule });
    }
    return state.volume;
  };
  while (person.timeS < durationS) {
    const beat = person.nextBeat(advance);
    if (!(beat.rrMs > 0) || !Number.isFinite(beat.rrMs) || !Number.isFinite(beat.timeS)) {
      throw new RangeError(`the simulated person gave an impossible beat: ${JSON.stringify(beat)}`);
    }
    beats.push({ rrMs: beat.rrMs, timeS: beat.timeS });
    advance(beat.timeS);
  }
  return beats;
}
