import type { BluetoothHeartSource, StrapInfo } from '../adapters/bluetooth/bluetooth-heart-source';
import {
  bluetoothAvailable,
  chooseStrap,
  localStrapMemory,
  rememberedStrap,
  webBluetooth,
  type RememberedStrap,
  type StrapMemory,
} from '../adapters/bluetooth/pairing';
import { classifyBluetoothError, type BluetoothProblem } from '../adapters/bluetooth/problems';
import type { HeartStatus } from '../core/heart/types';

/** Where the strap stands, for the screen. */
export type StrapPhase =
  'idle' | 'choosing' | 'connecting' | 'live' | 'reconnecting' | 'signal-lost' | 'ended';

/**
 * The Bluetooth strap as the screens see it: whether this browser can pair one, the chosen strap's name,
 * battery and live details, its connection status, and the last problem as a typed value. Pairing hands back a
 * {@link BluetoothHeartSource} for the session to start; this class only watches it.
 */
export class BluetoothState {
  readonly #bluetooth: Bluetooth | null;
  readonly #memory: StrapMemory;
  readonly #now: () => number;
  #available = $state<boolean | null>(null);
  #problem = $state<BluetoothProblem | null>(null);
  #phase = $state<StrapPhase>('idle');
  #status = $state<HeartStatus | null>(null);
  #info = $state<StrapInfo | null>(null);
  #remembered = $state<RememberedStrap | null>(null);
  /** When the next reconnection attempt starts, on the `now` clock, ms; null when none is scheduled. */
  #retryAtMs = $state<number | null>(null);
  #source: BluetoothHeartSource | null = null;

  constructor(bluetooth: Bluetooth | null, memory: StrapMemory, now: () => number = () => performance.now()) {
    this.#bluetooth = bluetooth;
    this.#memory = memory;
    this.#now = now;
    this.#remembered = memory.load();
    if (bluetooth) {
      void bluetoothAvailable(bluetooth).then((available) => (this.#available = available));
    }
  }

  /** False in browsers without Web Bluetooth. */
  get supported(): boolean {
    return this.#bluetooth !== null;
  }
  /** False when Bluetooth is off or missing; null until known. */
  get available(): boolean | null {
    return this.#available;
  }
  get problem(): BluetoothProblem | null {
    return this.#problem;
  }
  get phase(): StrapPhase {
    return this.#phase;
  }
  get status(): HeartStatus | null {
    return this.#status;
  }
  get info(): StrapInfo | null {
    return this.#info;
  }
  get remembered(): RememberedStrap | null {
    return this.#remembered;
  }
  get retryAtMs(): number | null {
    return this.#retryAtMs;
  }
  get source(): BluetoothHeartSource | null {
    return this.#source;
  }

  /** Open the chooser (call from a click). Resolves to a source to start, or null with {@link problem} set. */
  async choose(): Promise<BluetoothHeartSource | null> {
    if (!this.#bluetooth) return this.#fail({ kind: 'unsupported' });
    this.#problem = null;
    this.#phase = 'choosing';
    try {
      return await this.#adopt(await chooseStrap(this.#bluetooth));
    } catch (error) {
      const problem = classifyBluetoothError(error);
      if (problem.kind === 'cancelled' && !(await bluetoothAvailable(this.#bluetooth))) {
        return this.#fail({ kind: 'unavailable' });
      }
      return this.#fail(problem);
    }
  }

  /** One tap for the strap used last time; falls back to the chooser when the browser cannot find it. */
  async reconnectRemembered(): Promise<BluetoothHeartSource | null> {
    const remembered = this.#remembered;
    if (!this.#bluetooth || !remembered) return this.choose();
    this.#problem = null;
    const device = await rememberedStrap(this.#bluetooth, remembered.id);
    return device ? this.#adopt(device) : this.choose();
  }

  retryNow(): void {
    this.#source?.retryNow();
  }

  /** The person's own disconnect. */
  async stop(): Promise<void> {
    await this.#source?.stop();
  }

  /** Forget the remembered strap (its stored copy and the name on screen); a live strap keeps running. */
  forget(): void {
    this.#memory.forget();
    this.#remembered = null;
    if (this.#phase === 'idle' || this.#phase === 'ended') {
      this.#source = null;
      this.#info = null;
      this.#status = null;
      this.#problem = null;
      this.#phase = 'idle';
    }
  }

  /**
   * The source for a chosen strap. Its code (the GATT links, the Polar PMD reader) loads here, once the person
   * has picked a strap, so it stays out of the first screen's script; the chooser itself opened without waiting.
   */
  async #adopt(device: BluetoothDevice): Promise<BluetoothHeartSource> {
    const { BluetoothHeartSource } = await import('../adapters/bluetooth/bluetooth-heart-source');
    const source = new BluetoothHeartSource(device, {
      ...(this.#remembered?.id === device.id ? { fallbackName: this.#remembered.name } : {}),
      observer: {
        info: (info) => {
          if (this.#source === source) this.#info = info;
        },
        status: (status) => {
          if (this.#source === source) this.#onStatus(status);
        },
        problem: (problem) => {
          if (this.#source === source) this.#problem = problem;
        },
      },
    });
    this.#source = source;
    this.#info = source.info;
    this.#phase = 'connecting';
    this.#remembered = { id: device.id, name: source.label };
    this.#memory.save(this.#remembered);
    return source;
  }

  #onStatus(status: HeartStatus): void {
    this.#status = status;
    this.#retryAtMs =
      status.state === 'reconnecting' && status.nextRetryMs > 0 ? this.#now() + status.nextRetryMs : null;
    this.#phase = status.state === 'connecting' ? 'connecting' : status.state;
  }

  #fail(problem: BluetoothProblem): null {
    this.#problem = problem;
    this.#phase = 'idle';
    return null;
  }
}

let pageState: BluetoothState | null = null;

/** The page's one strap state, so a running strap keeps its panel when the person visits another screen. */
export function pageBluetoothState(): BluetoothState {
  pageState ??= new BluetoothState(webBluetooth(), localStrapMemory);
  return pageState;
}
