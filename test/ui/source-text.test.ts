import { describe, expect, it } from 'vitest';
import { sourceName } from '../../src/ui/source-text';

describe('sourceName', () => {
  it('names the simulated heart by its kind, whatever label an older record stored', () => {
    expect(sourceName('simulated', '')).toBe('Simulated heart');
    expect(sourceName('simulated', 'Simulated heart')).toBe('Simulated heart');
  });

  it("gives a strap's or a file's own name, and a plain one when it has none", () => {
    expect(sourceName('bluetooth', 'Polar H10 1A2B')).toBe('Polar H10 1A2B');
    expect(sourceName('replay', 'recording.txt')).toBe('recording.txt');
    expect(sourceName('bluetooth', ' ')).toBe('Heart-rate strap');
    expect(sourceName('replay', '')).toBe('Recording');
  });
});
