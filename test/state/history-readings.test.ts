import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { History } from '../../src/state/history.svelte';
import { ResonanceStore } from '../../src/adapters/storage/store';
import { sampleReading } from '../core/readiness/readings';
import { makeSession } from '../adapters/storage/fixtures';

const DAY_MS = 86_400_000;
/** Noon, so the local day is the same in any time zone the test runs in. */
const TODAY = Date.UTC(2026, 10, 25, 12);

async function openStore(): Promise<ResonanceStore> {
  const opened = await ResonanceStore.open(`history-readings-${Date.now()}-${Math.random()}`);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  return opened.value;
}

describe('History with morning readings', () => {
  it('counts reading days and session days together for the streak, and keeps readings out of session trends', async () => {
    const store = await openStore();
    await store.putSession(makeSession('s', TODAY - 2 * DAY_MS, { end: 'stopped' }));
    for (const ago of [1, 0]) await store.putReading(sampleReading(`r${ago}`, TODAY - ago * DAY_MS));
    const history = new History(store, () => TODAY);
    await history.load();
    expect(history.readings.map((r) => r.id)).toEqual(['r1', 'r0']);
    expect(history.readiness).toHaveLength(2);
    expect(history.practiceDays.size).toBe(3);
    expect(history.streaks.current).toBe(3);
    expect(history.trends).toHaveLength(1); // the session's day only
    expect(history.readingsCsvText().trim().split('\r\n')).toHaveLength(3);
    store.close();
  });

  it('shows the below-range note only once asked for, and remembers the choice', async () => {
    const store = await openStore();
    for (let ago = 23; ago >= 3; ago -= 1)
      await store.putReading(sampleReading(`n${ago}`, TODAY - ago * DAY_MS, ago % 2 === 0 ? 48 : 52));
    for (const ago of [2, 1, 0]) await store.putReading(sampleReading(`low${ago}`, TODAY - ago * DAY_MS, 25));
    const history = new History(store, () => TODAY);
    await history.load();
    expect(history.belowRangeNoteOn).toBe(false);
    expect(history.belowRangeDays).toBeNull();
    await history.setBelowRangeNote(true);
    expect(history.belowRangeDays).toBe(3);
    const again = new History(store, () => TODAY);
    await again.load();
    expect(again.belowRangeNoteOn).toBe(true);
    expect(again.belowRangeDays).toBe(3);
    store.close();
  });

  it('deletes a reading or a session and says which, as a typed notice', async () => {
    const store = await openStore();
    await store.putSession(makeSession('s', TODAY - DAY_MS, { end: 'stopped' }));
    await store.putReading(sampleReading('r', TODAY));
    const history = new History(store, () => TODAY);
    await history.load();
    await history.deleteReading('r');
    expect(history.notice).toEqual({ kind: 'info', deleted: 'reading' });
    expect(history.readings).toEqual([]);
    await history.deleteSession('s');
    expect(history.notice).toEqual({ kind: 'info', deleted: 'session' });
    expect(history.sessions).toEqual([]);
    store.close();
  });

  it('saves a reading and says why when it cannot', async () => {
    const store = await openStore();
    const history = new History(store, () => TODAY);
    await history.load();
    expect(await history.saveReading(sampleReading('new', TODAY))).toBeNull();
    expect(history.readings.map((r) => r.id)).toEqual(['new']);
    expect(await new History(null).saveReading(sampleReading('x', TODAY))).toEqual({ kind: 'not-open' });
    store.close();
  });
});
