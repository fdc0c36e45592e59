/**
 * The measured breath end to end: Chromium's emulated strap offers Polar's Measurement Data service like an H10;
 * the app's real Bluetooth code starts its accelerometer, the strap streams chest motion of a person breathing with
 * the pacer's rhythm a known time behind it, and the app shows that rate and lag. A strap without the service is
 * covered by bluetooth.e2e.ts, unchanged. Without a strap: the demo heart's person has a chest of their own, and a
 * replayed CSV that carries the measured breath plays it back; both show in the same readout.
 */
import { expect, test } from '@playwright/test';
import { patternFromRate } from '../../src/core/pacer/pattern';
import { PacerSchedule } from '../../src/core/pacer/schedule';
import { beatsCsv } from '../../src/core/export/session-text';
import { ChestMotion } from '../../src/core/respiration/chest-motion';
import { evenBeats } from '../core/export/beats';
import { rawAccFrame } from '../core/gatt/pmd-bytes';
import { appUrl, useStrapBrowser } from './bluetooth-peripheral';

declare global {
  interface Window {
    /** Test only: when the pacer's shown phase changed, on the page clock (ms). */
    __pacerPhases?: { phase: string; atMs: number }[];
  }
}

/** Watches the pacer's real element for phase changes (the app is not changed). */
const WATCH_PACER_SCRIPT = `(() => {
  window.__pacerPhases = [];
  new MutationObserver((records) => {
    for (const r of records) {
      const phase = r.target.getAttribute && r.target.getAttribute('data-breath-phase');
      if (phase && phase !== r.oldValue) window.__pacerPhases.push({ phase, atMs: performance.now() });
    }
  }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-breath-phase'] });
})();`;

const bt = useStrapBrowser({ initScripts: [WATCH_PACER_SCRIPT] });

const SAMPLE_MS = 40; // 25 Hz, the rate the app asks an H10 for
/** The sensor's own clock: page time plus this, as an H10 after power-up (2019-01-01 in ns since 2000). */
const SENSOR_EPOCH_NS = 599_616_000_000_000_000n;

/**
 * Stream chest motion for `durationMs` of page time: the person breathes the pacer's pattern `lagS` behind it. The
 * pacer is located from its shown phase changes; frames go out every 400 ms with the samples since the last one.
 */
async function streamBreathing(lagS: number, durationMs: number): Promise<void> {
  const chest = new ChestMotion({ seed: 14, noiseMg: 3 });
  let anchor: { atMs: number; schedule: PacerSchedule } | null = null;
  let nextSampleMs: number | null = null;
  let endMs = Number.POSITIVE_INFINITY;
  for (;;) {
    await bt.page.waitForTimeout(400);
    const { nowMs, phases, rate } = await bt.page.evaluate(() => ({
      nowMs: performance.now(),
      phases: window.__pacerPhases ?? [],
      rate: Number(document.querySelector('[data-breath-rate]')?.getAttribute('data-breath-rate') ?? 6),
    }));
    if (endMs === Number.POSITIVE_INFINITY) endMs = nowMs + durationMs;
    if (nowMs > endMs) return;
    // The newest breath start after the first one shown (the first waits for a frame after the start).
    const starts = phases.filter((p) => p.phase === 'inhale').slice(1);
    const newest = starts[starts.length - 1];
    if (!anchor && newest)
      anchor = { atMs: newest.atMs, schedule: new PacerSchedule(patternFromRate(rate, 0.4)) };
    if (!anchor) continue;
    const { atMs, schedule } = anchor;
    const periodMs = 60_000 / rate;
    nextSampleMs ??= nowMs - 200;
    const samples: number[][] = [];
    let lastMs = nextSampleMs;
    for (; nextSampleMs <= nowMs; nextSampleMs += SAMPLE_MS) {
      // Pacer time of this sample, measured from a breath start well before it.
      const sinceS = (nextSampleMs - atMs + 100 * periodMs) / 1000 - lagS;
      samples.push(chest.sample(nextSampleMs / 1000, schedule.at(sinceS % (periodMs / 1000)).volume));
      lastMs = nextSampleMs;
    }
    if (samples.length === 0) continue;
    const timestampNs = SENSOR_EPOCH_NS + BigInt(Math.round(lastMs * 1e6));
    await bt.strap.notifyPmdData(rawAccFrame(timestampNs, 1, samples));
  }
}

test('starts the accelerometer of a strap offering PMD, shows the breath rate and its lag behind the pacer, restarts it after a drop', async () => {
  test.setTimeout(150_000);
  await bt.pair({
    address: '09:09:09:09:09:14',
    name: 'Polar H10 B4EA7H',
    batteryPercent: 90,
    manufacturer: 'Polar Electro Oy',
    pmd: true,
  });
  await expect(bt.page.locator('[data-source-state]')).toHaveAttribute('data-source-state', 'live');

  // The app asked for the acceleration settings, then started it at 25 Hz, 16 bit, 2 G.
  await expect.poll(() => bt.strap.pmdCommands.length).toBeGreaterThanOrEqual(2);
  expect(bt.strap.pmdCommands.slice(0, 2)).toEqual([
    [1, 2],
    [2, 2, 0, 1, 25, 0, 1, 1, 16, 0, 2, 1, 2, 0],
  ]);

  // The emulated person breathes at the pacer's 6/min from one anchor breath on: hold the pacer there (the adaptive
  // controller would otherwise start moving it after 45 s, and the lag would be read against a drifting pacer).
  // The lock lives in the running session's settings sheet.
  await bt.page.getByRole('button', { name: 'Session settings' }).click();
  await bt.page.getByLabel('Lock the rate').check();
  await bt.page.getByRole('button', { name: 'Done' }).click();
  const lagS = 1.2;
  await streamBreathing(lagS, 75_000);
  const rate = bt.page.getByTestId('breath-rate');
  await expect(rate).toBeVisible();
  const shownRate = Number(await rate.getAttribute('data-rate-bpm'));
  expect(Math.abs(shownRate - 6)).toBeLessThan(0.5);
  await expect(rate).toContainText('breaths/min');
  const lag = bt.page.getByTestId('breath-lag');
  const shownLag = Number(await lag.getAttribute('data-lag-s'));
  // Frames are timed as they arrive; with three e2e workers on two cores the emulator's deliveries run up to a few
  // tenths of a second late (0.41 s once in a full run), so this checks the wiring; the lag's accuracy is the unit
  // tests' (test/core/respiration/).
  expect(Math.abs(shownLag - lagS)).toBeLessThan(0.6);
  await expect(lag).toContainText('behind the pacer');
  test
    .info()
    .annotations.push({ type: 'measured', description: `rate ${shownRate} /min, lag ${shownLag} s` });

  // After the strap drops and comes back, the app starts the accelerometer again.
  const starts = () => bt.strap.pmdCommands.filter((command) => command[0] === 2).length;
  expect(starts()).toBe(1);
  await bt.strap.disconnect();
  await expect(bt.page.locator('[data-source-state]')).toHaveAttribute('data-source-state', 'live', {
    timeout: 15_000,
  });
  await expect.poll(starts, { timeout: 10_000 }).toBe(2);

  // Stopping the session stops the accelerometer on the strap before letting it go.
  await bt.page.getByRole('button', { name: 'Stop session' }).click();
  await expect.poll(() => bt.strap.pmdCommands.at(-1)).toEqual([3, 2]);
});

test('the demo heart breathes with a chest of its own: its measured breath and lag show without a strap', async () => {
  test.setTimeout(90_000);
  await bt.page.goto(appUrl);
  await bt.page.getByRole('button', { name: 'Start with simulated heart' }).click();
  const rate = bt.page.getByTestId('breath-rate');
  // The first reading needs 30 s of chest motion.
  await expect(rate).toHaveAttribute('data-rate-bpm', /\d/, { timeout: 60_000 });
  const pacerRate = Number(await bt.page.locator('[data-breath-rate]').getAttribute('data-breath-rate'));
  expect(Math.abs(Number(await rate.getAttribute('data-rate-bpm')) - pacerRate)).toBeLessThan(0.5);
  await expect(rate).toContainText('breaths/min');
  // The demo person breathes 0.6 s behind the pacer.
  const lag = Number(await bt.page.getByTestId('breath-lag').getAttribute('data-lag-s'));
  expect(Math.abs(lag - 0.6)).toBeLessThan(0.3);
  await bt.page.getByRole('button', { name: 'Stop session' }).click();
});

test('a replayed CSV with the measured breath column plays that breath into the readout', async () => {
  test.setTimeout(90_000);
  // Two minutes at 75 bpm of a person breathing at 5/min, as this app exports a session with a chest sensor.
  const beats = evenBeats(150, 800, 5);
  const values = Float32Array.from({ length: 4 * 125 }, (_, k) => 30 * Math.sin((2 * Math.PI * k) / 48));
  await bt.page.goto(appUrl);
  await bt.page.getByText('Replay a recording').click();
  await bt.page.getByLabel('Replay speed').selectOption('4');
  await bt.page.getByLabel('Replay an RR file').setInputFiles({
    name: 'h10-session.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(beatsCsv(beats, { startMs: 0, values })),
  });
  const rate = bt.page.getByTestId('breath-rate');
  await expect(rate).toHaveAttribute('data-rate-bpm', /\d/, { timeout: 30_000 });
  expect(Math.abs(Number(await rate.getAttribute('data-rate-bpm')) - 5)).toBeLessThan(0.5);
});
