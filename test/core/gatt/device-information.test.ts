import { describe, expect, it } from 'vitest';
import { parseUtf8String } from '../../../src/core/gatt/device-information';
import { Random } from '../../../src/core/random';
import { view } from './hrm-bytes';

const utf8 = (text: string) => new DataView(new TextEncoder().encode(text).buffer);

describe('parseUtf8String', () => {
  it('decodes ASCII, accented, CJK and astral text as TextEncoder wrote it', () => {
    for (const text of ['Polar Electro Oy', 'Garmin Vívoactive', '心拍計', 'strap 🫀 1']) {
      expect(parseUtf8String(utf8(text))).toEqual({ ok: true, value: text });
    }
  });

  it('drops trailing NUL padding', () => {
    expect(parseUtf8String(view(0x48, 0x31, 0x30, 0, 0, 0))).toEqual({ ok: true, value: 'H10' });
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['an overlong two-byte form', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 1],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 1],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 1],
    ['a sequence cut short', [0x41, 0xe2, 0x82], 1],
  ])('reports %s as invalid UTF-8 at its byte', (_name, bytes, offset) => {
    expect(parseUtf8String(view(...bytes))).toEqual({ ok: false, error: { kind: 'invalid-utf8', offset } });
  });

  it('agrees with a fatal TextDecoder on 20,000 random byte strings', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const random = new Random(7);
    for (let trial = 0; trial < 20_000; trial += 1) {
      const bytes = Array.from({ length: Math.floor(random.next() * 8) }, () => {
        // Bias toward bytes that start or continue multi-byte sequences.
        const r = random.next();
        return r < 0.3
          ? 0x80 + Math.floor(random.next() * 64)
          : r < 0.6
            ? 0xc0 + Math.floor(random.next() * 64)
            : Math.floor(random.next() * 256);
      });
      while (bytes.length > 0 && bytes[bytes.length - 1] === 0) bytes.pop();
      let expected: string | null;
      try {
        expected = decoder.decode(new Uint8Array(bytes));
      } catch {
        expected = null;
      }
      const result = parseUtf8String(view(...bytes));
      expect(result.ok ? result.value : null).toBe(expected);
    }
  });
});
