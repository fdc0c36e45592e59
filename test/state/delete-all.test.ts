import { describe, expect, it } from 'vitest';
import { deleteAllData, type DeleteAllParts } from '../../src/state/delete-all';

/** Parts that log what is asked of them, in order. */
function parts(running: boolean, elsewhere = false): { parts: DeleteAllParts; log: string[] } {
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
      reading: { cancel: later('reading.cancel'), reset: step('reading.reset') },
      shell: { returnToFirstRun: step('shell.returnToFirstRun') },
      sessionElsewhere: async () => elsewhere,
      announce: step('announce'),
    },
  };
}

describe('deleteAllData', () => {
  it('stops a running session and waits for its last write before the wipe, then every state forgets', async () => {
    const { parts: p, log } = parts(true);
    expect(await deleteAllData(p)).toEqual({ storageError: null, strapPermission: 'forgotten' });
    expect(log).toEqual([
      'session.stop',
      'reading.cancel',
      'strap.stop',
      'recording.settled',
      'history.wipe',
      'recording.forget',
      'pacer.forgetAll',
      'reading.reset',
      'strap.forget',
      'shell.returnToFirstRun',
      'announce',
    ]);
  });

  it('deletes nothing while another tab runs a session (its recorder would write again)', async () => {
    const { parts: p, log } = parts(false, true);
    expect(await deleteAllData(p)).toEqual({ refused: 'session-elsewhere' });
    expect(log).toEqual([]);
  });

  it('leaves an idle session alone', async () => {
    const { parts: p, log } = parts(false);
    await deleteAllData(p);
    expect(log).not.toContain('session.stop');
    expect(log).toContain('reading.reset');
  });
});
