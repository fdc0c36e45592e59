/**
 * Test doubles for a Web Bluetooth strap: just enough of BluetoothDevice, the GATT server, services and
 * characteristics for the heart source, with a log of the calls made, plus timers driven by hand.
 */
import type { Timers } from '../../../src/adapters/bluetooth/timers';
import { fullUuid, PMD_CONTROL_POINT, PMD_DATA, PMD_SERVICE } from '../../../src/core/gatt/uuids';
import { H10_ACC_SETTINGS, pmdResponse } from '../../core/gatt/pmd-bytes';

export class FakeCharacteristic extends EventTarget {
  value: DataView | undefined;
  listeners = 0;
  constructor(
    readonly strap: FakeStrap,
    readonly uuid: number | string,
    public readBytes: number[] | null,
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
  /** What a write does (the PMD control point answers it with an indication). */
  onWrite: ((bytes: number[]) => void) | null = null;
  async writeValueWithResponse(value: BufferSource): Promise<void> {
    const bytes = [...new Uint8Array(value instanceof ArrayBuffer ? value : value.buffer)];
    this.strap.log.push(`write ${bytes.join(',')}`);
    if (!this.onWrite) throw new DOMException('Not writable', 'NotSupportedError');
    const onWrite = this.onWrite;
    queueMicrotask(() => onWrite(bytes));
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

/**
 * How a fake strap's PMD service behaves: `h10` answers as an H10 does; `silent` never answers a command;
 * `already-started` answers the first start with "already in state"; `no-acc` offers ECG only.
 */
export type FakePmd = 'h10' | 'silent' | 'already-started' | 'no-acc';

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

  /** The PMD characteristics, when the strap has the service. */
  readonly pmdControl: FakeCharacteristic;
  readonly pmdData: FakeCharacteristic;

  constructor(
    readonly name: string,
    reads: Record<number, number[]> = { 0x2a19: [87], 0x2a38: [1], 0x2a29: [0x50, 0x6f, 0x6c, 0x61, 0x72] },
    readonly pmd: FakePmd | null = null,
  ) {
    super();
    this.pmdControl = new FakeCharacteristic(
      this,
      PMD_CONTROL_POINT,
      pmd === 'no-acc' ? [0x0f, 0x01] : [0x0f, 0x05],
    );
    this.pmdData = new FakeCharacteristic(this, PMD_DATA, null);
    let refusedStart = false;
    this.pmdControl.onWrite = (bytes) => {
      const op = bytes[0] ?? 0;
      if (pmd === 'silent') return;
      if (op === 2 && pmd === 'already-started' && !refusedStart) {
        refusedStart = true;
        this.pmdControl.notify(pmdResponse(2, 6));
        return;
      }
      this.pmdControl.notify(op === 1 ? pmdResponse(1, 0, H10_ACC_SETTINGS) : pmdResponse(op, 0));
    };
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
      async getPrimaryService(service: number | string) {
        if (service === PMD_SERVICE) {
          if (!strap.pmd || !strap.connected) throw new DOMException('No PMD service', 'NotFoundError');
          return {
            async getCharacteristic(uuid: string) {
              if (uuid === PMD_CONTROL_POINT) return strap.pmdControl;
              if (uuid === PMD_DATA) return strap.pmdData;
              throw new DOMException(`No Characteristics matching UUID ${uuid} found`, 'NotFoundError');
            },
          };
        }
        return {
          async getCharacteristic(uuid: number | string) {
            if (typeof uuid === 'string') throw new DOMException('No such characteristic', 'NotFoundError');
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
