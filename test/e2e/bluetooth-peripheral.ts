/**
 * Chromium's emulated Bluetooth peripheral as a heart-rate strap, driven over the DevTools Protocol
 * (../shared/notes/web-bluetooth-e2e.md): BluetoothEmulation on the browser target builds the strap and answers
 * every GATT operation; DeviceAccess on the page target picks it in the chooser. The app's own Web Bluetooth code
 * runs unchanged. Chromium has no command that pushes a notification, so {@link EmulatedStrap.notify} makes the
 * page's characteristic call readValue() and answers that read with the packet: the browser then fires
 * characteristicvaluechanged on the object the app listens to, with exactly those bytes.
 */
import {
  chromium,
  test,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type CDPSession,
  type Page,
} from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';
import { skipFirstRun } from './first-run';
import { PMD_CONTROL_POINT, PMD_DATA, PMD_SERVICE } from '../../src/core/gatt/uuids';
import { H10_ACC_SETTINGS, pmdResponse } from '../core/gatt/pmd-bytes';

declare global {
  interface Window {
    /** Test only: the newest Heart Rate Measurement characteristic the app subscribed to. */
    __resonanceHrm?: BluetoothRemoteGATTCharacteristic;
    /** Test only: the newest PMD control point and data characteristics the app subscribed to. */
    __resonancePmdControl?: BluetoothRemoteGATTCharacteristic;
    __resonancePmdData?: BluetoothRemoteGATTCharacteristic;
  }
}

export const bluetoothLaunchOptions = {
  executablePath: chromiumPath(),
  args: [...chromiumArgs, '--enable-features=WebBluetooth', '--enable-experimental-web-platform-features'],
};

/** The built app as the e2e server serves it (playwright.config.ts). */
export const appUrl = `http://127.0.0.1:${process.env.E2E_PORT ?? 4174}/`;

const uuid = (short: number) => `0000${short.toString(16).padStart(4, '0')}-0000-1000-8000-00805f9b34fb`;

/**
 * The only test hook in the page: remembers the characteristic the app called startNotifications() on, so the
 * harness can ask it to read. The app's code is not changed.
 */
const CAPTURE_HRM_SCRIPT = `(() => {
  const proto = globalThis.BluetoothRemoteGATTCharacteristic?.prototype;
  if (!proto) return;
  const start = proto.startNotifications;
  proto.startNotifications = function () {
    if (this.uuid === '${uuid(0x2a37)}') window.__resonanceHrm = this;
    if (this.uuid === '${PMD_CONTROL_POINT}') window.__resonancePmdControl = this;
    if (this.uuid === '${PMD_DATA}') window.__resonancePmdData = this;
    return start.call(this);
  };
})();`;

export interface StrapSpec {
  readonly address: string;
  readonly name: string;
  readonly batteryPercent: number;
  readonly manufacturer: string;
  /** The emulated adapter (default present and on). */
  readonly adapter?: 'powered-on' | 'absent';
  /** What the person does in the chooser (default: picks the strap). */
  readonly chooser?: 'select' | 'cancel';
  /** Offer Polar's Measurement Data service with an accelerometer, as an H10 does (default: no). */
  readonly pmd?: boolean;
}

const base64 = (bytes: readonly number[]) => Buffer.from(bytes).toString('base64');

export class EmulatedStrap {
  readonly spec: StrapSpec;
  readonly #browserCdp: CDPSession;
  readonly #pageCdp: CDPSession;
  readonly #page: Page;
  /** Answers the browser refused (an operation overtaken by a disconnection), kept for the test to read. */
  readonly refused: string[] = [];
  /** Characteristic id -> bytes to answer reads with; the measurement's entry is the packet being delivered. */
  #reads = new Map<string, number[]>();
  #hrmId = '';
  #pmdControlId = '';
  #pmdDataId = '';
  #stale = false;
  #prompts = new Set<string>();
  /** While true, connection attempts fail as if the strap were out of range. */
  refuseConnections = false;
  /** Counts of operations seen, for assertions and waiting. */
  readonly seen = { connections: 0, subscriptions: 0, unsubscriptions: 0, reads: 0 };
  /** PMD control-point commands written by the app, as byte arrays, oldest first. */
  readonly pmdCommands: number[][] = [];
  #closed = false;
  #inFlight = 0;

  private constructor(spec: StrapSpec, browserCdp: CDPSession, pageCdp: CDPSession, page: Page) {
    this.spec = spec;
    this.#browserCdp = browserCdp;
    this.#pageCdp = pageCdp;
    this.#page = page;
  }

  /** Power on the emulated adapter, add the strap, and answer the chooser and every GATT operation. */
  static async attach(
    browser: Browser,
    context: BrowserContext,
    page: Page,
    spec: StrapSpec,
  ): Promise<EmulatedStrap> {
    await context.addInitScript(CAPTURE_HRM_SCRIPT);
    const browserCdp = await browser.newBrowserCDPSession();
    const pageCdp = await context.newCDPSession(page);
    const strap = new EmulatedStrap(spec, browserCdp, pageCdp, page);
    await strap.#powerOn();
    browserCdp.on('BluetoothEmulation.gattOperationReceived', (event) => void strap.#onGatt(event.type));
    browserCdp.on(
      'BluetoothEmulation.characteristicOperationReceived',
      (event) => void strap.#onCharacteristic(event.characteristicId, event.type, event.data),
    );
    browserCdp.on(
      'BluetoothEmulation.descriptorOperationReceived',
      (event) =>
        void browserCdp.send('BluetoothEmulation.simulateDescriptorOperationResponse', {
          descriptorId: event.descriptorId,
          type: event.type,
          code: 0,
          ...(event.type === 'read' ? { data: base64([0, 0]) } : {}),
        }),
    );
    await pageCdp.send('DeviceAccess.enable');
    pageCdp.on('DeviceAccess.deviceRequestPrompted', (event) => {
      // The event repeats while the chooser is open; a second selectPrompt on one id crashes the browser.
      const device = event.devices.find((d) => d.name === spec.name) ?? event.devices[0];
      if (strap.#prompts.has(event.id) || !device) return;
      strap.#prompts.add(event.id);
      strap.#answer(() =>
        spec.chooser === 'cancel'
          ? pageCdp.send('DeviceAccess.cancelPrompt', { id: event.id })
          : pageCdp.send('DeviceAccess.selectPrompt', { id: event.id, deviceId: device.id }),
      );
    });
    return strap;
  }

  /** Wait until every operation the app started has been answered (before a reload, a drop or the end). */
  async idle(): Promise<void> {
    for (let quietFor = 0; quietFor < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      quietFor = this.#inFlight === 0 ? quietFor + 1 : 0;
    }
  }

  /** A reload resets Chromium's emulated adapter: power it on and add the strap again. */
  async afterReload(): Promise<void> {
    await this.#browserCdp.send('BluetoothEmulation.disable');
    await this.#powerOn();
  }

  async #powerOn(): Promise<void> {
    await this.#browserCdp.send('BluetoothEmulation.enable', { state: 'powered-on', leSupported: true });
    await this.#browserCdp.send('BluetoothEmulation.simulatePreconnectedPeripheral', {
      address: this.spec.address,
      name: this.spec.name,
      manufacturerData: [],
      knownServiceUuids: [uuid(0x180d)],
    });
    await this.#build();
    // Removed after the strap exists. (A powered-off adapter still counts as available in Chromium, which then
    // shows "Bluetooth is off" inside its own chooser; the page only learns that the chooser was closed.)
    if (this.spec.adapter === 'absent') {
      await this.#browserCdp.send('BluetoothEmulation.setSimulatedCentralState', { state: 'absent' });
    }
  }

  /** Drop the link as if the strap walked out of range. Chromium wipes its GATT database, rebuilt on reconnect. */
  async disconnect(): Promise<void> {
    await this.idle();
    this.#stale = true;
    await this.#browserCdp.send('BluetoothEmulation.simulateGATTDisconnection', {
      address: this.spec.address,
    });
  }

  /** Deliver one Heart Rate Measurement notification with these bytes to the app's listener. */
  async notify(bytes: readonly number[]): Promise<void> {
    await this.#deliver(this.#hrmId, '__resonanceHrm', bytes);
  }

  /**
   * Make the page's own characteristic (remembered under `key` by the capture script) read these bytes: the browser
   * then fires characteristicvaluechanged on it, as a notification or indication would.
   */
  async #deliver(
    characteristicId: string,
    key: '__resonanceHrm' | '__resonancePmdControl' | '__resonancePmdData',
    bytes: readonly number[],
  ): Promise<void> {
    this.#reads.set(characteristicId, [...bytes]);
    await this.#page.evaluate(async (name) => {
      const characteristic = window[name];
      if (!characteristic) throw new Error(`the app has not subscribed (${name})`);
      await characteristic.readValue();
    }, key);
  }

  /** Deliver one PMD data notification (an accelerometer frame) to the app's listener. */
  async notifyPmdData(bytes: readonly number[]): Promise<void> {
    await this.#deliver(this.#pmdDataId, '__resonancePmdData', bytes);
  }

  /** Indicate a control-point answer (delivered, like notifications, through a read the page makes). */
  async #indicatePmd(bytes: readonly number[]): Promise<void> {
    await this.#deliver(this.#pmdControlId, '__resonancePmdControl', bytes);
  }

  /** The answer an H10 gives to a control-point command: settings, start (no factor), stop. */
  #answerPmd(command: readonly number[]): void {
    this.pmdCommands.push([...command]);
    const op = command[0] ?? 0;
    const answer =
      op === 1 ? pmdResponse(1, 0, H10_ACC_SETTINGS) : op === 2 || op === 3 ? pmdResponse(op, 0) : null;
    if (!answer) return;
    // After the write's own answer has reached the page: two operations on one characteristic cannot overlap.
    setTimeout(() => this.#answer(() => this.#indicatePmd(answer)), 30);
  }

  /** How many chooser prompts the strap has been picked in. */
  get prompts(): number {
    return this.#prompts.size;
  }

  async close(): Promise<void> {
    await this.idle();
    this.#closed = true;
    await this.#pageCdp.detach().catch(() => {});
    await this.#browserCdp.detach().catch(() => {});
  }

  /** An answer may race a simulated disconnection; the browser then refuses it, which is expected. */
  #answer(send: () => Promise<unknown>): void {
    if (this.#closed) return;
    this.#inFlight += 1;
    send()
      .finally(() => (this.#inFlight -= 1))
      .catch((error: unknown) => this.refused.push(error instanceof Error ? error.message : String(error)));
  }

  async #onGatt(type: 'connection' | 'discovery'): Promise<void> {
    if (type === 'connection') {
      this.seen.connections += 1;
      if (this.#stale) await this.#build();
    }
    // 0x101 is GATT_FAILURE, the code the Web Bluetooth tests use for a failed connection.
    const refuse = type === 'connection' && this.refuseConnections;
    await this.#browserCdp.send('BluetoothEmulation.simulateGATTOperationResponse', {
      address: this.spec.address,
      type,
      code: refuse ? 0x101 : 0,
    });
  }

  async #onCharacteristic(
    characteristicId: string,
    type: 'read' | 'write' | 'subscribe-to-notifications' | 'unsubscribe-from-notifications',
    written?: string,
  ): Promise<void> {
    const pmd = characteristicId === this.#pmdControlId || characteristicId === this.#pmdDataId;
    if (!pmd) {
      if (type === 'subscribe-to-notifications') this.seen.subscriptions += 1;
      if (type === 'unsubscribe-from-notifications') this.seen.unsubscriptions += 1;
      if (type === 'read' && characteristicId !== this.#hrmId) this.seen.reads += 1;
    }
    const data = type === 'read' ? this.#reads.get(characteristicId) : undefined;
    await this.#browserCdp.send('BluetoothEmulation.simulateCharacteristicOperationResponse', {
      characteristicId,
      type,
      code: 0,
      ...(data ? { data: base64(data) } : {}),
    });
    if (type === 'write' && characteristicId === this.#pmdControlId && written !== undefined) {
      this.#answerPmd([...Buffer.from(written, 'base64')]);
    }
  }

  /** Heart Rate (measurement + body sensor location), Battery and Device Information, with fresh ids. */
  async #build(): Promise<void> {
    const cdp = this.#browserCdp;
    const address = this.spec.address;
    const service = async (short: number) =>
      (await cdp.send('BluetoothEmulation.addService', { address, serviceUuid: uuid(short) })).serviceId;
    const characteristic = async (
      serviceId: string,
      short: number | string,
      properties: { read?: boolean; write?: boolean; notify?: boolean; indicate?: boolean },
    ) =>
      (
        await cdp.send('BluetoothEmulation.addCharacteristic', {
          serviceId,
          characteristicUuid: typeof short === 'string' ? short : uuid(short),
          properties,
        })
      ).characteristicId;
    const reads = new Map<string, number[]>();
    const heartRate = await service(0x180d);
    this.#hrmId = await characteristic(heartRate, 0x2a37, { notify: true });
    await cdp.send('BluetoothEmulation.addDescriptor', {
      characteristicId: this.#hrmId,
      descriptorUuid: uuid(0x2902),
    });
    reads.set(await characteristic(heartRate, 0x2a38, { read: true }), [1]);
    const battery = await service(0x180f);
    reads.set(await characteristic(battery, 0x2a19, { read: true }), [this.spec.batteryPercent]);
    const info = await service(0x180a);
    reads.set(await characteristic(info, 0x2a29, { read: true }), [...Buffer.from(this.spec.manufacturer)]);
    if (this.spec.pmd) {
      const pmd = (await cdp.send('BluetoothEmulation.addService', { address, serviceUuid: PMD_SERVICE }))
        .serviceId;
      this.#pmdControlId = await characteristic(pmd, PMD_CONTROL_POINT, {
        read: true,
        write: true,
        indicate: true,
      });
      this.#pmdDataId = await characteristic(pmd, PMD_DATA, { notify: true });
      for (const characteristicId of [this.#pmdControlId, this.#pmdDataId]) {
        await cdp.send('BluetoothEmulation.addDescriptor', {
          characteristicId,
          descriptorUuid: uuid(0x2902),
        });
      }
      // Features: ECG (bit 0) and acceleration (bit 2), as an H10 reports them.
      reads.set(this.#pmdControlId, [0x0f, 0x05]);
    }
    this.#reads = reads;
    this.#stale = false;
  }
}

/** Heart Rate Measurement bytes: contact detected, 8-bit heart rate, RR in ms converted to 1/1024 s. */
export function hrmPacket(heartRateBpm: number, rrMs: readonly number[]): number[] {
  const flags = 0x06 | (rrMs.length > 0 ? 0x10 : 0);
  const units = rrMs.map((ms) => Math.round((ms * 1024) / 1000));
  return [flags, heartRateBpm, ...units.flatMap((u) => [u & 0xff, u >> 8])];
}

/** A Chromium with Web Bluetooth and its emulated adapter, one context and one page in it. */
export interface StrapPage {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
}

export interface StrapBrowserOptions {
  readonly context?: BrowserContextOptions;
  /** Scripts added to the context before any page loads. */
  readonly initScripts?: readonly string[];
  /** Show the welcome screen (default: skipped, as for a person who has read it). */
  readonly firstRun?: 'skip' | 'show';
}

/**
 * A fresh Chromium with Web Bluetooth (its emulated adapter is the browser's, so nothing inherits another's strap),
 * a context with the first run skipped and `initScripts` added, and a page. The caller closes the browser.
 */
export async function launchStrapBrowser(options: StrapBrowserOptions = {}): Promise<StrapPage> {
  const browser = await chromium.launch(bluetoothLaunchOptions);
  const context = await browser.newContext(options.context);
  if (options.firstRun !== 'show') await skipFirstRun(context);
  for (const script of options.initScripts ?? []) await context.addInitScript(script);
  return { browser, context, page: await context.newPage() };
}

/** One test's {@link launchStrapBrowser}, and the strap once attached. */
export interface StrapBrowser extends StrapPage {
  /** The strap {@link StrapBrowser.attach} added (a test that never attaches one must not read it). */
  readonly strap: EmulatedStrap;
  /** Add the emulated strap and open the app. */
  attach(spec: StrapSpec): Promise<EmulatedStrap>;
  /** Add the emulated strap, open the app and press its real Connect button. */
  pair(spec: StrapSpec): Promise<EmulatedStrap>;
}

/**
 * For each test of the calling file, {@link launchStrapBrowser}; afterwards the strap is released and the browser
 * closed. Read the fields inside a test, not at load.
 */
export function useStrapBrowser(options: StrapBrowserOptions = {}): StrapBrowser {
  let current: (StrapPage & { strap: EmulatedStrap | null }) | null = null;
  const now = () => {
    if (!current) throw new Error('useStrapBrowser: read inside a test');
    return current;
  };
  test.beforeEach(async () => {
    current = { ...(await launchStrapBrowser(options)), strap: null };
  });
  test.afterEach(async () => {
    const ended = current;
    current = null;
    await ended?.strap?.close();
    await ended?.browser.close();
  });
  const rig: StrapBrowser = {
    get browser() {
      return now().browser;
    },
    get context() {
      return now().context;
    },
    get page() {
      return now().page;
    },
    get strap() {
      const { strap } = now();
      if (!strap) throw new Error('useStrapBrowser: no strap attached yet');
      return strap;
    },
    async attach(spec) {
      const at = now();
      at.strap = await EmulatedStrap.attach(at.browser, at.context, at.page, spec);
      await at.page.goto(appUrl);
      return at.strap;
    },
    async pair(spec) {
      const strap = await rig.attach(spec);
      await now().page.getByRole('button', { name: 'Connect a heart-rate strap' }).click();
      return strap;
    },
  };
  return rig;
}
