/**
 * Chromium's install prompt (the BeforeInstallPromptEvent, documented on MDN): the browser
 * fires `beforeinstallprompt` when the app is installable; keeping the event lets the app offer its own Install
 * button and show the browser's dialog when the person presses it. Not in the DOM typings, so declared here.
 */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

/** Show the browser's install dialog once; resolves with whether the person accepted. */
export type InstallPrompt = () => Promise<'accepted' | 'dismissed'>;

function isInstallPromptEvent(event: Event): event is BeforeInstallPromptEvent {
  return 'prompt' in event && typeof event.prompt === 'function' && 'userChoice' in event;
}

/**
 * Listen for the browser's install offer. `onChange` receives a prompt when one becomes available and null once
 * the app is installed. Returns the function that stops listening.
 */
export function captureInstallPrompt(
  target: EventTarget,
  onChange: (prompt: InstallPrompt | null) => void,
): () => void {
  const onOffer = (event: Event): void => {
    if (!isInstallPromptEvent(event)) return;
    // Keep the browser's mini-infobar away: the app shows its own button.
    event.preventDefault();
    onChange(async () => {
      await event.prompt();
      return (await event.userChoice).outcome;
    });
  };
  const onInstalled = (): void => onChange(null);
  target.addEventListener('beforeinstallprompt', onOffer);
  target.addEventListener('appinstalled', onInstalled);
  return () => {
    target.removeEventListener('beforeinstallprompt', onOffer);
    target.removeEventListener('appinstalled', onInstalled);
  };
}

/**
 * Listen from the first moment of the page and hand the latest offer to whoever subscribes later: the app mounts
 * only once storage has opened, and the browser may make its offer before that.
 */
export function earlyInstallPrompt(
  target: EventTarget,
): (onChange: (prompt: InstallPrompt | null) => void) => void {
  let latest: InstallPrompt | null = null;
  let listener: ((prompt: InstallPrompt | null) => void) | null = null;
  captureInstallPrompt(target, (prompt) => {
    latest = prompt;
    listener?.(prompt);
  });
  return (onChange) => {
    listener = onChange;
    if (latest) onChange(latest);
  };
}
