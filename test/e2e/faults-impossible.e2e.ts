/**
 * A fuzzed strap, end to end with Chromium's emulated strap (bluetooth-peripheral.ts): among valid packets it
 * sends an RR of 0.98 ms (one 1/1024 s unit), one of 64 s (the largest 16-bit value) and a heart rate of 65535.
 * None of them may be stored, exported or shown: the stored session and every export (RR text, CSV, backup) hold
 * exactly the valid beats, the beat after each refused packet is marked as following a gap, and no figure on
 * screen shows an impossible value.
 */
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseBackup } from '../../src/core/export/backup';
import { fromColumns } from '../../src/core/session/columns';
import { openHistory, openNewestSession, stopAndKeep, storedBeats } from './history-steps';
import { useStrapBrowser } from './bluetooth-peripheral';

const bt = useStrapBrowser({ context: { acceptDownloads: true } });

/** Valid beats: whole 1/1024 s units around 63 bpm, so the RR the app stores is known exactly. */
const UNITS = [980, 940, 1000, 960, 920, 1010, 950, 990, 930, 970, 1000, 945, 985, 955, 925, 995];
const rrOf = (units: number) => (units * 1000) / 1024;
const le16 = (u: number) => [u & 0xff, u >> 8];
/** Contact detected, RR present, 8-bit heart rate 63. */
const goodPacket = (units: readonly number[]) => [0x16, 63, ...units.flatMap(le16)];

/** The impossible packets, each refused whole by the parser. */
const IMPOSSIBLE: readonly (readonly number[])[] = [
  [0x16, 63, ...le16(1)], // RR 0.98 ms
  [0x16, 63, ...le16(0xffff)], // RR 64 s
  [0x17, ...le16(65535), ...le16(1024)], // 16-bit heart rate 65535 (with an ordinary RR)
];

test('impossible RR and heart rate from the strap are never stored, exported or shown', async () => {
  test.setTimeout(120_000);
  await bt.pair({
    address: '09:09:09:09:0F:0A',
    name: 'Polar H10 FUZZED',
    batteryPercent: 80,
    manufacturer: 'Polar Electro Oy',
  });
  await expect(bt.page.locator('[data-source-state]')).toHaveAttribute('data-source-state', 'live');

  // Two beats a packet, sent in real time; an impossible packet after the 2nd, 4th and 6th good packet.
  const shown = new Set<string>();
  const gapAt: number[] = [];
  for (let p = 0; p < UNITS.length / 2; p += 1) {
    const units = UNITS.slice(2 * p, 2 * p + 2);
    await bt.page.waitForTimeout(units.reduce((a, u) => a + rrOf(u), 0));
    await bt.strap.notify(goodPacket(units));
    const bad = p % 2 === 1 ? IMPOSSIBLE[(p - 1) / 2] : undefined;
    if (bad) {
      await bt.strap.notify(bad);
      gapAt.push(2 * (p + 1));
    }
    for (const id of ['strap-heart-rate', 'heart-rate', 'rmssd'])
      for (const text of await bt.page.getByTestId(id).allTextContents()) shown.add(text);
  }
  await expect(bt.page.getByTestId('session-beats')).toHaveText(String(UNITS.length));
  await expect(bt.page.getByTestId('strap-skipped-packets')).toContainText('3 unreadable packets');
  expect([...shown].filter((t) => t.includes('65535'))).toEqual([]);
  await expect(bt.page.getByTestId('strap-heart-rate')).toHaveText('63 bpm from the strap');
  await expect(bt.page.getByText(/65535|63999|64000/)).toHaveCount(0);

  await bt.strap.idle();
  await stopAndKeep(bt.page);
  await expect.poll(() => storedBeats(bt.page)).toBe(UNITS.length);

  // The session's own figures: all beats valid, RMSSD computed from them (not 0 from garbage).
  await openHistory(bt.page);
  await openNewestSession(bt.page);
  await expect(bt.page.getByTestId('detail-beats')).toHaveText(String(UNITS.length));
  const rmssd = Number.parseFloat((await bt.page.getByTestId('detail-rmssd').textContent()) ?? '');
  expect(rmssd).toBeGreaterThan(10);
  expect(rmssd).toBeLessThan(100);
  await expect(bt.page.getByText(/65535|63999|64000/)).toHaveCount(0);

  const expectedRr = UNITS.map(rrOf);
  const rrDownload = bt.page.waitForEvent('download');
  await bt.page.getByRole('button', { name: 'Export RR (.txt, for Kubios)' }).click();
  const rrText = await readFile((await (await rrDownload).path()) ?? '', 'utf8');
  expect(rrText.trim().split('\n').map(Number)).toEqual(expectedRr);

  const csvDownload = bt.page.waitForEvent('download');
  await bt.page.getByRole('button', { name: 'Export beats (.csv)' }).click();
  const rows = (await readFile((await (await csvDownload).path()) ?? '', 'utf8'))
    .trim()
    .split('\r\n')
    .slice(1);
  expect(rows.map((r) => Number(r.split(',')[1]))).toEqual(expectedRr);
  const csvGaps = rows.flatMap((r, i) => (r.split(',')[2] === '1' ? [i] : []));
  expect(csvGaps).toEqual(gapAt);

  await bt.page.getByRole('button', { name: '← All sessions' }).click();
  await bt.page.getByRole('tab', { name: 'Your data' }).click();
  const backupDownload = bt.page.waitForEvent('download');
  await bt.page.getByRole('button', { name: 'Export full backup (.json)' }).click();
  const backupPath = test.info().outputPath('backup.json');
  await (await backupDownload).saveAs(backupPath);
  const parsed = parseBackup(await readFile(backupPath, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const beats = fromColumns(parsed.value.sessions[0]!.beats);
  expect(beats.map((b) => b.rrMs)).toEqual(expectedRr);
  expect(beats.flatMap((b, i) => (b.afterGap ? [i] : []))).toEqual(gapAt);
});
