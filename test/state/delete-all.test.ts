import { describe, expect, it } from 'vitest';
import { deleteAllData, type DeleteAllParts } from '../../src/state/delete-all';

/** Parts that log what is asked of them, in order. */
function parts(running: boolean): { parts: DeleteAllParts; log: string[] } {
  const log: string[] = [];
  const step = (name: string) => () => void log.push(name);
  const later = (name: string) => async () => {
    await Promise.resolve();
    log.push(name);
  };
  return {
    log,
    parts: {
      session: { running, stop: later('session.stop') },
      strap: { stop: later('strap.stop'), forget: step('strap.forget') },
      recording: { settled: later('recording.settled'), forget: step('recording.forget') },
      history: {
        wipe: async () => {
          log.push('history.wipe');
          return { storageError: null, strapPermission: 'forgotten' };
        },
      },
      pacer: { forgetAll: step('pacer.forgetAll') },
      shell: { returnToFirstRun: step('shell.returnToFirstRun') },
    },
  };
}

describe('deleteAllData', () => {
  it('stops a running session and waits for its last write before the wipe, then every state forgets', async () => {
    const { parts: p, log } = parts(true);
    const report = await deleteAllData(p);
    expect(report.strapPermission).toBe('forgotten');
    expect(log).toEqual([
      'session.stop',
      'strap.stop',
      'recording.settled',
      'history.wipe',
      'recording.forget',
      'pacer.forgetAll',
      'strap.forget',
      'shell.returnToFirstRun',
    ]);
  });

  it('leaves an idle session alone', async () => {
    const { parts: p, log } = parts(false);
    await deleteAllData(p);
    expect(log).not.toContain('session.stop');
  });
});
