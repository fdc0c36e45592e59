import type { CueOptions } from '../../core/pacer/cues';
import type { PacerSchedule } from '../../core/pacer/schedule';
import { AudioCues } from './audio-cues';
import { CueLoop } from './cue-loop';
import { browserTimers } from '../timers';
import { browserVibrationHost, VibrationCues } from './vibration-cues';
import { browserWakeLockHost, ScreenWakeLock } from './wake-lock';

/** The pacer's outputs in the browser, created per session; null where unavailable or unwanted. */
export interface PacerOutputs {
  cueLoop(schedule: PacerSchedule, nowS: () => number): CueLoop | null;
  readonly wakeLock: ScreenWakeLock | null;
  /** The gentle cue when a session reaches its length, in the person's chosen sound and vibration. */
  endCue?(options: CueOptions): void;
}

/** Whether this device can vibrate (the vibration toggle is hidden where it cannot). */
export const canVibrate = (): boolean => browserVibrationHost() !== null;

/**
 * The browser's cue outputs. One AudioContext for the app, made at the first session start (a click, so browsers
 * allow sound) and resumed at each later one.
 */
export function browserPacerOutputs(): PacerOutputs {
  let audio: AudioCues | null = null;
  let context: AudioContext | null = null;
  return {
    cueLoop(schedule, nowS) {
      if (!context && typeof AudioContext === 'function') {
        context = new AudioContext();
        audio = new AudioCues(context);
      }
      void context?.resume();
      const host = browserVibrationHost();
      return new CueLoop({
        schedule,
        nowS,
        audio,
        vibration: host ? new VibrationCues(host) : null,
        timers: browserTimers,
      });
    },
    wakeLock: new ScreenWakeLock(browserWakeLockHost()),
    endCue(options) {
      if (options.sound !== 'off' && options.volume > 0) audio?.farewell(options.volume);
      if (options.vibration) browserVibrationHost()?.vibrate(120);
    },
  };
}
