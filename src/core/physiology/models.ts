import { Random } from '../random';
import { EXACT_PERSON, WrappedPerson, type HeartModel, type ModelPerson, type PersonOptions } from './person';

/**
 * The two physiology models simulated people are built on, structurally different so that a protocol tuned to one
 * is caught out by the other.
 *
 * `resonator`: the baroreflex as a second-order band-pass resonator driven by lung volume (the model of
 * {@link SimulatedHeart}: Vaschillo, Lehrer et al. 2002; Vaschillo, Vaschillo & Lehrer 2006), plus a direct vagal
 * respiratory sinus arrhythmia (Eckberg 2003) and Mayer waves from noise through the resonator (Julien 2006). Heart
 * rate is in phase with lung volume at resonance.
 *
 * `baroreflex-delay`: the resonance arises from a negative feedback loop with a delay, as in the beat-to-beat model
 * of DeBoer, Karemaker & Strackee (1987), where the sympathetic control of peripheral resistance acts on blood
 * pressure some seconds late and so rings near 0.1 Hz. Here in continuous time: breathing lowers arterial pressure
 * mechanically (intrathoracic pressure); pressure is a windkessel (time constant `windkesselS`); the baroreflex
 * feeds pressure back through a delay `delayS` and a first-order low-pass (`reflexS`) onto resistance with loop
 * gain `loopGain` < 1; the fast vagal baroreflex turns pressure into heart rate; a separate respiratory sinus
 * arrhythmia path adds lung volume to heart rate directly. The loop rings where its phase reaches −180°, so the
 * resonance is set by the delay, which is chosen per person so that the heart-rate swing peaks at the person's
 * resonance; the phase of heart rate against breathing at resonance is whatever the loop makes it, not 0°, which is
 * the point. Transfer function from lung volume U to heart rate:
 *   H(s) = G·W(s) / (1 + K·W(s)·L(s)·e^(−sD)) + k,  W = 1/(1 + s·τw),  L = 1/(1 + s·τl).
 */
export type ModelName = 'resonator' | 'baroreflex-delay';
export const MODELS: readonly ModelName[] = ['resonator', 'baroreflex-delay'];

/** Complex numbers as [re, im], enough for the two transfer functions. */
type Complex = [number, number];
const mul = (a: Complex, b: Complex): Complex => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const div = (a: Complex, b: Complex): Complex => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const abs = (a: Complex): number => Math.hypot(a[0], a[1]);
const omega = (rateBpm: number): number => (2 * Math.PI * rateBpm) / 60;

interface ResonatorParams {
  readonly resonanceBpm: number;
  readonly damping: number;
  /** Peak-to-trough heart-rate swing at resonance for a full breath, bpm. */
  readonly rsaAtResonanceBpm: number;
  readonly directRsaBpm: number;
  /** Strength of the noise exciting Mayer waves (drive per sqrt(s)). */
  readonly mayerDrive: number;
}

class ResonatorModel implements HeartModel {
  readonly params: ResonatorParams;
  #x = 0;
  #v = 0;

  constructor(params: ResonatorParams) {
    this.params = params;
  }

  step(dtS: number, volume: number, shiftBpm: number, rng: Random): number {
    const p = this.params;
    const w0 = omega(p.resonanceBpm + shiftBpm);
    const u = volume - 0.5 + (p.mayerDrive * rng.normal()) / Math.sqrt(dtS) / w0;
    // x'' + 2ζω0 x' + ω0² x = ω0² u (semi-implicit Euler); band-pass output y = (2ζ/ω0) x', unit gain at ω0.
    this.#v += (w0 * w0 * (u - this.#x) - 2 * p.damping * w0 * this.#v) * dtS;
    this.#x += this.#v * dtS;
    const y = ((2 * p.damping) / w0) * this.#v;
    return (p.rsaAtResonanceBpm - p.directRsaBpm) * y + p.directRsaBpm * (volume - 0.5);
  }

  gainBpm(rateBpm: number): number {
    const p = this.params;
    const w = omega(rateBpm);
    const w0 = omega(p.resonanceBpm);
    const band = div([0, 2 * p.damping * w0 * w], [w0 * w0 - w * w, 2 * p.damping * w0 * w]);
    return abs([
      (p.rsaAtResonanceBpm - p.directRsaBpm) * band[0] + p.directRsaBpm,
      band[1] * (p.rsaAtResonanceBpm - p.directRsaBpm),
    ]);
  }
}

interface BaroreflexParams {
  readonly resonanceBpm: number;
  readonly windkesselS: number;
  readonly reflexS: number;
  /** Open-loop gain where the loop's phase reaches −180° (at the resonance), 0..1: nearer 1 rings more sharply. */
  readonly loopGain: number;
  /** Peak-to-trough heart-rate swing at resonance for a full breath, bpm. */
  readonly rsaAtResonanceBpm: number;
  /** Share of the low-frequency swing that comes by the direct respiratory sinus arrhythmia path, 0..1. */
  readonly directShare: number;
  /** Standard deviation of the pressure noise that keeps the loop ringing (Mayer waves), per sqrt(s). */
  readonly mayerDrive: number;
}

const MAX_DELAY_S = 10;

class BaroreflexDelayModel implements HeartModel {
  readonly params: BaroreflexParams;
  /** The loop delay that puts the peak at the resonance, seconds. */
  readonly delayS: number;
  readonly #vagalGain: number;
  readonly #directGain: number;
  /** Low-frequency loop gain K, so that K·|W·L| at the resonance is `loopGain`. */
  readonly #k: number;
  #pressure = 0;
  #reflex = 0;
  readonly #history: Float64Array;
  #head = 0;
  #dtS = 0;

  constructor(params: BaroreflexParams) {
    this.params = params;
    const w0 = omega(params.resonanceBpm);
    this.#k =
      params.loopGain * Math.sqrt((1 + (w0 * params.windkesselS) ** 2) * (1 + (w0 * params.reflexS) ** 2));
    // The direct path's share is set against the baroreflex path's size, then the delay is found with it in place.
    const d0 = this.#delayFor(params.resonanceBpm, 1, 0);
    const x0 = abs(this.#loop(params.resonanceBpm, d0));
    const direct = (params.directShare * x0) / Math.max(1e-6, 1 - params.directShare);
    this.delayS = this.#delayFor(params.resonanceBpm, 1, direct);
    const scale = params.rsaAtResonanceBpm / this.#gain(params.resonanceBpm, this.delayS, 1, direct);
    this.#vagalGain = scale;
    this.#directGain = direct * scale;
    this.#history = new Float64Array(Math.ceil(MAX_DELAY_S / 0.005) + 2);
  }

  /** W/(1 + K·W·L·e^(−iωD)) at a rate. */
  #loop(rateBpm: number, delayS: number): Complex {
    const p = this.params;
    const w = omega(rateBpm);
    const windkessel = div([1, 0], [1, w * p.windkesselS]);
    const reflex = div([1, 0], [1, w * p.reflexS]);
    const delay: Complex = [Math.cos(w * delayS), -Math.sin(w * delayS)];
    const open = mul(mul(windkessel, reflex), delay);
    return div(windkessel, [1 + this.#k * open[0], this.#k * open[1]]);
  }

  #gain(rateBpm: number, delayS: number, vagal: number, direct: number): number {
    const x = this.#loop(rateBpm, delayS);
    return abs([vagal * x[0] + direct, vagal * x[1]]);
  }

  #peakBpm(delayS: number, vagal: number, direct: number): number {
    let best = 3;
    let bestGain = -Infinity;
    for (let r = 3; r <= 9; r += 0.01) {
      const g = this.#gain(r, delayS, vagal, direct);
      if (g > bestGain) {
        bestGain = g;
        best = r;
      }
    }
    return best;
  }

  /** The delay whose swing peaks at `rateBpm` (the peak moves to slower rates as the delay grows). */
  #delayFor(rateBpm: number, vagal: number, direct: number): number {
    let lo = 0.2;
    let hi = MAX_DELAY_S;
    for (let i = 0; i < 30; i += 1) {
      const mid = (lo + hi) / 2;
      if (this.#peakBpm(mid, vagal, direct) > rateBpm) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  step(dtS: number, volume: number, shiftBpm: number, rng: Random): number {
    const p = this.params;
    if (this.#dtS !== dtS) {
      this.#dtS = dtS;
      this.#history.fill(0);
    }
    const u = volume - 0.5;
    // A shift of the resonance is a proportional change of the delay (the ring's period scales with it).
    const delayS = Math.min(MAX_DELAY_S, (this.delayS * p.resonanceBpm) / (p.resonanceBpm + shiftBpm));
    const n = this.#history.length;
    const back = Math.min(n - 1, delayS / dtS);
    const k = Math.floor(back);
    const frac = back - k;
    const a = this.#history[(this.#head - k + n) % n] ?? 0;
    const b = this.#history[(this.#head - k - 1 + n) % n] ?? 0;
    const delayed = a + (b - a) * frac;
    this.#reflex += ((delayed - this.#reflex) / p.reflexS) * dtS;
    const noise = (p.mayerDrive * rng.normal()) / Math.sqrt(dtS);
    this.#pressure += ((-this.#pressure - u - this.#k * this.#reflex + noise) / p.windkesselS) * dtS;
    this.#head = (this.#head + 1) % n;
    this.#history[this.#head] = this.#pressure;
    return -this.#vagalGain * this.#pressure + this.#directGain * u;
  }

  gainBpm(rateBpm: number): number {
    return this.#gain(rateBpm, this.delayS, this.#vagalGain, this.#directGain);
  }
}

/** What a person is made from: the model, who, which session, and the person-level options. */
export interface PersonSpec {
  readonly model: ModelName;
  readonly seed: number;
  /** The person's usual resonance, breaths/min. */
  readonly resonanceBpm: number;
  /** Which session (0: the usual resonance exactly; others shift it a little, by `sessionShiftBpm`). */
  readonly session?: number;
  readonly options?: Partial<PersonOptions>;
}

/**
 * A simulated person of either model. Everything not given by the spec (how sharp the resonance, how large the
 * swing, how strong the direct path, the mean heart rate) is drawn from the seed within adult ranges.
 */
export function createModelPerson(spec: PersonSpec): ModelPerson {
  const draw = new Random(spec.seed * 2654435761 + (spec.model === 'resonator' ? 11 : 23));
  const between = (lo: number, hi: number) => lo + (hi - lo) * draw.next();
  const meanHrBpm = between(58, 76);
  const rsaAtResonanceBpm = between(10, 20);
  const model: HeartModel =
    spec.model === 'resonator'
      ? new ResonatorModel({
          resonanceBpm: spec.resonanceBpm,
          damping: between(0.12, 0.2),
          rsaAtResonanceBpm,
          directRsaBpm: between(2, 5),
          mayerDrive: 0.25,
        })
      : new BaroreflexDelayModel({
          resonanceBpm: spec.resonanceBpm,
          windkesselS: between(1, 2),
          reflexS: between(1, 3),
          loopGain: between(0.6, 0.8),
          rsaAtResonanceBpm,
          directShare: between(0.1, 0.35),
          mayerDrive: 0.12,
        });
  return new WrappedPerson({
    seed: spec.seed,
    session: spec.session ?? 0,
    meanHrBpm,
    model,
    resonanceBpm: spec.resonanceBpm,
    options: { ...EXACT_PERSON, ...spec.options },
  });
}

/** One person of a validation panel: who, and how they breathe. */
export interface PanelPerson {
  readonly model: ModelName;
  readonly seed: number;
  readonly resonanceBpm: number;
  readonly options: PersonOptions;
}

/**
 * A validation panel of `count` people of one model: resonance spread evenly over 4.5-6.5 breaths/min (shuffled
 * against the other draws), breathing lag 0-1.2 s, depth jitter 10-30 %, sighs and skipped breaths 1-4 % each,
 * 1/f background variability 1-3 bpm, resonance shifting ±0.15 between and 0.1 within sessions, 1-3 % ectopic
 * beats, RR in 1/1024 s.
 */
export function validationPanel(model: ModelName, count: number, firstSeed = 1): PanelPerson[] {
  return Array.from({ length: count }, (_, i) => {
    const seed = firstSeed + i;
    const r = new Random(seed * 48271 + 5);
    const between = (lo: number, hi: number) => lo + (hi - lo) * r.next();
    // A stride coprime with most counts spreads resonance evenly while decorrelating it from the seed order.
    const k = (i * 7) % count;
    return {
      model,
      seed,
      resonanceBpm: Math.round((4.5 + (2 * (k + 0.5)) / count) * 100) / 100,
      options: {
        lagS: between(0, 1.2),
        depthJitter: between(0.1, 0.3),
        sighRate: between(0.01, 0.04),
        skipRate: between(0.01, 0.04),
        backgroundBpm: between(1, 3),
        sessionShiftBpm: 0.15,
        wanderBpm: 0.1,
        ectopicRate: between(0.01, 0.03),
        beatNoiseMs: 6,
        quantiseRr: true,
      },
    };
  });
}

/** The rate at which a person's maximal response peaks, breaths/min (searched over 3-9 at 0.005). */
export function peakResponseBpm(person: ModelPerson): number {
  let best = 3;
  let bestGain = -Infinity;
  for (let r = 3; r <= 9; r += 0.005) {
    const g = person.maximalResponseBpm(r);
    if (g > bestGain) {
      bestGain = g;
      best = r;
    }
  }
  return best;
}

/** The share of the person's maximal response that breathing at `rateBpm` gives, 0..1. */
export function responseShare(person: ModelPerson, rateBpm: number): number {
  return person.maximalResponseBpm(rateBpm) / person.maximalResponseBpm(peakResponseBpm(person));
}
