/**
 * Pacer figures: how long each protocol needs to reach its answer on the validation panels (median over 30 people
 * of each model, `pacer-time-to-rf-s-*`: an assessment's length, or for adaptive the time from which the rate stays
 * at >= 90 % of the person's maximal response; src/core/pacer/validation.ts), how long a fast-forward validation
 * run takes, what one controller decision and one frame of the schedule cost. Medians of repeated runs (the
 * machine is shared).
 */
import { AdaptiveController } from '../../src/core/pacer/controller';
import { fastForward } from '../../src/core/pacer/fast-forward';
import { patternFromRate } from '../../src/core/pacer/pattern';
import { PacerSchedule } from '../../src/core/pacer/schedule';
import { PROTOCOLS, simulateProtocol } from '../../src/core/pacer/simulation';
import { runOutcome } from '../../src/core/pacer/validation';
import { MODELS, validationPanel } from '../../src/core/physiology/models';
import { SimulatedHeart } from '../../src/core/physiology/simulated-heart';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function timeMs(run: () => void, repeats: number): number {
  const out: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const t0 = performance.now();
    run();
    out.push(performance.now() - t0);
  }
  return median(out);
}

export async function run(): Promise<Record<string, number>> {
  const stepped = timeMs(() => simulateProtocol({ protocol: 'stepped', resonanceBpm: 5.5, seed: 1 }), 5);
  const sliding = timeMs(() => simulateProtocol({ protocol: 'sliding', resonanceBpm: 5.5, seed: 1 }), 5);
  const adaptive = timeMs(
    () => simulateProtocol({ protocol: 'adaptive', resonanceBpm: 5.5, seed: 1, startBpm: 6.5 }),
    5,
  );
  const schedule = new PacerSchedule(patternFromRate(6));
  const beats = fastForward(new SimulatedHeart({ seed: 2 }), schedule, 600);
  // One decision as a session makes it: at a breath start, with the breaths before it already taken in.
  const controller = new AdaptiveController(6);
  const decisions: number[] = [];
  for (const breath of schedule.breaths()) {
    const t0 = performance.now();
    controller.decide(breath.startS, beats, schedule);
    if (breath.startS > 300) decisions.push(performance.now() - t0);
  }
  const decideMs = median(decisions);
  const frames = new PacerSchedule(patternFromRate(6));
  let t = 0;
  const frameNs =
    (timeMs(() => {
      for (let i = 0; i < 60_000; i += 1) frames.at((t += 1 / 60));
    }, 5) *
      1e6) /
    60_000;
  const timeToRf: Record<string, number> = {};
  for (const protocol of PROTOCOLS) {
    const all: number[] = [];
    for (const model of MODELS) {
      const times = validationPanel(model, 30).map((p) => runOutcome(p, protocol).timeToAnswerS);
      timeToRf[`pacer-time-to-rf-s-${protocol}-${model}`] = median(times);
      all.push(...times);
    }
    timeToRf[`pacer-time-to-rf-s-${protocol}`] = median(all);
  }
  return {
    ...timeToRf,
    'pacer-stepped-run-ms': stepped,
    'pacer-sliding-run-ms': sliding,
    'pacer-adaptive-20min-run-ms': adaptive,
    'pacer-controller-decision-ms': decideMs,
    'pacer-schedule-frame-ns': frameNs,
  };
}
