import type { InstallPrompt } from '../adapters/pwa/install-prompt';
import type { PlatformInfo } from '../adapters/pwa/platform';
import type { UpdateChannel } from '../adapters/pwa/register';
import type { ShellSettings } from '../adapters/pwa/shell-settings';

/** How this browser installs the app, if it does. */
export type InstallRoute = 'installed' | 'prompt' | 'ios' | 'mac-safari' | 'browser-menu';

export interface PwaDeps {
  /** Null in development or where service workers are missing. */
  readonly updates: UpdateChannel | null;
  /** Whether a session is running now (LiveSession's `running`): updates wait while it is. */
  readonly sessionRunning: () => boolean;
  readonly platform: PlatformInfo;
  readonly settings: ShellSettings;
  readonly reload: () => void;
}

/**
 * The app shell's state: the update offer, the install offer and the first-run screen.
 * An update is offered only between sessions, and accepting one never reloads a running session.
 */
export class PwaState {
  #updateWaiting = $state(false);
  #updating = $state(false);
  #installPrompt = $state.raw<InstallPrompt | null>(null);
  #installed = $state(false);
  /** Null until the settings have answered. */
  #firstRunDone = $state<boolean | null>(null);
  readonly #deps: PwaDeps;

  constructor(deps: PwaDeps) {
    this.#deps = deps;
    this.#installed = deps.platform.standalone;
    deps.updates?.onWaiting(() => (this.#updateWaiting = true));
    void deps.settings.firstRunDone().then((done) => (this.#firstRunDone = done));
  }

  get platform(): PlatformInfo {
    return this.#deps.platform;
  }

  /** A newer version is installed and waiting. */
  get updateWaiting(): boolean {
    return this.#updateWaiting;
  }

  /** Show "Update available, reload": a version is waiting and no session runs. */
  get offerUpdate(): boolean {
    return this.#updateWaiting && !this.#updating && !this.#deps.sessionRunning();
  }

  /**
   * Take the waiting version: refused (false) while a session runs. The page reloads once the new worker controls
   * it, unless a session has started in the meantime; then the new version simply loads next time.
   */
  acceptUpdate(): boolean {
    if (!this.offerUpdate || !this.#deps.updates) return false;
    this.#updating = true;
    this.#deps.updates.apply(() => {
      if (!this.#deps.sessionRunning()) this.#deps.reload();
    });
    return true;
  }

  /** Called with the browser's install offer as it comes and goes (src/adapters/pwa/install-prompt.ts). */
  setInstallPrompt(prompt: InstallPrompt | null): void {
    this.#installPrompt = prompt;
    if (prompt === null && !this.#installed) this.#installed = true;
  }

  get installRoute(): InstallRoute {
    if (this.#installed) return 'installed';
    if (this.#installPrompt) return 'prompt';
    if (this.#deps.platform.ios) return 'ios';
    if (this.#deps.platform.macSafari) return 'mac-safari';
    return 'browser-menu';
  }

  /** Show the browser's install dialog (only when `installRoute` is 'prompt'). */
  async install(): Promise<void> {
    const prompt = this.#installPrompt;
    if (!prompt) return;
    // A prompt can be shown once; the browser offers a new one if the person dismisses it.
    this.#installPrompt = null;
    if ((await prompt()) === 'accepted') this.#installed = true;
  }

  get firstRunDone(): boolean | null {
    return this.#firstRunDone;
  }

  /** Show the first-run screen again, as on a first visit (after "delete all" removed the flag). */
  returnToFirstRun(): void {
    this.#firstRunDone = false;
  }

  async finishFirstRun(): Promise<void> {
    this.#firstRunDone = true;
    await this.#deps.settings.setFirstRunDone();
  }
}
