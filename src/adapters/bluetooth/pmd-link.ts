import {
  chooseAccelerometerSettings,
  parseAccelerometerFrame,
  parsePmdControlPoint,
  pmdGetSettingsCommand,
  pmdStartCommand,
  pmdStopCommand,
  PMD_MEASUREMENT_ACC,
  PMD_OP,
  type PmdControlPointMessage,
  type PmdFrame,
  type PmdStartSettings,
  type PmdStreamContext,
} from '../../core/gatt/pmd';
import { PMD_CONTROL_POINT, PMD_DATA, PMD_SERVICE } from '../../core/gatt/uuids';
import { withTimeout, type Timeouts } from '../timers';

/** How long the strap may take to answer a control-point command, ms. */
const PMD_ANSWER_TIMEOUT_MS = 5000;

/** A running accelerometer stream on a strap's PMD service; undone by {@link stopAccelerometer}. */
export interface AccelerometerLink {
  readonly server: BluetoothRemoteGATTServer;
  readonly controlPoint: BluetoothRemoteGATTCharacteristic;
  readonly data: BluetoothRemoteGATTCharacteristic;
  readonly onControlPoint: () => void;
  readonly onData: () => void;
  readonly settings: PmdStartSettings;
  /** Answers the control point sends that nobody waits for are dropped; one command is in flight at a time. */
  readonly answers: AnswerQueue;
}

/** What the stream hands on: each frame read, and how many frames could not be read. */
export interface AccelerometerObserver {
  frame(frame: PmdFrame, settings: PmdStartSettings): void;
  malformed(): void;
}

/** Waits for the control point's next answer to a given op code. */
class AnswerQueue {
  #waiting: { opCode: number; resolve: (m: PmdControlPointMessage) => void } | null = null;

  deliver(message: PmdControlPointMessage): void {
    if (message.kind !== 'response' || this.#waiting?.opCode !== message.opCode) return;
    const { resolve } = this.#waiting;
    this.#waiting = null;
    resolve(message);
  }

  next(opCode: number): Promise<PmdControlPointMessage> {
    return new Promise((resolve) => (this.#waiting = { opCode, resolve }));
  }
}

/**
 * Start the accelerometer when the strap offers it (the PMD service of a Polar H10; Polar Measurement Data
 * Specification, see core/gatt/pmd.ts): subscribe to the control point's indications and to the data, read the
 * features, ask for the acceleration settings, start with the chosen ones. Resolves to null, having undone what it
 * did, for a strap without the service, without acceleration, or that refuses or does not answer: the heart rate
 * goes on either way. Never rejects.
 */
export async function startAccelerometer(
  server: BluetoothRemoteGATTServer,
  observer: AccelerometerObserver,
  timers: Timeouts,
): Promise<AccelerometerLink | null> {
  let service: BluetoothRemoteGATTService;
  try {
    service = await server.getPrimaryService(PMD_SERVICE);
  } catch {
    return null; // No PMD service: every strap but Polar's.
  }
  const answers = new AnswerQueue();
  /** What has been subscribed so far, undone in reverse order on failure. */
  const attached: [BluetoothRemoteGATTCharacteristic, () => void][] = [];
  let controlPoint: BluetoothRemoteGATTCharacteristic | null = null;
  let data: BluetoothRemoteGATTCharacteristic | null = null;
  let context: PmdStreamContext = { resolutionBits: 16, factor: 1 };
  let settings: PmdStartSettings | null = null;
  const onControlPoint = () => {
    const value = controlPoint?.value;
    if (!value) return;
    const parsed = parsePmdControlPoint(value);
    if (parsed.ok) answers.deliver(parsed.value);
  };
  const onData = () => {
    const value = data?.value;
    if (!value || !settings) return;
    const parsed = parseAccelerometerFrame(value, context);
    if (parsed.ok) observer.frame(parsed.value, settings);
    else observer.malformed();
  };
  const ask = async (command: Uint8Array<ArrayBuffer>): Promise<PmdControlPointMessage> => {
    const answer = answers.next(command[0] ?? 0);
    await controlPoint!.writeValueWithResponse(command);
    return withTimeout(answer, PMD_ANSWER_TIMEOUT_MS, timers, 'command-answer');
  };
  try {
    controlPoint = await service.getCharacteristic(PMD_CONTROL_POINT);
    data = await service.getCharacteristic(PMD_DATA);
    const features = parsePmdControlPoint(await controlPoint.readValue());
    if (!features.ok || features.value.kind !== 'features') throw new Error('unreadable features');
    if (!features.value.measurementTypes.includes(PMD_MEASUREMENT_ACC)) throw new Error('no accelerometer');
    controlPoint.addEventListener('characteristicvaluechanged', onControlPoint);
    attached.push([controlPoint, onControlPoint]);
    await controlPoint.startNotifications();
    data.addEventListener('characteristicvaluechanged', onData);
    attached.push([data, onData]);
    await data.startNotifications();
    const offered = await ask(pmdGetSettingsCommand(PMD_MEASUREMENT_ACC));
    if (offered.kind !== 'response' || offered.status !== 'success') throw new Error('no settings');
    const chosen = chooseAccelerometerSettings(offered.settings);
    if (!chosen) throw new Error('no sample rate');
    let started = await ask(pmdStartCommand(PMD_MEASUREMENT_ACC, chosen));
    if (started.kind === 'response' && started.status === 'already-in-state') {
      // Left running by an earlier connection (a reload): stop it, then start it with these settings.
      await ask(pmdStopCommand(PMD_MEASUREMENT_ACC));
      started = await ask(pmdStartCommand(PMD_MEASUREMENT_ACC, chosen));
    }
    if (started.kind !== 'response' || started.status !== 'success') throw new Error('not started');
    context = { resolutionBits: chosen.resolutionBits, factor: started.settings.factor ?? 1 };
    settings = chosen;
    return { server, controlPoint, data, onControlPoint, onData, settings: chosen, answers };
  } catch {
    await undo(server, attached.reverse(), timers);
    return null;
  }
}

/** Stop the stream (when still connected), then unsubscribe and remove the listeners: the reverse of the start. */
export async function stopAccelerometer(link: AccelerometerLink, timers: Timeouts): Promise<void> {
  if (link.server.connected) {
    try {
      const answer = link.answers.next(PMD_OP.stop);
      await link.controlPoint.writeValueWithResponse(pmdStopCommand(PMD_MEASUREMENT_ACC));
      await withTimeout(answer, PMD_ANSWER_TIMEOUT_MS, timers, 'accelerometer-stop');
    } catch {
      // The strap went away or did not answer; unsubscribing below is all that is left.
    }
  }
  await undo(
    link.server,
    [
      [link.data, link.onData],
      [link.controlPoint, link.onControlPoint],
    ],
    timers,
  );
}

/** Unsubscribe (when still connected) and remove the listener of each characteristic, in the order given. */
async function undo(
  server: BluetoothRemoteGATTServer,
  attached: readonly (readonly [BluetoothRemoteGATTCharacteristic, () => void])[],
  timers: Timeouts,
): Promise<void> {
  for (const [characteristic, listener] of attached) {
    if (server.connected) {
      try {
        await withTimeout(characteristic.stopNotifications(), 2000, timers, 'unsubscribe');
      } catch {
        // Not subscribed, or gone: nothing to undo on the strap's side.
      }
    }
    characteristic.removeEventListener('characteristicvaluechanged', listener);
  }
}
