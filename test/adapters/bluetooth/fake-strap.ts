/**
 * Test doubles for a Web Bluetooth strap: just enough of BluetoothDevice, the GATT server, services and
 * characteristics for the heart source, with a log of the calls made, plus timers driven by hand.
 */
import type { Timers } from '../../../src/adapters/bluetooth/timers';
import { fullUuid } from '../../../src/core/gatt/uuids';

export class FakeCharacteristic extends EventTarget {
  value: DataView | undefined;
  listeners = 0;
  constructor(
    readonly strap: FakeStrap,
    readonly uuid: number,
    readonly readBytes: number[] | null,
  ) {
    super();
  }
  override addEventListener(type: string, callback: EventListenerOrEventListenerObject | null): void {
    this.listeners += 1;
    this.strap.log.push(`add ${type}`);
    super.addEventListener(type, callback);
  }
  override removeEventListener(type: string, callback: EventListenerOrEventListenerObject | null): void {
    this.listeners -= 1;
    this.strap.log.push(`remove ${type}`);
    super.removeEventListener(type, callback);
  }
  async startNotifications(): Promise<this> {
    this.strap.log.push('startNotifications');
    return this;
  }
  async stopNotifications(): Promise<this> {
    this.strap.log.push('stopNotifications');
    return this;
  }
  async readValue(): Promise<DataView> {
    if (this.readBytes === null) throw new DOMException('Not readable', 'NotSupportedError');
    return new DataView(new Uint8Array(this.readBytes).buffer);
  }
  /** The strap sends a notification. */
  notify(bytes: number[]): void {
    this.value = new DataView(new Uint8Array(bytes).buffer);
    this.dispatchEvent(new Event('characteristicvaluechanged'));
  }
}

export class FakeStrap extends EventTarget {
  readonly id = 'strap-1';
  readonly log: string[] = [];
  /** What the next connect() does. */
  nextConnect: 'ok' | 'fail' | 'hang' | 'held' = 'ok';
  /** Completes a connect() made while `nextConnect` was 'held'. */
  release: () => void = () => {};
  connected = false;
  connects = 0;
  measurement: FakeCharacteristic;
  readonly characteristics: Map<number, FakeCharacteristic>;
  readonly gatt: unknown;

  constructor(
    readonly name: string,
    reads: Record<number, number[]> = { 0x2a19: [87], 0x2a38: [1], 0x2a29: [0x50, 0x6f, 0x6c, 0x61, 0x72] },
  ) {
    super();
    this.measurement = new FakeCharacteristic(this, 0x2a37, null);
    this.characteristics = new Map(
      Object.entries(reads).map(([uuid, bytes]) => [
        Number(uuid),
        new FakeCharacteristic(this, Number(uuid), bytes),
      ]),
    );
    this.characteristics.set(0x2a37, this.measurement);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fake server's getters read the strap's live state
    const strap = this;
    const server = {
      get connected() {
        return strap.connected;
      },
      async connect() {
        strap.connects += 1;
        strap.log.push('connect');
        if (strap.nextConnect === 'fail')
          throw new DOMException('Connection failed for unknown reason.', 'NetworkError');
        if (strap.nextConnect === 'hang') return new Promise<never>(() => {});
        if (strap.nextConnect === 'held') await new Promise<void>((resolve) => (strap.release = resolve));
        strap.connected = true;
        return server;
      },
      disconnect() {
        strap.log.push('disconnect');
        strap.drop();
      },
      async getPrimaryService(service: number) {
        return {
          async getCharacteristic(uuid: number) {
            const characteristic = strap.characteristics.get(uuid);
            if (
              !characteristic ||
              !strap.connected ||
              (service === 0x180d) !== (uuid === 0x2a37 || uuid === 0x2a38)
            )
              throw new DOMException(
                `No Characteristics matching UUID ${fullUuid(uuid)} found`,
                'NotFoundError',
              );
            return characteristic;
          },
        };
      },
    };
    this.gatt = server;
  }

  /** The link goes down (the strap walked out of range, or the page asked for it). */
  drop(): void {
    if (!this.connected) return;
    this.connected = false;
    this.dispatchEvent(new Event('gattserverdisconnected'));
  }

  asDevice(): BluetoothDevice {
    // The fake implements only the members the heart source uses.
    return this as unknown as BluetoothDevice;
  }
}

/** Timers whose clock moves only when the test says so. */
export class ManualTimers implements Timers {
  #now = 0;
  #next = 1;
  #pending = new Map<number, { at: number; callback: () => void }>();
  now(): number {
    return this.#now;
  }
  setTimeout(callback: () => void, delayMs: number): number {
    const handle = this.#next++;
    this.#pending.set(handle, { at: this.#now + delayMs, callback });
    return handle;
  }
  clearTimeout(handle: number): void {
    this.#pending.delete(handle);
  }
  get pending(): number {
    return this.#pending.size;
  }
  /** Move the clock forward, running due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    for (;;) {
      const due = [...this.#pending.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#pending.delete(due[0]);
      this.#now = due[1].at;
      due[1].callback();
      await settle();
    }
    this.#now = end;
    await settle();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}
