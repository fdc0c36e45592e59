import { describe, expect, it } from 'vitest';
import {
  holdRecordingLock,
  isBeingRecorded,
  sessionsBeingRecorded,
  whenRecordingEnds,
} from '../../../src/adapters/locks/recording-lock';

describe('recording lock (the real navigator.locks)', () => {
  it('is listed and seen while held, and its end is awaited until the holder releases it', async () => {
    const id = `test-${crypto.randomUUID()}`;
    const release = holdRecordingLock(id);
    await new Promise((r) => setTimeout(r, 0));
    expect(await sessionsBeingRecorded()).toContain(id);
    expect(await isBeingRecorded(id)).toBe(true);

    let ended = false;
    const waiting = whenRecordingEnds(id, new AbortController().signal).then(() => (ended = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(ended).toBe(false);
    release();
    await waiting;
    expect(ended).toBe(true);
    expect(await isBeingRecorded(id)).toBe(false);
    expect(await sessionsBeingRecorded()).not.toContain(id);
  });

  it('stops waiting when the wait is aborted', async () => {
    const id = `test-${crypto.randomUUID()}`;
    const release = holdRecordingLock(id);
    const stop = new AbortController();
    const waiting = whenRecordingEnds(id, stop.signal);
    stop.abort();
    await expect(waiting).rejects.toThrow();
    release();
  });

  it('without Web Locks, nothing is held and nothing is being recorded', async () => {
    const release = holdRecordingLock('x', null);
    release();
    expect(await sessionsBeingRecorded(null)).toEqual([]);
    expect(await isBeingRecorded('x', null)).toBe(false);
    await expect(whenRecordingEnds('x', new AbortController().signal, null)).resolves.toBeUndefined();
  });
});
