import { chromium, expect, test } from '@playwright/test';
import { skipFirstRun } from './first-run';
import { bluetoothLaunchOptions } from './bluetooth-peripheral';

const appUrl = `http://127.0.0.1:${process.env.E2E_PORT ?? 4174}/`;

test('a second tab cannot open the strap chooser while another tab runs a session, and says why', async () => {
  const browser = await chromium.launch(bluetoothLaunchOptions);
  try {
    // A powered adapter, so a chooser can open at all.
    const adapter = await browser.newBrowserCDPSession();
    await adapter.send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
    const context = await browser.newContext();
    await skipFirstRun(context);
    const first = await context.newPage();
    await first.goto(appUrl);
    await first.getByRole('button', { name: 'Start with simulated heart' }).click();
    await expect(first.locator('[data-source-state]')).toHaveAttribute('data-source-state', 'live');

    const second = await context.newPage();
    const cdp = await context.newCDPSession(second);
    let prompted = 0;
    cdp.on('DeviceAccess.deviceRequestPrompted', () => (prompted += 1));
    await cdp.send('DeviceAccess.enable');
    await second.goto(appUrl);
    await second.getByRole('button', { name: 'Connect a heart-rate strap' }).click();
    await expect(second.getByRole('alert')).toContainText(
      'A session is already running in another Resonance tab',
    );
    await second.waitForTimeout(500);
    expect(prompted).toBe(0);

    // Once the first tab stops, the second may pair: the chooser opens (and is closed here).
    await first.getByRole('button', { name: 'Stop session' }).click();
    cdp.on('DeviceAccess.deviceRequestPrompted', (event: { id: string }) => {
      void cdp.send('DeviceAccess.cancelPrompt', { id: event.id });
    });
    await second.getByRole('button', { name: 'Connect a heart-rate strap' }).click();
    await expect.poll(() => prompted, { timeout: 10_000 }).toBe(1);
  } finally {
    await browser.close();
  }
});
