import { describe, expect, it } from 'vitest';
import type { ChestBreathing } from '../../../src/core/respiration/chest-breathing';
import { breathWords, rrBreathWords } from '../../../src/ui/breathing/breath-text';
import { breathTrace } from '../../../src/ui/breathing/breath-trace';

const signal = {
  startS: 0,
  stepS: 0.1,
  values: Float32Array.from({ length: 600 }, (_, k) => Math.sin(k / 10)),
};
const measured = (rateBpm: number, lagS: number | null): ChestBreathing => ({
  status: 'ok',
  rateBpm,
  breaths: [],
  lagS,
  phaseDeg: lagS === null ? null : lagS * 36,
  pacerCorrelation: lagS === null ? null : 0.9,
  signal,
});

describe('breathWords', () => {
  it('says nothing without a measured breath', () => {
    expect(breathWords(null, 6)).toBeNull();
  });

  it('reads a breath with the pacer without a cue', () => {
    expect(breathWords(measured(6.04, 0.3), 6)).toEqual({
      rate: '6.0 breaths/min',
      timing: 'With the pacer',
      cue: null,
      problem: null,
    });
  });

  it('gives a calm cue to a breath behind or ahead of the pacer', () => {
    const behind = breathWords(measured(6, 1.24), 6);
    expect(behind?.timing).toBe('1.2 s behind the pacer');
    expect(behind?.cue).toMatch(/circle starts/);
    const ahead = breathWords(measured(6, -1.5), 6);
    expect(ahead?.timing).toBe('1.5 s ahead of the pacer');
    expect(ahead?.cue).toMatch(/let it lead/);
  });

  it('asks a much faster breath to slow down, whatever its lag', () => {
    expect(breathWords(measured(10, 0), 6)?.cue).toMatch(/quicker than the guide/);
    expect(breathWords(measured(8.5, 0), 6)?.cue).toBeNull();
  });

  it('says why there is no reading', () => {
    const words = breathWords({ status: 'cannot-measure', reason: 'movement' }, 6);
    expect(words?.problem).toMatch(/Moving/);
    expect(words?.rate).toBeNull();
  });
});

describe('rrBreathWords', () => {
  it('shows the heart-rhythm rate only when it could be estimated, and whether the heart follows the pacer', () => {
    expect(rrBreathWords(undefined)).toBeNull();
    expect(
      rrBreathWords({ status: 'cannot-estimate', reason: 'no-clear-rhythm', pacer: 'not-following' }),
    ).toBeNull();
    const words = rrBreathWords({
      status: 'ok',
      rateBpm: 5.96,
      spectralBpm: 5.9,
      countedBpm: 6,
      quality: 0.9,
      pacer: 'follows',
    });
    expect(words?.rate).toBe('About 6.0 breaths/min, read from your heart rhythm');
    expect(words?.timing).toBe('Your heart follows the pacer');
  });
});

describe('breathTrace', () => {
  it('draws the last 30 s: the pacer in the top half, the breath in the bottom half, on one time axis', () => {
    const trace = breathTrace(signal, () => 1, 30, 300, 64);
    const points = (line: string) => line.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
    const pacer = points(trace!.pacer);
    const person = points(trace!.person);
    expect(pacer.length).toBeGreaterThanOrEqual(299);
    expect(pacer[0]![0]).toBeLessThan(1.5);
    expect(pacer.at(-1)![0]).toBe(300);
    expect(pacer.every(([, y]) => y < 32)).toBe(true);
    expect(person.every(([, y]) => y >= 32 && y <= 64)).toBe(true);
    expect(Math.max(...person.map(([, y]) => y)) - Math.min(...person.map(([, y]) => y))).toBeGreaterThan(24);
  });

  it('draws nothing from fewer than two samples', () => {
    expect(
      breathTrace({ startS: 0, stepS: 0.1, values: new Float32Array(1) }, () => 0, 30, 300, 64),
    ).toBeNull();
  });
});
