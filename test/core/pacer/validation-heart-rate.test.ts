import { describe, expect, it } from 'vitest';
import { allPanels, runOutcome, summarise } from '../../../src/core/pacer/validation';
import { validationPanel, type ModelName } from '../../../src/core/physiology/models';

/**
 * The validation gate of docs/pacer-validation.md repeated on heart rate only (docs/heart-rate-only.md): each person
 * of both 30-person panels measured through a simulated watch that sends, once a second, the 3 s or the 5 s average
 * of its heart rate in whole bpm, up to 0.3 s late, 2 % lost, and through beats beside it. The gate (>= 90 % of
 * people get >= 90 % of their maximal response) is judged over 250 people per model, where one person is 0.4 points
 * rather than 3.3, in `npm run bench pacer-hr-only` (eight minutes of runs, too slow for the unit run).
 * Here, on the 30 people the results from beats are asserted on, each figure is held at what this panel reaches (the
 * gate, or one person short of it, 87 %) and within 10 points of beats, so that a regression fails.
 */
const PEOPLE = 30;
const watch = (smoothingS: number) => ({ smoothingS, jitterS: 0.3, dropShare: 0.02, seed: 1 });
const PROTOCOLS = ['stepped', 'quick', 'sliding'] as const;

/** Share of people reached, [3 s watch, 5 s watch]. */
const REACHED: Record<ModelName, Record<(typeof PROTOCOLS)[number], readonly [number, number]>> = {
  resonator: { stepped: [0.86, 0.86], quick: [0.86, 0.9], sliding: [0.9, 0.9] },
  'baroreflex-delay': { stepped: [0.9, 0.9], quick: [0.9, 0.9], sliding: [0.9, 0.86] },
};

/**
 * The adaptive rate after 20 and after 10 minutes (started 1/min away), [3 s watch, 5 s watch], steered by swings
 * with the watch's averaging tilt taken out (hr-only/swing.ts `steeringSwings`): the gate where met (after 20 minutes
 * everywhere, 93-97 %; after 10 with a 3 s watch, 90 % as from beats), else what is reached (after 10 with a 5 s
 * watch one person short, 87 %; on the held-out people 93-95 %).
 */
const ADAPTIVE: Record<
  ModelName,
  { after20: readonly [number, number]; after10: readonly [number, number] }
> = {
  resonator: { after20: [0.9, 0.9], after10: [0.9, 0.86] },
  'baroreflex-delay': { after20: [0.9, 0.9], after10: [0.9, 0.86] },
};

describe('resonance protocols on heart rate only', { timeout: 300_000 }, () => {
  for (const model of ['resonator', 'baroreflex-delay'] as const) {
    const panel = validationPanel(model, PEOPLE);
    for (const protocol of PROTOCOLS) {
      const [at3, at5] = REACHED[model][protocol];
      it(`${model} ${protocol}: >= 90 % of the response in >= ${at3 * 100} % (3 s watch) and >= ${at5 * 100} % (5 s) of people, within 10 points of beats`, () => {
        const rr = summarise(panel.map((p) => runOutcome(p, protocol)));
        const hr3 = summarise(panel.map((p) => runOutcome(p, protocol, { watch: watch(3) })));
        const hr5 = summarise(panel.map((p) => runOutcome(p, protocol, { watch: watch(5) })));
        expect(hr3.people).toBe(PEOPLE);
        expect(hr3.passShare).toBeGreaterThanOrEqual(at3);
        expect(hr5.passShare).toBeGreaterThanOrEqual(at5);
        for (const hr of [hr3, hr5]) expect(hr.passShare).toBeGreaterThanOrEqual(rr.passShare - 0.1 - 1e-9);
      });
    }

    const reached = ADAPTIVE[model];
    it(`${model} adaptive: >= 90 % of the response after 20 minutes in >= ${reached.after20.map((x) => x * 100).join(' / ')} % of people (3 s / 5 s watch), after 10 in >= ${reached.after10.map((x) => Math.round(x * 100)).join(' / ')} %`, () => {
      [3, 5].forEach((smoothingS, i) => {
        const outcomes = panel.map((p) => runOutcome(p, 'adaptive', { watch: watch(smoothingS) }));
        const s = summarise(outcomes);
        expect(s.passShare).toBeGreaterThanOrEqual((reached.after20[i] as number) - 1e-9);
        expect(s.passShare10).toBeGreaterThanOrEqual((reached.after10[i] as number) - 1e-9);
        for (const o of outcomes) {
          expect(o.answerBpm).toBeGreaterThanOrEqual(4);
          expect(o.answerBpm).toBeLessThanOrEqual(7);
        }
      });
    });
  }
});

describe('every validation panel together', () => {
  it('holds the test, wider and held-out panels: 250 different people per model', () => {
    for (const model of ['resonator', 'baroreflex-delay'] as const) {
      const people = allPanels(model);
      expect(people).toHaveLength(250);
      expect(new Set(people.map((p) => p.seed)).size).toBe(250);
      expect(people.slice(0, PEOPLE).map((p) => p.seed)).toEqual(
        validationPanel(model, PEOPLE).map((p) => p.seed),
      );
    }
  });
});
