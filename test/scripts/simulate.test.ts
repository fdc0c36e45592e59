import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatSimulation, parseSimulateArgs, type SimulateJson } from '../../scripts/simulate-cli';

describe('npm run simulate', () => {
  it('prints the JSON the issue specifies for an assessment', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/simulate.ts',
        '--resonance',
        '5.5',
        '--seed',
        '4',
        '--protocol',
        'stepped',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    const json = JSON.parse(out) as SimulateJson;
    expect(Object.keys(json)).toEqual([
      'protocol',
      'seed',
      'trueResonanceBpm',
      'foundBpm',
      'finalBpm',
      'rateTrace',
    ]);
    expect(json).toMatchObject({ protocol: 'stepped', seed: 4, trueResonanceBpm: 5.5, finalBpm: null });
    // The answer is the peak of the curve through the five steps: inside their range.
    expect(json.foundBpm).toBeGreaterThanOrEqual(4.5);
    expect(json.foundBpm).toBeLessThanOrEqual(6.5);
    // 13 + 12 + 11 + 10 + 9 breaths of 2 minutes per rate.
    expect(json.rateTrace).toHaveLength(55);
    expect(json.rateTrace[0]).toEqual([0, 6.5]);
    expect(json.rateTrace[13]).toEqual([120, 6]);
  });

  it('gives the adaptive rate over time and the final rate, foundBpm null', () => {
    const parsed = parseSimulateArgs([
      '--resonance',
      '5',
      '--seed',
      '1',
      '--protocol',
      'adaptive',
      '--start',
      '6',
      '--json',
    ]);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const json = JSON.parse(formatSimulation(parsed.options, parsed.json)) as SimulateJson;
    expect(json.foundBpm).toBeNull();
    expect(json.rateTrace[0]).toEqual([0, 6]);
    const times = json.rateTrace.map(([t]) => t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(json.finalBpm).toBe(json.rateTrace.at(-1)?.[1]);
    expect(Math.abs((json.finalBpm ?? 0) - 5)).toBeLessThanOrEqual(0.5);
  });

  it('the sliding run breathes 78 breaths from 6.75 to 4.25', () => {
    const parsed = parseSimulateArgs(['--resonance', '6', '--seed', '2', '--protocol', 'sliding']);
    if (!parsed.ok) throw new Error(parsed.error);
    const text = formatSimulation(parsed.options, true);
    const json = JSON.parse(text) as SimulateJson;
    expect(json.rateTrace).toHaveLength(78);
    expect(json.rateTrace[0]?.[1]).toBe(6.75);
    expect(json.rateTrace[77]?.[1]).toBe(4.25);
    expect(formatSimulation(parsed.options, false)).toMatch(/found \d\.\d+ breaths\/min\n$/);
  });

  it('explains every bad command line instead of crashing', () => {
    const error = (argv: string[]) => {
      const r = parseSimulateArgs(argv);
      return r.ok ? '' : r.error;
    };
    expect(error(['--seed', '1', '--protocol', 'stepped'])).toMatch(/--resonance must be/);
    expect(error(['--resonance', 'abc', '--seed', '1', '--protocol', 'stepped'])).toMatch(
      /--resonance must be/,
    );
    expect(error(['--resonance', '5', '--seed', '1.5', '--protocol', 'stepped'])).toMatch(/--seed must be/);
    expect(error(['--resonance', '5', '--seed', '1', '--protocol', 'fast'])).toMatch(/--protocol must be/);
    expect(error(['--resonance', '5', '--seed', '1', '--protocol', 'stepped', '--start', '6'])).toMatch(
      /only to/,
    );
    expect(error(['--resonance', '5', '--seed', '1', '--protocol', 'adaptive', '--start', '9'])).toMatch(
      /--start/,
    );
    expect(error(['--resonance'])).toMatch(/needs a value/);
    expect(error(['--bogus'])).toMatch(/unknown argument --bogus/);
  });
});

describe('npm run simulate -- --person', () => {
  it('runs every protocol unchanged on a person module of ours, with its extra argument', () => {
    for (const protocol of ['stepped', 'sliding', 'adaptive']) {
      const out = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/simulate.ts',
          '--resonance',
          '5',
          '--seed',
          '2',
          '--protocol',
          protocol,
          '--person',
          'test/fixtures/pacer/tiny-person.mjs',
          '--person-arg',
          '{"lagS":1}',
          '--json',
        ],
        { encoding: 'utf8' },
      );
      const json = JSON.parse(out) as SimulateJson;
      expect(json.protocol).toBe(protocol);
      expect(json.trueResonanceBpm).toBe(5);
      const answer = protocol === 'adaptive' ? json.finalBpm : json.foundBpm;
      expect(answer).not.toBeNull();
      // A noise-free person: the assessments find its resonance closely.
      if (protocol !== 'adaptive') expect(Math.abs((answer ?? 0) - 5)).toBeLessThanOrEqual(0.3);
    }
  });

  it('refuses a bad person argument or module with a message', () => {
    const bad = parseSimulateArgs([
      '--resonance',
      '5',
      '--seed',
      '1',
      '--protocol',
      'stepped',
      '--person-arg',
      '[1]',
    ]);
    expect(bad).toMatchObject({ ok: false });
    const flags = parseSimulateArgs([
      '--resonance',
      '5',
      '--seed',
      '1',
      '--protocol',
      'sliding',
      '--model',
      'baroreflex-delay',
      '--lag',
      '--sighs',
      '0.05',
      '--depth-jitter',
    ]);
    expect(flags).toMatchObject({
      ok: true,
      options: { model: 'baroreflex-delay', person: { lagS: 0.7, sighRate: 0.05, depthJitter: 0.2 } },
    });
    expect(
      parseSimulateArgs(['--resonance', '5', '--seed', '1', '--protocol', 'stepped', '--model', 'x']),
    ).toMatchObject({
      ok: false,
    });
  });
});
