import { chromium, expect, test } from '@playwright/test';
import { chromiumArgs } from '../../scripts/chromium';
import { skipFirstRun } from './first-run';
import { seriousFindings } from './axe';
import {
  appUrl,
  bluetoothLaunchOptions,
  hrmPacket,
  type StrapSpec,
  useStrapBrowser,
} from './bluetooth-peripheral';

const bt = useStrapBrowser();

/**
 * Alternating RR of 400 and 464 units of 1/1024 s (390.625 and 453.125 ms, exact in the packet's units), about
 * 140 bpm so the RMSSD window fills in seconds. Every successive difference is 62.5 ms, so RMSSD is 62.5 ms.
 */
const rrAt = (i: number) => (i % 2 === 0 ? 390.625 : 453.125);

const sourceState = () => bt.page.locator('[data-source-state]');

/** Add the emulated strap, open the app and press its real Connect button. */
async function pair(spec: StrapSpec): Promise<void> {
  await bt.pair(spec);
}

/** Send `count` beats two per packet, in real time, so the beat timeline's clock and RR sums agree. */
async function sendBeats(from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i += 2) {
    const rr = [rrAt(i), rrAt(i + 1)].slice(0, from + count - i);
    const wait = rr.reduce((a, b) => a + b, 0);
    await bt.page.waitForTimeout(wait);
    await bt.strap.notify(hrmPacket(140, rr));
  }
}

test('pairs a strap through the real button, shows heart rate, live HRV and battery, and survives a drop', async () => {
  await pair({
    address: '09:09:09:09:09:01',
    name: 'Polar H10 1A2B3C4D',
    batteryPercent: 87,
    manufacturer: 'Polar Electro Oy',
  });
  await expect(bt.page.getByTestId('strap-name')).toHaveText('Polar H10 1A2B3C4D');
  await expect(bt.page.getByTestId('strap-battery')).toContainText('87%');
  await expect(sourceState()).toHaveAttribute('data-source-state', 'live');

  // Live RMSSD waits for the artifact check, which labels beats from the 32nd of a session on.
  await sendBeats(0, 34);
  await expect(bt.page.getByTestId('session-beats')).toHaveText('34');
  // Beats of mean RR 421.875 ms fill the 10 s window: 60000 / 421.875 = 142.2 bpm.
  await expect(bt.page.getByTestId('heart-rate')).toHaveText('142');
  await expect(bt.page.getByTestId('rmssd')).toHaveText('62.5');

  await bt.strap.disconnect();
  await expect(bt.page.getByTestId('strap-reconnecting')).toContainText('Reconnecting');
  await expect(sourceState()).toHaveAttribute('data-source-state', 'live', { timeout: 10_000 });
  await expect(bt.page.getByTestId('strap-reconnecting')).toHaveCount(0);

  await sendBeats(34, 34);
  await expect(bt.page.getByTestId('session-beats')).toHaveText('68');
  await expect(bt.page.getByTestId('rmssd')).toHaveText('62.5');

  // The strap's panel survives a visit to another screen.
  await bt.page.getByRole('button', { name: 'About' }).click();
  await bt.page.getByRole('button', { name: 'Session' }).click();
  await expect(bt.page.getByTestId('strap-name')).toHaveText('Polar H10 1A2B3C4D');
  await expect(bt.page.getByTestId('session-beats')).toHaveText('68');
});

test('a watch that sends heart rate without RR gets heart rate on screen and the RR message', async () => {
  await pair({
    address: '09:09:09:09:09:02',
    name: 'Forerunner 265',
    batteryPercent: 55,
    manufacturer: 'Garmin',
  });
  await expect(sourceState()).toHaveAttribute('data-source-state', 'live');
  for (let i = 0; i < 7; i += 1) {
    await bt.page.waitForTimeout(1000);
    await bt.strap.notify(hrmPacket(62, []));
  }
  await expect(bt.page.getByTestId('heart-rate')).toHaveText('62');
  await expect(bt.page.getByTestId('strap-no-rr')).toContainText('no beat-to-beat (RR) intervals');
  await expect(bt.page.getByTestId('strap-no-rr')).toContainText('Polar H10');
});

test('no skin contact is reported from the contact bit', async () => {
  await pair({
    address: '09:09:09:09:09:03',
    name: 'TICKR 2B1F',
    batteryPercent: 90,
    manufacturer: 'Wahoo Fitness',
  });
  await expect(sourceState()).toHaveAttribute('data-source-state', 'live');
  await bt.strap.notify([0x04, 0]);
  await expect(bt.page.getByTestId('strap-no-contact')).toContainText('No skin contact');
  await bt.strap.notify(hrmPacket(70, [857.421875]));
  await expect(bt.page.getByTestId('strap-no-contact')).toHaveCount(0);
});

test('Stop while reconnecting ends the connection and no further attempt is made', async () => {
  await pair({
    address: '09:09:09:09:09:04',
    name: 'HRM-Dual 77',
    batteryPercent: 40,
    manufacturer: 'Garmin',
  });
  await expect(sourceState()).toHaveAttribute('data-source-state', 'live');
  await expect(bt.page.getByTestId('strap-battery')).toContainText('40%');
  await bt.strap.disconnect();
  await bt.page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(sourceState()).toHaveAttribute('data-source-state', 'ended');
  const connections = bt.strap.seen.connections;
  await bt.page.waitForTimeout(2500);
  expect(bt.strap.seen.connections).toBe(connections);
  await expect(bt.page.getByRole('button', { name: 'Connect HRM-Dual 77' })).toBeVisible();
});

test('the strap is remembered: after a reload one tap reconnects it without the chooser', async () => {
  await pair({
    address: '09:09:09:09:09:05',
    name: 'Polar H9 5E6F',
    batteryPercent: 64,
    manufacturer: 'Polar Electro Oy',
  });
  await expect(sourceState()).toHaveAttribute('data-source-state', 'live');
  const prompts = bt.strap.prompts;
  await bt.strap.idle();
  await bt.page.reload();
  await bt.strap.afterReload();
  await bt.page.getByRole('button', { name: 'Connect Polar H9 5E6F' }).click();
  await expect(sourceState()).toHaveAttribute('data-source-state', 'live');
  expect(bt.strap.prompts).toBe(prompts);
  await bt.strap.notify(hrmPacket(72, [833.984375]));
  await expect(bt.page.getByTestId('strap-heart-rate')).toContainText('72');
});

test('a browser without Web Bluetooth says which browsers have it and offers the simulated heart once, as Start', async () => {
  const plain = await chromium.launch({
    executablePath: bluetoothLaunchOptions.executablePath,
    args: chromiumArgs,
  });
  try {
    const plainPage = await plain.newPage();
    await skipFirstRun(plainPage);
    await plainPage.goto(appUrl);
    await expect(plainPage.getByTestId('strap-message')).toContainText('Chrome and Edge');
    // One button for the simulated heart: the big Start, above the note (the note points to it, no second button).
    const simulated = plainPage.getByRole('button', { name: /simulated heart/i });
    await expect(simulated).toHaveCount(1);
    await expect(simulated).toHaveText('Start with simulated heart');
    const start = await simulated.boundingBox();
    const note = await plainPage.getByTestId('strap-message').boundingBox();
    expect(start!.y + start!.height).toBeLessThanOrEqual(note!.y);
    await expect(plainPage.getByTestId('strap-message').getByRole('button')).toHaveCount(0);
  } finally {
    await plain.close();
  }
});

test('Retry now reconnects at once while the app waits between attempts', async () => {
  await pair({
    address: '09:09:09:09:09:06',
    name: 'Polar H10 99AA',
    batteryPercent: 70,
    manufacturer: 'Polar Electro Oy',
  });
  await expect(bt.page.getByTestId('strap-battery')).toContainText('70%');
  await bt.strap.notify(hrmPacket(70, [857]));
  await expect(bt.page.getByTestId('heart-rate')).toHaveText('70');
  bt.strap.refuseConnections = true;
  await bt.strap.disconnect();
  // Attempt 1 after 1 s fails; attempt 2 is then 2 s away, then 4 s.
  await expect(bt.page.getByTestId('strap-reconnecting')).toContainText('Attempt 2 in', { timeout: 10_000 });
  // The last heart rate is not shown on as if it were live while the strap is gone.
  await expect(bt.page.getByTestId('heart-rate')).toHaveText('–');
  await expect(bt.page.getByText('No signal from the strap')).toBeVisible();
  await expect(bt.page.getByTestId('strap-heart-rate')).toHaveCount(0);
  expect(await seriousFindings(bt.page)).toEqual([]);
  bt.strap.refuseConnections = false;
  const connections = bt.strap.seen.connections;
  await bt.page.getByRole('button', { name: 'Retry now' }).click();
  await expect(sourceState()).toHaveAttribute('data-source-state', 'live', { timeout: 1500 });
  expect(bt.strap.seen.connections).toBe(connections + 1);
  await expect(bt.page.getByText('No signal from the strap')).toHaveCount(0);
  // Battery, body location and manufacturer are read again on every connection.
  await expect.poll(() => bt.strap.seen.reads).toBe(6);
});

test('a computer without a Bluetooth adapter gets the Bluetooth-unavailable message', async () => {
  await bt.attach({
    address: '09:09:09:09:09:07',
    name: 'Polar H10 OFF',
    batteryPercent: 70,
    manufacturer: 'Polar Electro Oy',
    adapter: 'absent',
  });
  await expect(bt.page.getByText('Bluetooth looks switched off')).toBeVisible();
  await bt.page.getByRole('button', { name: 'Connect a heart-rate strap' }).click();
  await expect(bt.page.getByTestId('strap-message')).toContainText('Bluetooth is off or unavailable');
  expect(await seriousFindings(bt.page)).toEqual([]);
});

test('closing the chooser without a strap gets its message and no session starts', async () => {
  await pair({
    address: '09:09:09:09:09:08',
    name: 'Polar H10 CANCEL',
    batteryPercent: 70,
    manufacturer: 'Polar Electro Oy',
    chooser: 'cancel',
  });
  await expect(bt.page.getByTestId('strap-message')).toContainText('No strap was chosen');
  expect(await seriousFindings(bt.page)).toEqual([]);
  await expect(bt.page.getByRole('button', { name: 'Stop session' })).toHaveCount(0);
});
