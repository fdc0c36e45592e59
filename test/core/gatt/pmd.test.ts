import { describe, expect, it } from 'vitest';
import {
  chooseAccelerometerSettings,
  parseAccelerometerFrame,
  parsePmdControlPoint,
  pmdSampleTimesNs,
  pmdStartCommand,
  PMD_STATUSES,
  SensorClock,
  type PmdStreamContext,
} from '../../../src/core/gatt/pmd';
import { Random } from '../../../src/core/random';
import {
  dataView,
  deltaAccFrame,
  H10_ACC_SETTINGS,
  pmdResponse,
  pmdSettingsBytes,
  rawAccFrame,
} from './pmd-bytes';

const RAW: PmdStreamContext = { resolutionBits: 16, factor: 1 };
const TS = 599_616_023_171_427_290n; // an H10 timestamp from Polar's time-system document

const values = (r: ReturnType<typeof parseAccelerometerFrame>) => {
  if (!r.ok) throw new Error(r.error.kind);
  return Array.from(r.value.values);
};

describe('parsePmdControlPoint', () => {
  it('reads the features bitmap: ECG and acceleration on an H10', () => {
    const r = parsePmdControlPoint(dataView([0x0f, 0b0000_0101, 0x00]));
    expect(r).toEqual({ ok: true, value: { kind: 'features', measurementTypes: [0, 2] } });
  });

  it('reads the H10 acceleration settings answer', () => {
    const r = parsePmdControlPoint(dataView(pmdResponse(0x01, 0, H10_ACC_SETTINGS)));
    expect(r.ok && r.value).toEqual({
      kind: 'response',
      opCode: 1,
      measurementType: 2,
      status: 'success',
      more: false,
      settings: {
        sampleRatesHz: [25, 50, 100, 200],
        resolutionsBits: [16],
        rangesG: [2, 4, 8],
        rangesMilliunit: [],
        channels: [],
        factor: null,
      },
    });
  });

  it('reads the factor from a start answer as a float32', () => {
    const r = parsePmdControlPoint(dataView(pmdResponse(0x02, 0, pmdSettingsBytes({ factor: 0.244 }))));
    expect(r.ok && r.value.kind === 'response' && r.value.settings.factor).toBeCloseTo(0.244, 6);
  });

  it('names every status code, and an error answer carries no settings', () => {
    PMD_STATUSES.forEach((status, code) => {
      const r = parsePmdControlPoint(dataView(pmdResponse(0x02, code, code === 0 ? [] : [1, 2, 3])));
      expect(r.ok && r.value.kind === 'response' && r.value.status).toBe(status);
    });
    const r = parsePmdControlPoint(dataView([0xf0, 0x02, 0x02, 0x06, 0x00, 0x01]));
    expect(r.ok && r.value.kind === 'response' && r.value.settings.sampleRatesHz).toEqual([]);
  });

  it('reads the "more" flag and a stop answer without parameters', () => {
    const more = parsePmdControlPoint(dataView(pmdResponse(0x01, 0, H10_ACC_SETTINGS, 1)));
    expect(more.ok && more.value.kind === 'response' && more.value.more).toBe(true);
    const stop = parsePmdControlPoint(dataView(pmdResponse(0x03, 0)));
    expect(stop.ok && stop.value.kind === 'response' && stop.value.opCode).toBe(3);
  });

  it.each<[string, number[], string]>([
    ['an empty value', [], 'empty'],
    ['features without a bitmap', [0x0f], 'truncated'],
    ['an unknown first byte', [0x42, 1, 2, 3], 'unsupported'],
    ['an answer cut after the op code', [0xf0, 0x02], 'truncated'],
    ['a status beyond the known codes', [0xf0, 0x02, 0x02, 15], 'reserved-value'],
    ['an unknown setting type', [0xf0, 0x01, 0x02, 0, 0, 9, 1, 0, 0], 'reserved-value'],
    ['a setting count without values', [0xf0, 0x01, 0x02, 0, 0, 0, 3, 25, 0], 'truncated'],
    ['a setting type without a count', [0xf0, 0x01, 0x02, 0, 0, 0], 'truncated'],
  ])('returns a typed error for %s', (_name, bytes, kind) => {
    const r = parsePmdControlPoint(dataView(bytes));
    expect(r.ok ? 'ok' : r.error.kind).toBe(kind);
  });
});

describe('start command and choice of settings', () => {
  it('asks an H10 for 25 Hz, 16 bits, 2 G, laid out as [op, type, (setting, 1, uint16)...]', () => {
    const settings = parsePmdControlPoint(dataView(pmdResponse(0x01, 0, H10_ACC_SETTINGS)));
    if (!settings.ok || settings.value.kind !== 'response') throw new Error('unreadable');
    const chosen = chooseAccelerometerSettings(settings.value.settings);
    expect(chosen).toEqual({ sampleRateHz: 25, resolutionBits: 16, rangeG: 2 });
    expect(Array.from(pmdStartCommand(2, chosen!))).toEqual([2, 2, 0, 1, 25, 0, 1, 1, 16, 0, 2, 1, 2, 0]);
  });

  it('the start command round-trips through the settings reader', () => {
    const command = pmdStartCommand(2, { sampleRateHz: 200, resolutionBits: 16, rangeG: 8 });
    const r = parsePmdControlPoint(dataView([0xf0, 0x01, 0x02, 0, 0, ...command.slice(2)]));
    expect(r.ok && r.value.kind === 'response' && r.value.settings).toMatchObject({
      sampleRatesHz: [200],
      resolutionsBits: [16],
      rangesG: [8],
    });
  });

  it('takes the fastest rate when none reaches 25 Hz, and none when no usable rate is offered', () => {
    const slow = {
      sampleRatesHz: [10, 12],
      resolutionsBits: [],
      rangesG: [],
      rangesMilliunit: [],
      channels: [],
    };
    expect(chooseAccelerometerSettings({ ...slow, factor: null })?.sampleRateHz).toBe(12);
    expect(chooseAccelerometerSettings({ ...slow, sampleRatesHz: [], factor: null })).toBeNull();
    expect(chooseAccelerometerSettings({ ...slow, sampleRatesHz: [0], factor: null })).toBeNull();
  });
});

describe('parseAccelerometerFrame', () => {
  const samples = [
    [-48, 357, 4068],
    [-50, 360, 4070],
    [127, -128, 0],
  ];

  it.each([0, 1, 2] as const)('reads raw frame type %i (8 << type bits per channel)', (type) => {
    const limit = 2 ** (8 * (type + 1) - 1);
    const s =
      type === 0
        ? [
            [-48, 57, 127],
            [-128, 0, 1],
          ]
        : [...samples, [limit - 1, -limit, 0]];
    const r = parseAccelerometerFrame(dataView(rawAccFrame(TS, type, s)), RAW);
    expect(r.ok && { ts: r.value.timestampNs, type: r.value.frameType, n: r.value.sampleCount }).toEqual({
      ts: TS,
      type,
      n: s.length,
    });
    expect(values(r)).toEqual(s.flat());
  });

  it('reads the delta frame of the specification example: reference -48, 357, 4068 then 8-bit deltas', () => {
    const s = [
      [-48, 357, 4068],
      [-45, 350, 4070],
      [-47, 352, 4069],
    ];
    const bytes = deltaAccFrame(TS, s, { width: 8 });
    expect(bytes.slice(10, 18)).toEqual([0xd0, 0xff, 0x65, 0x01, 0xe4, 0x0f, 0x08, 0x02]);
    expect(values(parseAccelerometerFrame(dataView(bytes), RAW))).toEqual(s.flat());
  });

  it.each([8, 12, 16, 24, 32])('reads delta frames whose reference sample has %i-bit resolution', (bits) => {
    const random = new Random(bits);
    const big = 2 ** (Math.min(bits, 31) - 2);
    const s = [[big - 1, -big, 7]];
    for (let i = 1; i < 60; i += 1) s.push(s[i - 1]!.map((v) => v + Math.round((random.next() - 0.5) * 200)));
    const bytes = deltaAccFrame(TS, s, { resolutionBits: bits, blockSize: 17 });
    const r = parseAccelerometerFrame(dataView(bytes), { resolutionBits: bits, factor: 1 });
    expect(values(r)).toEqual(s.flat());
  });

  it('round-trips every delta width from 1 to 32 bits', () => {
    for (let width = 1; width <= 32; width += 1) {
      const top = 2 ** (width - 1);
      const d = [
        [-top, top - 1, 0],
        [top - 1, -top, -1],
      ];
      const s = [[0, 0, 0]];
      for (const delta of d) s.push(s[s.length - 1]!.map((v, c) => v + delta[c]!));
      const bytes = deltaAccFrame(TS, s, { width, resolutionBits: 32 });
      expect(values(parseAccelerometerFrame(dataView(bytes), { resolutionBits: 32, factor: 1 }))).toEqual(
        s.flat(),
      );
    }
  });

  it('scales compressed type 1 by the factor, and compressed type 0 (in G) by factor x 1000', () => {
    const s = [
      [100, -200, 4000],
      [102, -198, 4001],
    ];
    const one = parseAccelerometerFrame(dataView(deltaAccFrame(TS, s)), { resolutionBits: 16, factor: 0.5 });
    expect(values(one)).toEqual(s.flat().map((v) => v * 0.5));
    const zero = parseAccelerometerFrame(dataView(deltaAccFrame(TS, s, { frameType: 0 })), {
      resolutionBits: 16,
      factor: 0.001,
    });
    values(zero).forEach((v, i) => expect(v).toBeCloseTo(s.flat()[i]!, 9));
  });

  it('reads a frame of only a reference sample', () => {
    expect(values(parseAccelerometerFrame(dataView(deltaAccFrame(TS, [[1, 2, 3]])), RAW))).toEqual([1, 2, 3]);
  });

  it.each<[string, number[], string]>([
    ['an empty value', [], 'empty'],
    ['a header cut short', [2, 0, 0, 0], 'truncated'],
    ['an ECG frame', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3], 'unsupported'],
    ['an unknown raw type', [2, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1, 2, 3], 'unsupported'],
    ['an unknown compressed type', [2, 0, 0, 0, 0, 0, 0, 0, 0, 0x82, 1, 2, 3, 4, 5, 6], 'unsupported'],
    ['raw 16-bit samples cut mid-sample', [...rawAccFrame(TS, 1, [[1, 2, 3]]), 9], 'ragged'],
    ['a reference sample cut short', [2, 0, 0, 0, 0, 0, 0, 0, 0, 0x81, 1, 2, 3], 'truncated'],
    ['a delta block without its count', [...deltaAccFrame(TS, [[1, 2, 3]]), 8], 'truncated'],
    ['a delta block overrunning the frame', [...deltaAccFrame(TS, [[1, 2, 3]]), 8, 4, 1, 2], 'truncated'],
    ['a delta width of zero', [...deltaAccFrame(TS, [[1, 2, 3]]), 0, 1], 'impossible-value'],
    [
      'a delta width above 32 bits',
      [...deltaAccFrame(TS, [[1, 2, 3]]), 40, 1, ...new Array<number>(15).fill(0)],
      'impossible-value',
    ],
  ])('returns a typed error for %s', (_name, bytes, kind) => {
    const r = parseAccelerometerFrame(dataView(bytes), RAW);
    expect(r.ok ? 'ok' : r.error.kind).toBe(kind);
  });
});

describe('pmdSampleTimesNs', () => {
  it('places samples back from the last at the nominal rate without a previous frame', () => {
    const t = pmdSampleTimesNs({ timestampNs: 1_000_000_000n, sampleCount: 3 }, 25, null);
    expect(Array.from(t)).toEqual([920_000_000, 960_000_000, 1_000_000_000]);
  });

  it('spreads samples over the gap since the previous frame when it is plausible, else uses the rate', () => {
    const spread = pmdSampleTimesNs({ timestampNs: 1_100_000_000n, sampleCount: 4 }, 25, 1_000_000_000n);
    expect(Array.from(spread)).toEqual([1_025_000_000, 1_050_000_000, 1_075_000_000, 1_100_000_000]);
    const afterGap = pmdSampleTimesNs({ timestampNs: 9_000_000_000n, sampleCount: 2 }, 25, 1_000_000_000n);
    expect(Array.from(afterGap)).toEqual([8_960_000_000, 9_000_000_000]);
  });
});

describe('SensorClock', () => {
  it('keeps the smallest delay, lets it creep with drift, and anchors again when the sensor clock jumps back', () => {
    const clock = new SensorClock(100);
    expect(clock.observe(1e9, 5030)).toBe(4030); // sensor 1000 ms arrived at 5030 ms
    expect(clock.observe(2e9, 6010)).toBe(4010); // a faster frame: smaller delay
    expect(clock.observe(3e9, 7050)).toBeCloseTo(4010.104, 6); // a slower one: only the drift allowance
    expect(clock.observe(1e9, 8000)).toBe(7000); // the sensor went back 2 s: a new anchor
  });
});

describe('PMD parsers on 100,000 random byte arrays', () => {
  it('never throw, and every frame read is consistent with its length', () => {
    const random = new Random(20261201);
    const errorKinds = new Set([
      'empty',
      'truncated',
      'unsupported',
      'ragged',
      'impossible-value',
      'reserved-value',
    ]);
    let frames = 0;
    let messages = 0;
    for (let trial = 0; trial < 100_000; trial += 1) {
      const length = Math.floor(random.next() * 40);
      const bytes = Array.from({ length }, () => Math.floor(random.next() * 256));
      // Bias the first bytes toward real headers so the deep paths run, not only the first check.
      const pick = random.next();
      if (pick < 0.4 && length > 0) bytes[0] = 2;
      if (pick < 0.3 && length > 9) bytes[9] = [0, 1, 2, 0x80, 0x81][Math.floor(random.next() * 5)]!;
      if (pick > 0.7 && length > 0) bytes[0] = random.next() < 0.5 ? 0xf0 : 0x0f;
      if (pick > 0.8 && length > 3) bytes[3] = 0;
      const view = dataView(bytes);
      const frame = parseAccelerometerFrame(view, RAW);
      if (!frame.ok) {
        if (!errorKinds.has(frame.error.kind)) throw new Error(`unexpected ${frame.error.kind}`);
      } else {
        frames += 1;
        const f = frame.value;
        const consistent =
          f.values.length === f.sampleCount * 3 &&
          f.sampleCount >= 1 - (f.compressed ? 0 : 1) &&
          Array.from(f.values).every(Number.isFinite) &&
          (f.compressed || f.sampleCount * 3 * (f.frameType + 1) === length - 10);
        if (!consistent) throw new Error(`inconsistent frame for bytes ${bytes.join(',')}`);
      }
      const message = parsePmdControlPoint(view);
      if (!message.ok) {
        if (!errorKinds.has(message.error.kind)) throw new Error(`unexpected ${message.error.kind}`);
      } else messages += 1;
    }
    expect(frames).toBeGreaterThan(1000);
    expect(frames).toBeLessThan(100_000);
    expect(messages).toBeGreaterThan(1000);
    expect(messages).toBeLessThan(100_000);
  });
});
