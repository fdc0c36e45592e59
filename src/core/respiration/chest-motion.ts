/**
 * Simulated chest accelerometer (an H10 on its strap) for tests, demos and the simulated source: the strap lies on
 * the chest at a tilt; breathing lifts and tilts it, which turns the gravity vector a little in the sensor's frame
 * (the effect accelerometer respiration monitoring rests on: Bates et al. 2010, "Respiratory rate and flow waveform
 * estimation from tri-axial accelerometer data", BSN 2010, 144-150). Lung volume 0..1 tilts the sensor by up to
 * `tiltDeg` about an axis in its plane; each heartbeat adds a small ballistocardiographic jolt; sensor noise is white.
 */
import { Random } from '../random';

export interface ChestMotionConfig {
  readonly seed: number;
  /** Tilt of the sensor added by a full breath, degrees (a few degrees on a resting chest). */
  readonly tiltDeg: number;
  /** Resting orientation: angle of gravity from the sensor's z axis, degrees, and its azimuth, degrees. */
  readonly restPolarDeg: number;
  readonly restAzimuthDeg: number;
  /** White sensor noise, mG (standard deviation per axis). */
  readonly noiseMg: number;
  /** Heart rate for the ballistocardiographic jolts, bpm, and their size, mG (0 for none). */
  readonly heartRateBpm: number;
  readonly heartbeatMg: number;
}

const DEFAULT_CHEST_MOTION: ChestMotionConfig = {
  seed: 1,
  tiltDeg: 3,
  restPolarDeg: 70,
  restAzimuthDeg: 20,
  noiseMg: 3,
  heartRateBpm: 66,
  heartbeatMg: 4,
};

const G_MG = 1000;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** A source of chest acceleration samples, x, y, z in mG, for a lung volume at each time. */
export class ChestMotion {
  readonly config: ChestMotionConfig;
  readonly #random: Random;

  constructor(config: Partial<ChestMotionConfig> = {}) {
    this.config = { ...DEFAULT_CHEST_MOTION, ...config };
    this.#random = new Random(this.config.seed);
  }

  /** The acceleration at time `timeS` with lung volume `volume` (0..1), mG, and an optional extra (movement). */
  sample(
    timeS: number,
    volume: number,
    extraMg: readonly [number, number, number] = [0, 0, 0],
  ): [number, number, number] {
    const c = this.config;
    const polar = rad(c.restPolarDeg + c.tiltDeg * volume);
    const azimuth = rad(c.restAzimuthDeg);
    const beatPhase = (timeS * c.heartRateBpm) / 60;
    const jolt = c.heartbeatMg * Math.exp(-(((beatPhase % 1) - 0.1) ** 2) / 0.002);
    const n = () => c.noiseMg * this.#random.normal();
    return [
      G_MG * Math.sin(polar) * Math.cos(azimuth) + n() + extraMg[0],
      G_MG * Math.sin(polar) * Math.sin(azimuth) + n() + extraMg[1],
      G_MG * Math.cos(polar) + jolt + n() + extraMg[2],
    ];
  }
}
