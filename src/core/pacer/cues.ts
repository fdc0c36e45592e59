import type { BreathPhase } from './pattern';
import type { PhaseChange } from './schedule';

/**
 * The pure cue scheduler: from the phase changes on the pacer's own clock ({@link PacerSchedule.phaseChanges}) to
 * the sound and vibration events that mark them, with their times on the same clock. Adapters only translate these
 * times to their output clock (AudioContext time, timers), so cues cannot drift from what the pacer shows.
 */
export type SoundCue = 'off' | 'tone' | 'chime';

export interface CueOptions {
  readonly sound: SoundCue;
  readonly vibration: boolean;
  /** Sound volume 0..1. */
  readonly volume: number;
}

export const DEFAULT_CUES: CueOptions = { sound: 'off', vibration: false, volume: 0.5 };

/** Pitch range of the breathing tone, Hz: it rises while breathing in and falls while breathing out. */
export const TONE_LOW_HZ = 196;
export const TONE_HIGH_HZ = 294;
/** Pitch of the chime at each phase change, Hz (higher at the start of an inhale). */
const CHIME_HZ: Record<BreathPhase, number> = { inhale: 660, 'hold-in': 550, exhale: 440, 'hold-out': 550 };
/** Vibration length at each phase change, ms; a breath in gets the longest buzz so it can be told apart. */
const VIBRATE_MS: Record<BreathPhase, number> = { inhale: 80, 'hold-in': 30, exhale: 50, 'hold-out': 30 };

export type CueEvent =
  | {
      readonly kind: 'tone';
      readonly atS: number;
      readonly endS: number;
      readonly fromHz: number;
      readonly toHz: number;
      readonly volume: number;
      readonly phase: BreathPhase;
    }
  | {
      readonly kind: 'chime';
      readonly atS: number;
      readonly hz: number;
      readonly volume: number;
      readonly phase: BreathPhase;
    }
  | {
      readonly kind: 'vibrate';
      readonly atS: number;
      readonly durationMs: number;
      readonly phase: BreathPhase;
    };

/** The cue events for a run of phase changes, in time order. Holds are silent in tone mode. */
export function planCues(changes: readonly PhaseChange[], options: CueOptions): CueEvent[] {
  const volume = Math.min(1, Math.max(0, Number.isFinite(options.volume) ? options.volume : 0));
  const out: CueEvent[] = [];
  for (const c of changes) {
    const endS = c.timeS + c.durationS;
    if (options.sound === 'tone' && volume > 0 && (c.phase === 'inhale' || c.phase === 'exhale')) {
      const rising = c.phase === 'inhale';
      out.push({
        kind: 'tone',
        atS: c.timeS,
        endS,
        fromHz: rising ? TONE_LOW_HZ : TONE_HIGH_HZ,
        toHz: rising ? TONE_HIGH_HZ : TONE_LOW_HZ,
        volume,
        phase: c.phase,
      });
    }
    if (options.sound === 'chime' && volume > 0) {
      out.push({ kind: 'chime', atS: c.timeS, hz: CHIME_HZ[c.phase], volume, phase: c.phase });
    }
    if (options.vibration)
      out.push({ kind: 'vibrate', atS: c.timeS, durationMs: VIBRATE_MS[c.phase], phase: c.phase });
  }
  return out;
}
