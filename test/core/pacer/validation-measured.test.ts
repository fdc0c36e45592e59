import { describe, expect, it } from 'vitest';
import { runOutcome, summarise } from '../../../src/core/pacer/validation';
import { validationPanel, type ModelName } from '../../../src/core/physiology/models';

/**
 * Issue 14's validation: the pacer issue's panels (30 simulated people per physiology model, their lag 0-1.2 s,
 * depth jitter, sighs, skipped breaths), each person's ACTUAL breath turned into chest acceleration and measured as
 * the live session measures an H10's, the measured breaths handed to the stepped and sliding protocols and the adaptive
 * controller. The gate asked for is >= 95 % of people at >= 90 % of their maximal response: stepped and adaptive
 * (after 20 minutes) are held to it; all are printed. The same panels without the
 * chest strap are test/core/pacer/validation.test.ts (see docs/pacer-validation.md, "Measured breathing").
 */
const PEOPLE = 30;
const panel = (model: ModelName) => validationPanel(model, PEOPLE);
/** Stepped and adaptive (after 20 minutes) meet the gate of >= 95 %; sliding is held to the pacer issue's 90 %. */
const REACHED = { stepped: 0.95, sliding: 0.9, adaptive: 0.95 } as const;

describe('resonance protocols with the person’s measured breath', { timeout: 300_000 }, () => {
  for (const model of ['resonator', 'baroreflex-delay'] as const)
    for (const protocol of ['stepped', 'sliding', 'adaptive'] as const)
      it(`${model}, ${protocol}: >= ${REACHED[protocol] * 100} % of people get >= 90 % of their response`, () => {
        const people = panel(model);
        const measured = summarise(people.map((p) => runOutcome(p, protocol, { measuredBreathing: true })));
        console.info(
          `${model} ${protocol}, measured breath: ${(measured.passShare * 100).toFixed(0)} % (gate 95 %)`,
        );
        expect(measured.people).toBe(PEOPLE);
        expect(measured.passShare).toBeGreaterThanOrEqual(REACHED[protocol]);
      });
});
