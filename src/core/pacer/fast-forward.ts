import type { TimedRr } from '../hrv/biofeedback';
import type { SimulatedHeart } from '../physiology/simulated-heart';
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
 * `durationS`. `onBreathStart` is called as each breath after the first begins, on the pacer clock, which is where
 * protocols and the controller set the pattern of the following breath. Returns the beats.
 */
export function fastForward(
  heart: SimulatedHeart,
  schedule: PacerSchedule,
  durationS: number,
  onBreathStart?: (start: BreathStart) => void,
): TimedRr[] {
  const beats: TimedRr[] = [];
  let lastIndex = schedule.at(heart.timeS).breathIndex;
  const breathing = (timeS: number): number => {
    const state = schedule.at(timeS);
    if (state.breathIndex !== lastIndex) {
      lastIndex = state.breathIndex;
      const breath = schedule.breaths().find((b) => b.index === state.breathIndex);
      if (breath && onBreathStart) onBreathStart({ breath, beats, schedule });
    }
    return state.volume;
  };
  while (heart.timeS < durationS) {
    const beat = heart.nextBeat(breathing);
    beats.push({ rrMs: beat.rrMs, timeS: beat.timeS });
  }
  return beats;
}
