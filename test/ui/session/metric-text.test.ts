import { describe, expect, it } from 'vitest';
import { notDefined, notEnough, ok } from '../../../src/core/hrv/measure';
import {
  heartRateText,
  measureText,
  NO_SIGNAL_TEXT,
  SETTLING_TEXT,
} from '../../../src/ui/session/metric-text';

describe('live measures on screen', () => {
  it('shows a value with its precision', () => {
    expect(measureText(ok(42.345), 1)).toEqual({ state: 'ok', value: '42.3', note: '' });
  });

  it('says the session is settling in while a measure needs more data, never a count of zero', () => {
    for (const m of [
      undefined,
      notEnough(0, 20, 'beats'),
      notEnough(0, 1, 'beats'),
      notEnough(59, 64, 's'),
    ]) {
      const shown = measureText(m, 1);
      expect(shown).toEqual({ state: 'settling', value: '', note: SETTLING_TEXT });
      expect(shown.note).not.toMatch(/\d/);
    }
  });

  it('gives a measure that has no value for its input its own state and reason, not "settling"', () => {
    const flat = measureText(notDefined('zero-power'), 1);
    expect(flat.state).toBe('not-defined');
    expect(flat.note).not.toBe(SETTLING_TEXT);
    expect(measureText(notDefined('zero-spread'), 1).note).not.toBe(flat.note);
    expect(measureText(notDefined('no-breaths'), 1).note).toMatch(/breath/);
  });

  it("takes the device's heart rate while the engine has none, with no label of its source", () => {
    expect(heartRateText(notEnough(1, 3, 'beats'), 66)).toEqual({ state: 'ok', value: '66', note: '' });
    expect(heartRateText(ok(61.6), 66).value).toBe('62');
    expect(heartRateText(undefined, null).state).toBe('settling');
  });

  it('shows no heart rate while the strap is gone, saying so, however recent the last one', () => {
    expect(heartRateText(ok(61.6), 66, true)).toEqual({
      state: 'not-defined',
      value: '–',
      note: NO_SIGNAL_TEXT,
    });
    expect(heartRateText(ok(61.6), 66, false).value).toBe('62');
  });
});
