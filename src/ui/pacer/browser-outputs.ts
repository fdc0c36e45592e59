import { AudioCues } from '../../adapters/cues/audio-cues';
import { CueLoop } from '../../adapters/cues/cue-loop';
import { browserVibrationHost, VibrationCues } from '../../adapters/cues/vibration-cues';
import { browserWakeLockHost, ScreenWakeLock } from '../../adapters/cues/wake-lock';
import type { PacerOutputs } from '../../state/pacer.svelte';

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
        timers: {
          setInterval: (run, ms) => window.setInterval(run, ms),
          clearInterval: (id) => window.clearInterval(id),
        },
      });
    },
    wakeLock: new ScreenWakeLock(browserWakeLockHost()),
    endCue(options) {
      if (options.sound !== 'off' && options.volume > 0) audio?.farewell(options.volume);
      if (options.vibration) browserVibrationHost()?.vibrate(120);
    },
  };
}
