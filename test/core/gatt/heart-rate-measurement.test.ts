import { describe, expect, it } from 'vitest';
import { parseHeartRateMeasurement, rrUnitsToMs } from '../../../src/core/gatt/heart-rate-measurement';
import type { GattError } from '../../../src/core/gatt/result';
import { Random } from '../../../src/core/random';
import { hrmBytes, view } from './hrm-bytes';

describe('parseHeartRateMeasurement', () => {
  it('reads a Polar-style packet: 8-bit heart rate, contact detected, one RR of exactly one second', () => {
    const result = parseHeartRateMeasurement(view(0x16, 72, 0x00, 0x04));
    expect(result).toEqual({
      ok: true,
      value: {
        heartRateBpm: 72,
        heartRate16Bit: false,
        sensorContact: 'detected',
        energyExpendedKj: null,
        rrPresent: true,
        rrMs: [1000],
      },
    });
  });

  it('round-trips every one of the 256 flag bytes with its fields', () => {
    const rrUnits = [1024, 820, 615, 3072];
    for (let flags = 0; flags < 256; flags += 1) {
      const heartRate = flags & 0x01 ? 256 + (flags % 45) : 40 + (flags % 200);
      const packet = hrmBytes({ flags, heartRate, energyKj: 1000 + flags, rrUnits });
      const result = parseHeartRateMeasurement(packet);
      if (!result.ok) throw new Error(`flags ${flags}: ${result.error.kind}`);
      const m = result.value;
      expect(m.heartRateBpm).toBe(heartRate);
      expect(m.heartRate16Bit).toBe((flags & 0x01) !== 0);
      const contact = flags & 0x04 ? (flags & 0x02 ? 'detected' : 'not-detected') : 'not-supported';
      expect(m.sensorContact).toBe(contact);
      expect(m.energyExpendedKj).toBe(flags & 0x08 ? 1000 + flags : null);
      expect(m.rrPresent).toBe((flags & 0x10) !== 0);
      expect(m.rrMs).toEqual(flags & 0x10 ? rrUnits.map(rrUnitsToMs) : []);
    }
  });

  it('gives no RR for a heart-rate-only packet', () => {
    const result = parseHeartRateMeasurement(view(0x00, 64));
    expect(result.ok && result.value.rrMs).toEqual([]);
    expect(result.ok && result.value.rrPresent).toBe(false);
  });

  it('accepts the RR flag with an empty list (no beat since the last packet)', () => {
    const result = parseHeartRateMeasurement(view(0x10, 64));
    expect(result.ok && result.value).toMatchObject({ rrPresent: true, rrMs: [] });
  });

  it('holds nine RR intervals in a 20-byte notification (default ATT MTU 23), in order', () => {
    const rrUnits = [700, 710, 720, 730, 740, 750, 760, 770, 780];
    const packet = hrmBytes({ flags: 0x10, heartRate: 80, rrUnits });
    expect(packet.byteLength).toBe(20);
    const result = parseHeartRateMeasurement(packet);
    expect(result.ok && result.value.rrMs).toEqual(rrUnits.map((u) => (u * 1000) / 1024));
  });

  it('reads as many RR as a larger MTU carries, including the longest plausible interval', () => {
    const rrUnits = Array.from({ length: 250 }, (_, i) => (i === 249 ? 3072 : 512 + i));
    const result = parseHeartRateMeasurement(hrmBytes({ flags: 0x19, heartRate: 61, energyKj: 5, rrUnits }));
    expect(result.ok && result.value.rrMs.length).toBe(250);
    expect(result.ok && result.value.rrMs[249]).toBe(3000);
  });

  it('accepts the edges of the physiological range and a heart rate of 0 (no contact)', () => {
    const edges = parseHeartRateMeasurement(hrmBytes({ flags: 0x11, heartRate: 300, rrUnits: [205, 3072] }));
    expect(edges.ok && edges.value).toMatchObject({ heartRateBpm: 300, rrMs: [(205 * 1000) / 1024, 3000] });
    const slow = parseHeartRateMeasurement(view(0x00, 20));
    expect(slow.ok && slow.value.heartRateBpm).toBe(20);
    const noContact = parseHeartRateMeasurement(view(0x06, 0));
    expect(noContact.ok && noContact.value.heartRateBpm).toBe(0);
  });

  it('reads a 16-bit heart rate little-endian', () => {
    const result = parseHeartRateMeasurement(view(0x01, 0x2c, 0x01));
    expect(result.ok && result.value.heartRateBpm).toBe(300);
  });

  it('reads energy expended before the RR list', () => {
    const result = parseHeartRateMeasurement(view(0x18, 90, 0x10, 0x27, 0x00, 0x02, 0x00, 0x03));
    expect(result.ok && result.value).toMatchObject({ energyExpendedKj: 10000, rrMs: [500, 750] });
  });

  it('ignores bytes after the last field when no RR list is announced', () => {
    const result = parseHeartRateMeasurement(view(0x00, 70, 0xaa, 0xbb, 0xcc));
    expect(result.ok && result.value.heartRateBpm).toBe(70);
  });

  it.each<[string, number[], GattError]>([
    ['an empty value', [], { kind: 'empty' }],
    [
      'a flags byte alone',
      [0x00],
      { kind: 'truncated', field: 'heart rate', offset: 1, needBytes: 1, haveBytes: 0 },
    ],
    [
      'half a 16-bit heart rate',
      [0x01, 0x50],
      { kind: 'truncated', field: 'heart rate', offset: 1, needBytes: 2, haveBytes: 1 },
    ],
    [
      'energy announced but one byte sent',
      [0x08, 70, 0x01],
      { kind: 'truncated', field: 'energy expended', offset: 2, needBytes: 2, haveBytes: 1 },
    ],
    ['an RR list with an odd byte', [0x10, 70, 0x00, 0x04, 0x01], { kind: 'odd-rr-bytes', rrBytes: 3 }],
    [
      'an RR interval of zero',
      [0x10, 70, 0x00, 0x04, 0x00, 0x00],
      { kind: 'impossible-value', field: 'RR interval', value: 0 },
    ],
    [
      'an RR interval of 1/1024 s (0.98 ms) among valid ones',
      [0x10, 70, 0x00, 0x04, 0x01, 0x00, 0x00, 0x04],
      { kind: 'impossible-value', field: 'RR interval', value: 1000 / 1024 },
    ],
    [
      'an RR interval just under 200 ms',
      [0x10, 70, 204, 0x00],
      { kind: 'impossible-value', field: 'RR interval', value: (204 * 1000) / 1024 },
    ],
    [
      'an RR interval just over 3 s',
      [0x10, 70, 0x01, 0x0c],
      { kind: 'impossible-value', field: 'RR interval', value: (3073 * 1000) / 1024 },
    ],
    [
      'the longest 16-bit RR interval (64 s)',
      [0x10, 70, 0xff, 0xff],
      { kind: 'impossible-value', field: 'RR interval', value: (0xffff * 1000) / 1024 },
    ],
    [
      'a 16-bit heart rate of 65535',
      [0x11, 0xff, 0xff, 0x00, 0x04],
      { kind: 'impossible-value', field: 'heart rate', value: 65535 },
    ],
    [
      'a heart rate of 301',
      [0x01, 0x2d, 0x01],
      { kind: 'impossible-value', field: 'heart rate', value: 301 },
    ],
    ['a heart rate of 19', [0x00, 19], { kind: 'impossible-value', field: 'heart rate', value: 19 }],
  ])('returns a typed error for %s', (_name, bytes, error) => {
    expect(parseHeartRateMeasurement(view(...bytes))).toEqual({ ok: false, error });
  });

  it('reads a DataView over part of a larger buffer at its own offset', () => {
    const buffer = new Uint8Array([0xff, 0xff, 0x10, 66, 0x00, 0x03, 0xff]).buffer;
    const result = parseHeartRateMeasurement(new DataView(buffer, 2, 4));
    expect(result.ok && result.value).toMatchObject({ heartRateBpm: 66, rrMs: [750] });
  });
});

describe('parseHeartRateMeasurement on 100,000 random byte arrays', () => {
  it('never throws, and every result is a consistent record or a typed error', () => {
    const random = new Random(20261122);
    const kinds = new Set(['empty', 'truncated', 'odd-rr-bytes', 'impossible-value']);
    let oks = 0;
    for (let trial = 0; trial < 100_000; trial += 1) {
      const length = Math.floor(random.next() * 24);
      const bytes = Array.from({ length }, () => Math.floor(random.next() * 256));
      const packet = view(...bytes);
      const result = parseHeartRateMeasurement(packet);
      if (!result.ok) {
        if (!kinds.has(result.error.kind)) throw new Error(`unexpected error kind ${result.error.kind}`);
        continue;
      }
      oks += 1;
      const flags = bytes[0] ?? 0;
      const m = result.value;
      const header = 1 + (flags & 0x01 ? 2 : 1) + (flags & 0x08 ? 2 : 0);
      const valid =
        Number.isInteger(m.heartRateBpm) &&
        (m.heartRateBpm === 0 || (m.heartRateBpm >= 20 && m.heartRateBpm <= 300)) &&
        (m.energyExpendedKj === null) === ((flags & 0x08) === 0) &&
        m.rrMs.length === (flags & 0x10 ? (length - header) / 2 : 0) &&
        m.rrMs.every((rr) => rr >= 200 && rr <= 3000);
      if (!valid) throw new Error(`inconsistent record for bytes ${bytes.join(',')}`);
    }
    // Random bytes must exercise both branches, or the test shows nothing.
    expect(oks).toBeGreaterThan(10_000);
    expect(oks).toBeLessThan(100_000);
  });
});
