import { describe, expect, it } from 'vitest';
import { runOutcome, summarise } from '../../../src/core/pacer/validation';
import { validationPanel, type ModelName } from '../../../src/core/physiology/models';

/**
 * Issue 14's validation: the pacer issue's panels (30 simulated people per physiology model, their lag 0-1.2 s,
 * depth jitter, sighs, skipped breaths), each person's ACTUAL breath turned into chest acceleration and measured as
 * the live session measures an H10's, the measured breaths handed to the stepped and sliding protocols and the adaptive
 * controller. The gate asked for is >= 95 % of people at >= 90 % of their maximal response: stepped and adaptive
 * (after 10 and after 20 minutes) are held to it; all are printed. The same panels without the
 * chest strap are test/core/pacer/validation.test.ts (see docs/pacer-validation.md, "Measured breathing").
 */
const PEOPLE = 30;
const panel = (model: ModelName) => validationPanel(model, PEOPLE);
/**
 * Stepped and adaptive (after 20 minutes) meet the gate of >= 95 % on the test panels; sliding is held to the pacer
 * issue's 90 %. Adaptive is also held to the gate on the larger panel below.
 */
const REACHED = { stepped: 0.95, sliding: 0.9, adaptive: 0.95 } as const;

describe('resonance protocols with the person’s measured breath', { timeout: 300_000 }, () => {
  for (const model of ['resonator', 'baroreflex-delay'] as const)
    for (const protocol of ['stepped', 'sliding', 'adaptive'] as const)
      it(`${model}, ${protocol}: >= ${REACHED[protocol] * 100} % of people get >= 90 % of their response`, () => {
        const people = panel(model);
        const measured = summarise(people.map((p) => runOutcome(p, protocol, { measuredBreathing: true })));
        const at10 =
          measured.passShare10 === null ? '' : `, after 10 min ${(measured.passShare10 * 100).toFixed(0)} %`;
        console.info(
          `${model} ${protocol}, measured breath: ${(measured.passShare * 100).toFixed(0)} %${at10} (gate 95 %)`,
        );
        expect(measured.people).toBe(PEOPLE);
        expect(measured.passShare).toBeGreaterThanOrEqual(REACHED[protocol]);
        if (protocol === 'adaptive') expect(measured.passShare10).toBeGreaterThanOrEqual(0.95);
      });
});

describe(
  'the adaptive rate with the person’s measured breath, on 100 more people per model',
  { timeout: 300_000 },
  () => {
    // Seeds 501-600, never used to tune anything: one person is 1 % here, not 3 %.
    for (const model of ['resonator', 'baroreflex-delay'] as const)
      it(`${model}: >= 95 % of people get >= 90 % of their response after 10 and after 20 minutes`, () => {
        const s = summarise(
          validationPanel(model, 100, 501).map((p) => runOutcome(p, 'adaptive', { measuredBreathing: true })),
        );
        console.info(
          `${model} adaptive, measured breath, 100 people: ${(s.passShare * 100).toFixed(0)} % after 20 min, ${((s.passShare10 ?? 0) * 100).toFixed(0)} % after 10 (gate 95 %)`,
        );
        expect(s.passShare).toBeGreaterThanOrEqual(0.95);
        expect(s.passShare10).toBeGreaterThanOrEqual(0.95);
      });
  },
);
