import { describe, expect, it } from 'vitest';
import { breathingResponse, type HeartRateSeries } from '../../../src/core/hrv/biofeedback';
import { LiveHrv } from '../../../src/core/hrv/live';
import type { BeatLabelName } from '../../../src/core/hrv/artifacts';
import {
  ASSESS_WINDOW_BREATHS,
  LiveBreathResponse,
  STEER_WINDOW_BREATHS,
  type LiveResponse,
} from '../../../src/core/pacer/live-response';
import { breathPeriodS, patternFromRate } from '../../../src/core/pacer/pattern';
import { measuredBreathSwings, type BreathSwing } from '../../../src/core/pacer/response';
import { PacerSchedule } from '../../../src/core/pacer/schedule';
import { SimulatedHeart } from '../../../src/core/physiology/simulated-heart';

/**
 * A simulated person (with ectopic beats) breathing with a pacer that changes rate, fed beat by beat through the
 * live engine and the per-breath response as the worker runs them, telling each breath as a beat shows it began.
 */
interface Beat {
  readonly seq: number;
  readonly rrMs: number;
  readonly timeS: number;
}

function run(durationS: number, chest = false) {
  const heart = new SimulatedHeart({ seed: 3, resonanceBpm: 5.5, ectopicRate: 0.02 });
  const schedule = new PacerSchedule(patternFromRate(6, 0.4));
  const live = new LiveHrv();
  const response = new LiveBreathResponse();
  const beats: Beat[] = [];
  const labels = new Map<number, BeatLabelName>();
  const answers: LiveResponse[] = [];
  let told = -1;
  /** The labels settled when the last answer was given. */
  let labelsAtLast = new Map<number, BeatLabelName>();
  while (heart.timeS < durationS) {
    const beat = heart.nextBeat((t) => schedule.at(t).volume);
    const timeMs = beat.timeS * 1000;
    const entered = { seq: beats.length + 1, rrMs: beat.rrMs, timeMs };
    const metrics = live.push(entered);
    response.beat(entered);
    response.label(metrics.labels);
    beats.push({ seq: entered.seq, rrMs: beat.rrMs, timeS: beat.timeS });
    for (const l of metrics.labels) labels.set(l.seq, l.label);
    const pacer = schedule.at(beat.timeS);
    if (pacer.breathIndex !== told) {
      const begun = schedule.breaths().filter((b) => b.index > told);
      told = pacer.breathIndex;
      // With a chest strap: the breaths finished so far, taken with the pacer (this heart breathes on time).
      const all = schedule.breaths();
      const measured = chest
        ? all.slice(0, -1).map((b, i) => ({ inhaleS: b.startS, endS: all[i + 1]!.startS, lagS: 0 }))
        : [];
      const answer = response.began({ breaths: begun, measured });
      if (answer) answers.push(answer);
      labelsAtLast = new Map(labels);
      // The pacer slows by a tenth every breath, so breaths differ in length.
      schedule.setPattern(patternFromRate(Math.max(4.5, 6 - 0.1 * told), 0.4), beat.timeS);
    }
  }
  return { schedule, beats, labels, answers, labelsAtLast: () => labelsAtLast };
}

/** The same swing up to rounding (the fit reads the series from another first sample). */
function expectSameSwing(got: BreathSwing | undefined, want: BreathSwing | undefined): void {
  expect(got === undefined).toBe(want === undefined);
  if (!got || !want) return;
  expect({ ...got, swingBpm: null, maxMinBpm: null }).toEqual({ ...want, swingBpm: null, maxMinBpm: null });
  for (const key of ['swingBpm', 'maxMinBpm'] as const) {
    expect(got[key] === null).toBe(want[key] === null);
    expect(got[key] ?? 0).toBeCloseTo(want[key] ?? 0, 9);
  }
}

describe('LiveBreathResponse', () => {
  const { schedule, beats, labels, answers, labelsAtLast } = run(8 * 60);
  const all = schedule.breaths();
  const spans = all.slice(0, -1).map((b, i) => ({ startS: b.startS, endS: (all[i + 1] ?? b).startS }));
  const normal = beats.filter((b) => labels.get(b.seq) === 'normal');
  const series = {
    timeS: normal.map((b) => b.timeS - b.rrMs / 2000),
    hrBpm: normal.map((b) => 60000 / b.rrMs),
  };

  it('answers once at each breath of the pacer, for the breath just begun', () => {
    expect(answers.length).toBe(all.length);
    expect(answers.map((a) => a.breathIndex)).toEqual(all.map((b) => b.index));
    expect(answers.map((a) => a.atS)).toEqual(all.map((b) => b.startS));
  });

  it('measures each breath, at its last revision, as the pure functions do on the engine’s normal beats', () => {
    const last = new Map<number, LiveResponse['breaths'][number]>();
    for (const a of answers) for (const b of a.breaths) last.set(b.index, b);
    const steer = measuredBreathSwings(series, spans, STEER_WINDOW_BREATHS, [], false);
    const assess = measuredBreathSwings(series, spans, ASSESS_WINDOW_BREATHS, []);
    // Every finished breath was measured; the newest ones lack the labels of the session's last two beats.
    expect([...last.keys()]).toEqual(spans.map((_, i) => (all[i] ?? { index: -1 }).index));
    const settled = spans.filter((s) => s.endS < (beats.at(-1)?.timeS ?? 0) - 20);
    expect(settled.length).toBeGreaterThan(30);
    for (let i = 0; i < settled.length; i += 1) {
      const got = last.get((all[i] ?? { index: -1 }).index);
      expectSameSwing(got?.steer, steer[i]);
      expectSameSwing(got?.assess, assess[i]);
    }
    const swings = settled.map((_, i) => steer[i]?.swingBpm ?? null).filter((s) => s !== null);
    expect(swings.length).toBeGreaterThan(30);
    expect(Math.min(...swings)).toBeGreaterThan(2);
  });

  it('gives each steering swing the phase of heart rate against the measured breath, only with a chest strap', () => {
    const last = (answers: LiveResponse[]) => answers.at(-1)?.breaths.at(-1)?.steer;
    const withChest = last(run(240, true).answers);
    expect(typeof withChest?.breathPhaseDeg).toBe('number');
    expect(Math.abs(withChest?.breathPhaseDeg ?? 999)).toBeLessThanOrEqual(180);
    expect(last(run(240).answers)?.breathPhaseDeg).toBeUndefined();
  });

  it('gives the indicator from the engine’s labels: flagged beats are the artifacts, not the 20 % rule', () => {
    const final = answers.at(-1);
    if (!final) throw new Error('no answer');
    // The labels as they stood when the answer was given (the newest beats were labelled later).
    const then = labelsAtLast();
    const labelled = beats.filter((b) => then.has(b.seq));
    const engineSeries = (bs: readonly Beat[]): HeartRateSeries => {
      const kept = bs.filter((b) => then.get(b.seq) === 'normal');
      return {
        timeS: kept.map((b) => b.timeS - b.rrMs / 2000),
        hrBpm: kept.map((b) => 60000 / b.rrMs),
        rrMs: kept.map((b) => b.rrMs),
        rejected: bs.length - kept.length,
      };
    };
    const at = final.atS;
    const pattern = all.at(-1)?.pattern;
    if (!pattern) throw new Error('no breath');
    const expected = breathingResponse(
      labelled,
      (t) => schedule.at(t).volume,
      spans,
      at - 60,
      at,
      1 / breathPeriodS(pattern),
      engineSeries,
    );
    expect(final.indicator).toEqual(expected);
    expect(final.indicator.amplitudeBpm.status).toBe('ok');
    const flagged = labelled.filter(
      (b) => b.timeS >= at - 60 && b.timeS < at && then.get(b.seq) !== 'normal',
    );
    expect(final.indicator.artifactShare).toBeCloseTo(
      flagged.length / labelled.filter((b) => b.timeS >= at - 60 && b.timeS < at).length,
      12,
    );
  });

  it('leaves out a beat the engine has not labelled yet, and the interval before a gap', () => {
    const response = new LiveBreathResponse();
    const pattern = patternFromRate(6, 0.4);
    for (let k = 1; k <= 30; k += 1)
      response.beat({ seq: k, rrMs: 1000, timeMs: k * 1000, afterGap: k === 15 });
    response.label(Array.from({ length: 20 }, (_, i) => ({ seq: i + 1, label: 'normal' as const })));
    const answer = response.began({
      breaths: [
        { index: 0, startS: 0, pattern },
        { index: 1, startS: 10, pattern },
        { index: 2, startS: 20, pattern },
        { index: 3, startS: 30, pattern },
      ],
      measured: [],
    });
    // Breaths 0 and 1 have their beats labelled (beat 15, after a gap, is none); breath 2 has none labelled.
    expect(answer?.breaths.map((b) => b.assess.swingBpm === null)).toEqual([false, false, true]);
    expect(answer?.breaths.map((b) => b.index)).toEqual([0, 1, 2]);
  });
});
