import type { CueEvent } from '../../core/pacer/cues';

/**
 * Plays the pacer's sound cues with Web Audio, every sound scheduled ahead on the audio clock (Wilson 2013, "A tale
 * of two clocks"): a cue due at pacer time `atS` starts at `currentTime + (atS − pacerNowS)`, so sound and the
 * picture follow the same pacer clock and never drift apart. Gains ramp in and out to avoid clicks.
 */
const TONE_PEAK = 0.25;
const CHIME_PEAK = 0.35;
const CHIME_DECAY_S = 1.2;
const RAMP_S = 0.25;
const FAREWELL_DECAY_S = 2.5;

export class AudioCues {
  readonly #ctx: BaseAudioContext;
  readonly #out: GainNode;
  #sources = new Set<OscillatorNode>();

  constructor(ctx: BaseAudioContext) {
    this.#ctx = ctx;
    this.#out = ctx.createGain();
    this.#out.connect(ctx.destination);
  }

  /** Audio-clock time of a pacer-clock time, given the pacer time that matches the context's current time. */
  audioTimeOf(atS: number, pacerNowS: number): number {
    return this.#ctx.currentTime + (atS - pacerNowS);
  }

  /** Schedules the tone and chime events (vibration events are ignored here). */
  schedule(events: readonly CueEvent[], pacerNowS: number): void {
    const now = this.#ctx.currentTime;
    for (const e of events) {
      if (e.kind === 'vibrate') continue;
      const t0 = Math.max(now, this.audioTimeOf(e.atS, pacerNowS));
      if (e.kind === 'chime') this.#chime(t0, e.hz, e.volume);
      else {
        const t1 = this.audioTimeOf(e.endS, pacerNowS);
        if (t1 - t0 > 2 * RAMP_S) this.#tone(t0, t1, e.fromHz, e.toHz, e.volume);
      }
    }
  }

  /**
   * The end of a session: two soft chimes falling a fourth (G5 then D5), each fading over 2.5 s, so the close is
   * heard without a jolt.
   */
  farewell(volume: number): void {
    const now = this.#ctx.currentTime;
    this.#chime(now + 0.05, 784, volume * 0.7, FAREWELL_DECAY_S);
    this.#chime(now + 0.75, 587, volume * 0.7, FAREWELL_DECAY_S);
  }

  /** Silences everything scheduled. */
  stopAll(): void {
    for (const s of this.#sources) {
      try {
        s.stop();
      } catch {
        // Not started yet in an offline context: disconnecting is enough.
      }
      s.disconnect();
    }
    this.#sources.clear();
  }

  #tone(t0: number, t1: number, fromHz: number, toHz: number, volume: number): void {
    const osc = this.#ctx.createOscillator();
    const gain = this.#ctx.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(fromHz, t0);
    osc.frequency.exponentialRampToValueAtTime(toHz, t1);
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(TONE_PEAK * volume, t0 + RAMP_S);
    gain.gain.setValueAtTime(TONE_PEAK * volume, t1 - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, t1);
    this.#play(osc, gain, t0, t1);
  }

  #chime(t0: number, hz: number, volume: number, decayS = CHIME_DECAY_S): void {
    const osc = this.#ctx.createOscillator();
    const gain = this.#ctx.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(hz, t0);
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(CHIME_PEAK * volume, t0 + 0.005);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + decayS);
    this.#play(osc, gain, t0, t0 + decayS);
  }

  #play(osc: OscillatorNode, gain: GainNode, t0: number, t1: number): void {
    osc.connect(gain);
    gain.connect(this.#out);
    this.#sources.add(osc);
    osc.onended = () => {
      osc.disconnect();
      gain.disconnect();
      this.#sources.delete(osc);
    };
    osc.start(t0);
    osc.stop(t1);
  }
}
