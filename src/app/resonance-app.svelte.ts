/**
 * The composition root: every long-lived object of the app, built once and wired with explicit callbacks (the
 * session's observers, the pacer's `onAssessed`, the recorder's `onFinished`, the other tabs' hooks), and the launch
 * sequence. main.ts makes one and hands it to App.svelte, which only renders it.
 */
import { browserPacerOutputs } from '../adapters/cues/browser-outputs';
import { acquireSessionLock, sessionLockHeldElsewhere } from '../adapters/locks/session-lock';
import { sessionsBeingRecorded, whenRecordingEnds } from '../adapters/locks/recording-lock';
import type { InstallPrompt } from '../adapters/pwa/install-prompt';
import { detectPlatform } from '../adapters/pwa/platform';
import { registerServiceWorker } from '../adapters/pwa/register';
import { localShellSettings } from '../adapters/pwa/shell-settings';
import type { StorageResult } from '../adapters/storage/database';
import { launchStorage } from '../adapters/storage/launch';
import type { ResonanceStore } from '../adapters/storage/store';
import { announceWipe, onWipeElsewhere } from '../adapters/storage/wipe';
import { createWorkerAnalyser } from '../adapters/worker/create-analyser';
import type { StoredAssessment } from '../core/pacer/assessment/result';
import type { SessionRecord } from '../core/session/record';
import { pageBluetoothState } from '../state/bluetooth.svelte';
import { deleteAllData, type DeleteAllOutcome } from '../state/delete-all';
import { HeartRateFeedback } from '../state/heart-rate-feedback.svelte';
import { History } from '../state/history.svelte';
import { OtherTabs } from '../state/other-tabs.svelte';
import { PacerControl } from '../state/pacer.svelte';
import { PwaState } from '../state/pwa.svelte';
import { MorningReading } from '../state/reading.svelte';
import { Recording } from '../state/recording.svelte';
import { LiveSession } from '../state/session.svelte';
import type { Settings } from '../state/settings.svelte';

export interface ResonanceAppOptions {
  /** The person's settings, loaded before the first render. */
  readonly settings: Settings;
  /** The database as main.ts opened it. */
  readonly opened: StorageResult<ResonanceStore>;
  /** Hands over the browser's install offer, including one made before the app was built. */
  readonly installPrompts: (onChange: (prompt: InstallPrompt | null) => void) => void;
}

export class ResonanceApp {
  readonly settings: Settings;
  readonly session: LiveSession;
  readonly pacer: PacerControl;
  readonly hrFeedback: HeartRateFeedback;
  readonly pwa: PwaState;
  readonly history: History;
  readonly recording: Recording;
  readonly reading: MorningReading;
  readonly otherTabs: OtherTabs;
  readonly #opened: StorageResult<ResonanceStore>;
  readonly #unobserve: () => void;
  #storageReady = $state(false);

  constructor(options: ResonanceAppOptions) {
    const { settings } = options;
    this.settings = settings;
    this.#opened = options.opened;
    this.session = new LiveSession(createWorkerAnalyser, undefined, acquireSessionLock);
    this.session.setLength(settings.values.sessionLength);
    this.pacer = new PacerControl(this.session, settings, browserPacerOutputs(), (result) =>
      this.#assessed(result),
    );
    this.hrFeedback = new HeartRateFeedback(this.session);
    this.pwa = new PwaState({
      updates: registerServiceWorker(),
      sessionRunning: () => this.session.running,
      platform: detectPlatform(),
      settings: localShellSettings(),
      reload: () => location.reload(),
    });
    options.installPrompts((prompt) => this.pwa.setInstallPrompt(prompt));
    // A restored backup may bring settings this device had not set: read them again.
    this.history = new History(null, undefined, () => settings.load());
    this.recording = new Recording({
      onFinished: () => {
        void this.history.load();
        this.history.askPersistence();
      },
    });
    this.#unobserve = this.session.observe(this.recording);
    // The morning reading shares the one-session lock: one strap, one measurement at a time.
    this.reading = new MorningReading({
      save: (record) => this.history.saveReading(record),
      acquireLock: acquireSessionLock,
      sessionRunning: () => this.session.running,
    });
    // Sessions in other tabs: the notice while one runs, and its session recovered here the moment its tab closes.
    this.otherTabs = new OtherTabs({
      sessionLockHeld: () => sessionLockHeldElsewhere(),
      holdsLockHere: () => this.session.holdsLock,
      sessionsBeingRecorded,
      recordingHere: () => this.recording.activeId,
      whenRecordingEnds,
      recordingEnded: async () => {
        if (!this.#storageReady) return;
        this.#sayRecovered((await this.history.recoverLeftOpen())?.finished ?? []);
      },
      lockFreed: () => this.session.lockFreed(),
    });
  }

  /** The stored history has been read: the data controls (export, delete all) can work. */
  get storageReady(): boolean {
    return this.#storageReady;
  }

  /**
   * Storage opens once at launch: sessions left open by a crash are finished before the history is read, then an
   * assessment kept from an earlier visit joins the history if it is not there yet.
   */
  async launch(): Promise<void> {
    const { store, error, recovered } = await launchStorage(this.#opened);
    this.recording.attach(store);
    this.history.attach(store);
    if (error) this.history.say({ kind: 'error', storage: error });
    else this.#sayRecovered(recovered?.finished ?? []);
    await this.history.load();
    this.#storageReady = true;
    if (this.pacer.result) void this.history.recordAssessment(this.pacer.result);
  }

  /**
   * Follow the other tabs while the page is shown: their sessions (the notice, the recovery) and their "delete
   * all" (this tab starts over from what is stored now, nothing, unless it records). Returns the teardown.
   */
  follow(): () => void {
    const unfollow = this.otherTabs.follow();
    const unwipe = onWipeElsewhere(() => {
      if (!this.session.running) location.reload();
    });
    return () => {
      unfollow();
      unwipe();
    };
  }

  /** "Delete all data": the app is then as on a first visit, unless another tab runs a session. */
  deleteAll(): Promise<DeleteAllOutcome> {
    return deleteAllData({
      session: this.session,
      recording: this.recording,
      history: this.history,
      pacer: this.pacer,
      reading: this.reading,
      strap: pageBluetoothState(),
      shell: this.pwa,
      sessionElsewhere: async () => {
        await this.otherTabs.check();
        return this.otherTabs.elsewhere;
      },
      announce: announceWipe,
    });
  }

  /** The page is going away: stop every wait and the worker. */
  dispose(): void {
    void this.reading.cancel();
    this.otherTabs.dispose();
    this.#unobserve();
    this.session.dispose();
  }

  /** Each assessment the pacer finishes joins the history (for the resonance-rate trend), once, as it finishes. */
  #assessed(result: StoredAssessment): void {
    if (this.#storageReady) void this.history.recordAssessment(result, this.recording.activeId);
  }

  #sayRecovered(finished: readonly SessionRecord[]): void {
    if (finished.length > 0) this.history.say({ kind: 'info', recovered: finished });
  }
}
