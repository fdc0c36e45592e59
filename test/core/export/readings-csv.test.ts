import { describe, expect, it } from 'vitest';
import { READINGS_CSV_HEADER, readingsCsv } from '../../../src/core/export/readings-csv';
import { sampleReading } from '../readiness/readings';

describe('readings CSV', () => {
  it('one row per reading, oldest first, in local date and time, ln RMSSD from RMSSD', () => {
    const late = {
      ...sampleReading('b', Date.UTC(2026, 10, 22, 6, 5), 55, 61.26),
      sourceKind: 'bluetooth' as const,
      sourceLabel: 'Polar H10, "A"',
    };
    // An older record of the simulated heart stored its label in English: the column gives the kind all the same.
    const early = {
      ...sampleReading('a', Date.UTC(2026, 10, 21, 23, 30), 40),
      sourceLabel: 'Simulated heart',
    };
    const rows = readingsCsv([late, early], () => 60).split('\r\n');
    expect(rows[0]).toBe(READINGS_CSV_HEADER.join(','));
    expect(rows[1]).toBe(
      `2026-11-22,00:30,${Number(Math.log(40).toFixed(3))},40,58,60,sitting,60,1,simulated`,
    );
    expect(rows[2]).toBe(
      `2026-11-22,07:05,${Number(Math.log(55).toFixed(3))},55,61.3,60,sitting,60,1,"Polar H10, ""A"""`,
    );
    expect(rows[3]).toBe('');
    expect(rows).toHaveLength(4);
  });

  it('names a source without a name of its own by its kind', () => {
    const nameless = { ...sampleReading('c', Date.UTC(2026, 10, 22, 6, 5)), sourceKind: 'replay' as const };
    expect(readingsCsv([nameless], () => 0).split('\r\n')[1]).toMatch(/,replay$/);
  });

  it('is a header alone without readings', () => {
    expect(readingsCsv([], () => 0)).toBe(`${READINGS_CSV_HEADER.join(',')}\r\n`);
  });
});
