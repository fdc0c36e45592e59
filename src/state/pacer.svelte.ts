import type { CueLoop } from '../adapters/cues/cue-loop';
import type { PacerOutputs } from '../adapters/cues/browser-outputs';
import type { WakeLockState } from '../adapters/cues/wake-lock';
import type { BreathingResponse } from '../core/hrv/biofeedback';
import type { LiveResponse } from '../core/pacer/live-response';
import { BreathSwings } from '../core/pacer/breath-swings';
import type { AssessmentResult, StoredAssessment } from '../core/pacer/assessment/result';
import { slidingBreathRates, slidingFromSwings } from '../core/pacer/assessment/sliding';
import {
  DEFAULT_STEPPED,
  protocolBreaths,
  QUICK_STEPPED,
  steppedBreathRates,
  steppedFromSwings,
} from '../core/pacer/assessment/stepped';
import {
  AdaptiveController,
  DEFAULT_CONTROLLER,
  knownRateController,
  type ControllerAction,
  type ControllerReason,
} from '../core/pacer/controller';
import type { CueOptions } from '../core/pacer/cues';
import { inhaleShare, patternFromRate, withRate, type BreathPattern } from '../core/pacer/pattern';
import { PACER_PRESETS, presetPattern, type PacerPresetId } from '../core/pacer/presets';
import type { PacerState } from '../core/pacer/schedule';
import type { LiveSession } from './session.svelte';
import type { Settings, SettingsValues } from './settings.svelte';

/** A rate the person chose is held for the heart's settling time before the pacer steers on, seconds. */
const CHOSEN_RATE_HOLD_S = DEFAULT_CONTROLLER.settleS;
/** A rate this near the assessed resonance is taken as known to suit the person, breaths/min. */
const KNOWN_RATE_NEAR_BPM = 0.75;

export type AssessmentProtocol = 'stepped' | 'quick' | 'sliding';

/** Why the pacer's rate is what it is, as a value; src/ui/pacer/reason-text.ts words it. */
export type PacerReason =
  | ControllerReason
  | { readonly kind: 'adaptive-off' }
  | { readonly kind: 'assessment-running'; readonly protocol: AssessmentProtocol }
  | { readonly kind: 'assessment-done'; readonly result: AssessmentResult }
  | { readonly kind: 'assessment-stopped'; readonly kept: boolean };

/** An assessment in progress: how far, the rate now and next, and the time left. */
export interface AssessmentProgress {
  readonly protocol: AssessmentProtocol;
  readonly done: number;
  readonly total: number;
  readonly rateBpm: number;
  /** The rate after this one (the next step for stepped), or null at the last. */
  readonly nextRateBpm: number | null;
  /** Seconds of the protocol left. */
  readonly secondsLeft: number;
  /** What it has measured so far (partial). */
  readonly sofar: AssessmentResult | null;
}

/**
 * The pacer's settings and its steering during a live session: presets, the adaptive controller (with lock, band
 * and the reason for each change), assessments and their stored result, and the cue outputs. It follows the
 * session as an observer and sets the session's pattern at breath boundaries. Every choice the person makes (and
 * the pattern a session ends at) is kept in `settings`, which it starts from.
 */
export class PacerControl {
  #presetId = $state<PacerPresetId>('resonance-40-60');
  #custom = $state.raw<BreathPattern>(patternFromRate(6, 0.4));
  #adaptive = $state(true);
  #locked = $state(false);
  #band = $state.raw({ minBpm: 4, maxBpm: 7 });
  #reason = $state.raw<PacerReason | null>(null);
  #action = $state<ControllerAction | null>(null);
  #assessment = $state.raw<AssessmentProgress | null>(null);
  #result = $state.raw<StoredAssessment | null>(null);
  #cues = $state.raw<CueOptions>({ sound: 'off', vibration: false, volume: 0.5 });
  #wake = $state<WakeLockState>('off');
  #response = $state.raw<BreathingResponse | null>(null);
  #announce = $state(false);

  /** The worker's per-breath swings of the beats, or a watch's heart-rate swings: what the pacer goes by. */
  readonly #swings = new BreathSwings();
  #controller: AdaptiveController | null = null;
  #lastBreath = -1;
  #plan: { protocol: AssessmentProtocol; rates: number[]; first: number } | null = null;
  #loop: CueLoop | null = null;
  readonly #session: LiveSession;
  readonly #settings: Settings;
  readonly #outputs: PacerOutputs;
  readonly #onAssessed: (result: StoredAssessment) => void;

  /**
   * `settings` should be loaded first: the pacer starts from them. `onAssessed` is told once of each assessment
   * as it finishes (the app keeps it in the history).
   */
  constructor(
    session: LiveSession,
    settings: Settings,
    outputs: PacerOutputs,
    onAssessed: (result: StoredAssessment) => void = () => {},
  ) {
    this.#session = session;
    this.#settings = settings;
    this.#outputs = outputs;
    this.#onAssessed = onAssessed;
    this.#apply(settings.values);
    session.observe({
      started: () => this.#onStarted(),
      beat: () => this.#swings.beat(),
      breathResponse: (response) => this.#onBreathResponse(response),
      heartRate: (reading, pacer) => this.#onHeartRate(reading.heartRateBpm, reading.timeMs / 1000, pacer),
      stopped: () => this.#onStopped(),
    });
  }

  get presetId(): PacerPresetId {
    return this.#presetId;
  }
  get adaptive(): boolean {
    return this.#adaptive;
  }
  get locked(): boolean {
    return this.#locked;
  }
  get band(): { minBpm: number; maxBpm: number } {
    return this.#band;
  }
  /** Why the rate last changed (or held). */
  get reason(): PacerReason | null {
    return this.#reason;
  }
  get lastAction(): ControllerAction | null {
    return this.#action;
  }
  get assessment(): AssessmentProgress | null {
    return this.#assessment;
  }
  get result(): StoredAssessment | null {
    return this.#result;
  }
  get cues(): CueOptions {
    return this.#cues;
  }
  get wakeLock(): WakeLockState {
    return this.#wake;
  }
  /** The last measured response to the breathing (swing, phase, breath-locked share): the resonance indicator. */
  get response(): BreathingResponse | null {
    return this.#response;
  }
  /** Whether breath phases are announced politely to screen readers. */
  get announce(): boolean {
    return this.#announce;
  }

  setAnnounce(on: boolean): void {
    this.#announce = on;
    this.#settings.set('announce', on);
  }

  /** The person sets the rate (breaths/min); kept as where the next session starts. */
  setRate(rateBpm: number): void {
    this.#session.setRate(rateBpm);
    this.#keepPattern();
  }

  /** The person sets the share of each breath spent breathing in; kept like the rate. */
  setInhaleShare(share: number): void {
    this.#session.setInhaleShare(share);
    this.#keepPattern();
  }

  #keepPattern(): void {
    const s = this.#session;
    this.#settings.set('startPattern', patternFromRate(s.rateBpm, s.inhaleShare));
  }
  /** Whether the controller may change this preset's rate (box breathing keeps its counts). */
  get adaptable(): boolean {
    return (
      this.#presetId === 'custom' || (PACER_PRESETS.find((p) => p.id === this.#presetId)?.adaptable ?? false)
    );
  }

  /** The chosen preset's pattern (or the custom one). */
  get basePattern(): BreathPattern {
    return this.#presetId === 'custom' ? this.#custom : presetPattern(this.#presetId);
  }

  /** Picks a preset (or a custom pattern, checked: a bad one throws a PatternError with the reason). */
  choosePreset(id: PacerPresetId, custom?: BreathPattern): void {
    if (id === 'custom') this.#custom = presetPattern('custom', custom ?? this.#custom);
    this.#presetId = id;
    this.#settings.set('presetId', id);
    if (id === 'custom') this.#settings.set('customPattern', this.#custom);
    this.#settings.set('startPattern', null);
    this.#session.setPattern(this.basePattern);
    this.#controller = this.#session.running ? this.#newController() : null;
    this.#reason = null;
  }

  setAdaptive(on: boolean): void {
    this.#adaptive = on;
    this.#settings.set('adaptive', on);
    if (on && this.#session.running) this.#controller = this.#newController();
    this.#reason = on ? null : { kind: 'adaptive-off' };
  }

  setLocked(locked: boolean): void {
    this.#locked = locked;
    this.#settings.set('locked', locked);
    if (locked) this.#controller?.lock();
    else this.#controller?.unlock();
    this.#reason = locked ? { kind: 'locked', rateBpm: this.#session.rateBpm } : null;
  }

  /** The person's band inside 4-7 breaths/min; a reversed band is swapped rather than refused. */
  setBand(minBpm: number, maxBpm: number): void {
    const lo = Math.min(7, Math.max(4, Math.min(minBpm, maxBpm)));
    const hi = Math.min(7, Math.max(4, Math.max(minBpm, maxBpm)));
    this.#band = { minBpm: lo, maxBpm: hi };
    this.#settings.set('band', this.#band);
    this.#controller?.setBand(this.#band);
    const rate = this.#session.rateBpm;
    if (this.#adaptive && this.adaptable && (rate < lo || rate > hi)) {
      this.#session.setPattern(withRate(this.basePattern, Math.min(hi, Math.max(lo, rate))));
    }
  }

  setCues(options: CueOptions): void {
    this.#cues = options;
    this.#settings.set('cues', options);
    this.#loop?.setOptions(options);
  }

  /**
   * Back to a first visit's settings, with no assessment result (after "delete all", which removed the stored
   * copy). The session must not be running.
   */
  forgetAll(): void {
    this.#plan = null;
    this.#assessment = null;
    this.#reason = null;
    this.#action = null;
    this.#response = null;
    this.#settings.forget();
    this.#apply(this.#settings.values);
  }

  /** Take the saved settings; the next session starts where the last left the pattern, else at the assessed rate. */
  #apply(saved: SettingsValues): void {
    this.#presetId = saved.presetId;
    this.#custom = saved.customPattern;
    this.#adaptive = saved.adaptive;
    this.#locked = saved.locked;
    this.#band = saved.band;
    this.#cues = saved.cues;
    this.#announce = saved.announce;
    this.#result = saved.assessment;
    if (saved.startPattern) this.#session.setPattern(saved.startPattern);
    else if (this.#result?.foundBpm)
      this.#session.setPattern(withRate(this.basePattern, this.#result.foundBpm));
    else this.#session.setPattern(this.basePattern);
  }

  /** Starts an assessment at the next breath; the session must be running. */
  startAssessment(protocol: AssessmentProtocol): void {
    if (!this.#session.running) return;
    const rates =
      protocol === 'sliding' ? slidingBreathRates() : steppedBreathRates(steppedOptions(protocol));
    const share = inhaleShare(this.basePattern);
    this.#plan = { protocol, rates, first: this.#session.pacerNow().breathIndex + 1 };
    this.#assessment = progress(protocol, rates, 0, null);
    this.#session.setPattern(patternFromRate(rates[0] ?? 6, share));
    this.#reason = { kind: 'assessment-running', protocol };
  }

  /**
   * Stops the assessment; what it measured so far is kept as the result, marked partial, when any rate has a
   * response (the pacer does not move to a partial answer).
   */
  cancelAssessment(): void {
    const plan = this.#plan;
    if (!plan) return;
    const sofar = this.#score(plan);
    this.#plan = null;
    this.#assessment = null;
    const kept = sofar.points.some((p) => p.amplitudeBpm !== null);
    if (kept) this.#keep({ ...sofar, partial: true });
    this.#reason = { kind: 'assessment-stopped', kept };
    this.#session.setPattern(this.basePattern);
  }

  /**
   * A controller from the rate now. At a session's start it moves from the first breaths (the breaths of the first
   * 45 s are not fitted anyway); from a rate the person chose (by hand, a preset, an assessment) it holds that rate
   * for the heart's settling time first, so their choice is felt before the pacer steers on. A rate near the
   * person's assessed resonance is taken as known to suit them ({@link knownRateController}): the pacer checks it
   * nearby instead of sweeping far from it.
   */
  #newController(holdFirstS = CHOSEN_RATE_HOLD_S): AdaptiveController {
    const rateBpm = this.#session.rateBpm;
    const assessed = this.#result?.foundBpm ?? null;
    const known = assessed !== null && Math.abs(rateBpm - assessed) <= KNOWN_RATE_NEAR_BPM;
    const c = new AdaptiveController(
      rateBpm,
      { band: this.#band, holdFirstS, ...(known ? knownRateController(rateBpm) : {}) },
      this.#session.elapsedS(),
    );
    if (this.#locked) c.lock();
    return c;
  }

  /**
   * What the pacer steers by in this session: beats, or heart rate only (no beats, heart-rate readings from a
   * device without RR). Assessments made on heart rate only are marked so.
   */
  get signal(): 'rr' | 'heart-rate' {
    return this.#swings.signal;
  }

  #onStarted(): void {
    this.#swings.reset();
    this.#response = null;
    this.#lastBreath = -1;
    this.#controller = this.#newController(DEFAULT_CONTROLLER.holdFirstS);
    this.#loop = this.#outputs.cueLoop(this.#session.schedule, () => this.#session.elapsedS());
    this.#loop?.setOptions(this.#cues);
    this.#loop?.start();
    void this.#outputs.wakeLock?.acquire().then((s) => (this.#wake = s));
  }

  #onStopped(): void {
    // Mid-assessment the pattern is the protocol's, not the person's: keep theirs.
    if (!this.#plan) this.#settings.set('startPattern', this.#session.pattern);
    this.#loop?.stop();
    this.#loop = null;
    if (this.#session.completed) this.#outputs.endCue?.(this.#cues);
    void this.#outputs.wakeLock?.release().then(() => (this.#wake = 'off'));
    this.cancelAssessment();
  }

  /** The worker measured the breaths finished as a new breath began: keep the swings, then steer or score. */
  #onBreathResponse(response: LiveResponse): void {
    this.#swings.answer(response);
    // The answer comes a moment after the breath began; the decision is for the breath after it, as before.
    this.#onPacer({ breathIndex: response.breathIndex, breathStartS: response.atS });
  }

  /** A heart-rate reading from a device without RR: kept, and the breath boundaries go by it while no beat comes. */
  #onHeartRate(heartRateBpm: number, timeS: number, pacer: PacerState): void {
    if (!this.#swings.heartRate(heartRateBpm, timeS)) return;
    if (this.signal === 'heart-rate') this.#onPacer(pacer);
  }

  /** At each new breath: the assessment's next step, or the adaptive controller's decision. */
  #onPacer(pacer: Pick<PacerState, 'breathIndex' | 'breathStartS'>): void {
    if (pacer.breathIndex === this.#lastBreath) return;
    this.#lastBreath = pacer.breathIndex;
    if (this.#plan) this.#assessmentBreath(pacer.breathIndex);
    else this.#adaptiveBreath(pacer);
  }

  #adaptiveBreath(pacer: Pick<PacerState, 'breathIndex' | 'breathStartS'>): void {
    if (!this.#adaptive || !this.adaptable) return;
    // The person moved the rate slider since the controller last set it: steer on from their choice.
    if (!this.#controller || Math.abs(this.#session.rateBpm - this.#controller.rateBpm) > 1e-6) {
      this.#controller = this.#newController();
    }
    const schedule = this.#session.schedule;
    // The worker fits the beats' swings over the controller's window (live-response.ts STEER_WINDOW_BREATHS).
    const d = this.#controller.decideWith(pacer.breathStartS, schedule, (spans, window) =>
      this.#swings.steer(spans, window),
    );
    this.#response = this.signal === 'heart-rate' ? null : this.#swings.indicator;
    this.#reason = d.reason;
    this.#action = d.action;
    if (Math.abs(d.rateBpm - this.#session.rateBpm) > 1e-6) {
      this.#session.setPattern(withRate(this.basePattern, d.rateBpm));
    }
  }

  #assessmentBreath(index: number): void {
    const plan = this.#plan;
    if (!plan) return;
    const k = index - plan.first;
    if (k < 0) return;
    const done = Math.min(k, plan.rates.length);
    // Re-scoring every few breaths keeps the partial picture current without scoring every breath.
    const sofar = done % 4 === 0 && done > 0 ? this.#score(plan) : (this.#assessment?.sofar ?? null);
    this.#assessment = progress(plan.protocol, plan.rates, done, sofar);
    const next = plan.rates[k + 1];
    if (next !== undefined) {
      this.#session.setPattern(patternFromRate(next, inhaleShare(this.basePattern)));
      return;
    }
    if (k < plan.rates.length) {
      // The last breath of the protocol has begun: the one after it returns to the person's pattern.
      this.#session.setPattern(this.basePattern);
      return;
    }
    this.#finish(plan);
  }

  /**
   * The protocol scored from the breaths finished so far (all of them once it is over), from the beats, or from the
   * heart-rate swings when the device sends no beats (marked as such).
   */
  #score(plan: { protocol: AssessmentProtocol; rates: number[]; first: number }): AssessmentResult {
    const schedule = this.#session.schedule;
    const heartRateOnly = this.signal === 'heart-rate';
    const breaths = protocolBreaths(schedule, plan.rates.length, plan.first);
    // From the worker: over the person's measured breaths when the strap streams them (live-response.ts).
    const swings = this.#swings.assess(breaths);
    const result =
      plan.protocol === 'sliding'
        ? slidingFromSwings(swings)
        : steppedFromSwings(swings, steppedOptions(plan.protocol));
    return heartRateOnly ? { ...result, signal: 'heart-rate' } : result;
  }

  #keep(r: AssessmentResult): void {
    const stored: StoredAssessment = { ...r, dateIso: new Date().toISOString() };
    this.#result = stored;
    this.#settings.set('assessment', stored);
  }

  #finish(plan: { protocol: AssessmentProtocol; rates: number[]; first: number }): void {
    const r = this.#score(plan);
    this.#plan = null;
    this.#assessment = null;
    this.#keep(r);
    if (this.#result) this.#onAssessed(this.#result);
    this.#reason = { kind: 'assessment-done', result: r };
    if (r.foundBpm !== null) {
      this.#session.setPattern(withRate(this.basePattern, r.foundBpm));
      this.#controller = this.#newController();
    }
  }
}

const steppedOptions = (protocol: 'stepped' | 'quick') =>
  protocol === 'quick' ? QUICK_STEPPED : DEFAULT_STEPPED;

function progress(
  protocol: AssessmentProtocol,
  rates: readonly number[],
  done: number,
  sofar: AssessmentResult | null,
): AssessmentProgress {
  const rateBpm = rates[Math.min(done, rates.length - 1)] ?? 6;
  const later = rates.slice(done + 1);
  // For stepped the next step is the next different rate; for sliding, the next breath's.
  const nextRateBpm =
    protocol !== 'sliding' ? (later.find((r) => Math.abs(r - rateBpm) > 1e-9) ?? null) : (later[0] ?? null);
  const secondsLeft = rates.slice(done).reduce((s, r) => s + 60 / r, 0);
  return { protocol, done, total: rates.length, rateBpm, nextRateBpm, secondsLeft, sofar };
}
