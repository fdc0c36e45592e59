import { describe, expect, it } from 'vitest';
import { readLaunch } from '../../../src/adapters/pwa/launch';

const screens = ['session', 'history', 'privacy', 'reading'] as const;

describe('readLaunch', () => {
  it('reads the manifest shortcuts', () => {
    expect(readLaunch('?action=start', screens)).toEqual({ screen: null, startSession: true });
    expect(readLaunch('?screen=history', screens)).toEqual({ screen: 'history', startSession: false });
    expect(readLaunch('?screen=reading', screens)).toEqual({ screen: 'reading', startSession: false });
  });

  it('ignores what it does not know, so a mistyped link opens the app as usual', () => {
    expect(readLaunch('', screens)).toEqual({ screen: null, startSession: false });
    expect(readLaunch('?screen=admin&action=delete', screens)).toEqual({ screen: null, startSession: false });
    expect(readLaunch('?screen=<script>', screens)).toEqual({ screen: null, startSession: false });
  });
});
