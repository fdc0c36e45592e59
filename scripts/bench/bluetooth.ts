/**
 * Latency from a heart-rate notification's arrival to the heart rate on screen, in the real app against
 * Chromium's emulated strap (test/e2e/bluetooth-peripheral.ts). Builds the app, serves it with `vite preview`
 * on a free port, pairs through the real button, then sends notifications in real time (one beat of 300 ms
 * each, heart rate alternating 199/200 bpm so the text changes every time).
 *
 * Measured in the page: the start is the characteristicvaluechanged event's timeStamp (the arrival, on the
 * performance.now() clock); the end is the first requestAnimationFrame after a MutationObserver sees the new text,
 * i.e. the frame that paints it.
 * - notify-to-screen: the strap's heart rate in the session's strap panel (parse, source, state, Svelte).
 * - notify-to-hrv-screen: the session's beat count, which comes back from the HRV worker (the path every live
 *   HRV figure takes).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { EmulatedStrap, hrmPacket, launchStrapBrowser } from '../../test/e2e/bluetooth-peripheral.ts';

const NOTIFICATIONS = 240;
const WARM_UP = 20;
const RR_MS = 300;

export async function run(): Promise<Record<string, number>> {
  // Production build whatever NODE_ENV an earlier benchmark left in this process (see history.ts).
  const build = spawnSync('node_modules/.bin/vite', ['build'], {
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const port = await freePort();
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
    },
  );
  try {
    await waitForServer(`http://127.0.0.1:${port}/`, server);
    return await measure(`http://127.0.0.1:${port}/`);
  } finally {
    if (server.pid !== undefined && server.exitCode === null) server.kill('SIGTERM');
  }
}

async function measure(url: string): Promise<Record<string, number>> {
  const { browser, context, page } = await launchStrapBrowser();
  try {
    const strap = await EmulatedStrap.attach(browser, context, page, {
      address: '09:09:09:09:09:0B',
      name: 'Bench strap',
      batteryPercent: 80,
      manufacturer: 'Bench',
    });
    await page.goto(url);
    await page.getByRole('button', { name: 'Connect a heart-rate strap' }).click();
    await page.locator('[data-source-state="live"]').waitFor();
    await installTiming(page);

    const toScreen: number[] = [];
    const toHrv: number[] = [];
    const startMs = Date.now();
    for (let i = 0; i < NOTIFICATIONS; i += 1) {
      // Deliver on an absolute schedule so the RR sums and the arrival clock stay together.
      const waitMs = startMs + (i + 1) * RR_MS - Date.now();
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      const heartRate = i % 2 === 0 ? 199 : 200;
      await page.evaluate(`window.__armNotifyTiming(${JSON.stringify(`${heartRate} bpm`)}, "${i + 1}")`);
      await strap.notify(hrmPacket(heartRate, [RR_MS]));
      const [arrivedMs, shownMs, hrvShownMs] =
        await page.evaluate<[number, number, number]>('window.__notifyTiming');
      if (i >= WARM_UP) {
        toScreen.push(shownMs - arrivedMs);
        toHrv.push(hrvShownMs - arrivedMs);
      }
    }
    await strap.close();
    return {
      'notify-to-screen-p50-ms': percentile(toScreen, 0.5),
      'notify-to-screen-p95-ms': percentile(toScreen, 0.95),
      'notify-to-hrv-screen-p50-ms': percentile(toHrv, 0.5),
      'notify-to-hrv-screen-p95-ms': percentile(toHrv, 0.95),
      'notify-samples': toScreen.length,
    };
  } finally {
    await browser.close();
  }
}

/**
 * In the page: time one notification from its event to the frame that paints the new texts. Kept as plain
 * JavaScript text because tsx would wrap a function passed to page.evaluate() in a helper the page lacks.
 */
const TIMING_SCRIPT = `(() => {
  const paintedWhen = (selector, text, exact) => new Promise((resolve) => {
    const shows = () => {
      const content = document.querySelector(selector)?.textContent ?? '';
      return exact ? content === text : content.includes(text);
    };
    const observer = new MutationObserver(() => {
      if (!shows()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  window.__armNotifyTiming = (heartRate, beats) => {
    const characteristic = window.__resonanceHrm;
    if (!characteristic) throw new Error('no heart-rate characteristic');
    const arrived = new Promise((resolve) =>
      characteristic.addEventListener('characteristicvaluechanged', (event) => resolve(event.timeStamp), { once: true }),
    );
    window.__notifyTiming = Promise.all([
      arrived,
      paintedWhen('[data-testid="strap-heart-rate"]', heartRate, false),
      paintedWhen('[data-testid="session-beats"]', beats, true),
    ]);
  };
})()`;

async function installTiming(page: Page): Promise<void> {
  await page.evaluate(TIMING_SCRIPT);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('no samples');
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (rank - low);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 150; tries += 1) {
    if (server.exitCode !== null) throw new Error('vite preview exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('vite preview did not start');
}
