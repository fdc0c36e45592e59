import { describe, expect, it } from 'vitest';
import { runOutcome, summarise } from '../../../src/core/pacer/validation';
import { validationPanel, type ModelName } from '../../../src/core/physiology/models';

/**
 * Validation of the resonance protocols on panels of 30 simulated people per physiology model (resonance spread
 * over 4.5-6.5, breathing lag 0-1.2 s, depth jitter, sighs, skipped breaths, 1/f background, resonance shifting
 * between and within sessions, 1-3 % ectopic beats, RR in 1/1024 s): the gate of docs/pacer-validation.md, where
 * the answer must give >= 90 % of the person's maximal heart-rate response. What the protocols reach today is
 * asserted as it stands, below the gate where they fall short, so that a regression fails; the table in
 * docs/pacer-validation.md gives the figures.
 */
const PEOPLE = 30;
const panel = (model: ModelName) => validationPanel(model, PEOPLE);

describe('resonance protocols on panels of simulated people', { timeout: 120_000 }, () => {
  for (const model of ['resonator', 'baroreflex-delay'] as const) {
    it(`${model}: the sliding sweep meets the gate (>= 90 % of people get >= 90 % of their response)`, () => {
      const s = summarise(panel(model).map((p) => runOutcome(p, 'sliding')));
      expect(s.people).toBe(PEOPLE);
      expect(s.passShare).toBeGreaterThanOrEqual(0.9);
    });

    it(`${model}: the stepped protocol gives >= 90 % of the response in at least 80 % of people`, () => {
      const s = summarise(panel(model).map((p) => runOutcome(p, 'stepped')));
      expect(s.passShare).toBeGreaterThanOrEqual(0.8);
    });
  }

  it('adaptive (20 minutes, started 1/min away) does better than steering by phase did (28 %)', () => {
    const outcomes = panel('baroreflex-delay').map((p) => runOutcome(p, 'adaptive'));
    const s = summarise(outcomes);
    expect(s.passShare).toBeGreaterThanOrEqual(0.5);
    // It never ends pinned to a hard limit.
    expect(outcomes.every((o) => o.answerBpm !== null && o.answerBpm > 4 && o.answerBpm < 7)).toBe(true);
  });
});
