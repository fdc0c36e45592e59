/** What the browser can do for installing and for straps, so the app can say what works here. */
export interface PlatformInfo {
  /** iPhone, iPad or iPod (every browser there is WebKit: no beforeinstallprompt, no Web Bluetooth). */
  readonly ios: boolean;
  /** Safari on a Mac (installs with File > Add to Dock; no Web Bluetooth). */
  readonly macSafari: boolean;
  /** Already running as an installed app. */
  readonly standalone: boolean;
  /** Web Bluetooth is present, so a strap can connect. */
  readonly bluetooth: boolean;
}

/** The plain facts the classification reads (a parameter, so it is tested without a browser). */
export interface PlatformFacts {
  readonly userAgent: string;
  readonly platform: string;
  readonly maxTouchPoints: number;
  readonly displayModeStandalone: boolean;
  /** Safari's own flag for a page started from the home screen (`navigator.standalone`). */
  readonly navigatorStandalone: boolean;
  readonly hasBluetooth: boolean;
}

/**
 * Classify the browser. iPadOS 13+ reports itself as a Mac ("MacIntel"), so a Mac with a touch screen is taken to
 * be an iPad (Apple sells no touch-screen Macs). Safari is told apart from the other engines by the absence of
 * their tokens (Chrome, Chromium, Edge, Firefox and their iOS versions) in a user agent that says Safari.
 */
export function classifyPlatform(facts: PlatformFacts): PlatformInfo {
  const ua = facts.userAgent;
  const ios = /iPad|iPhone|iPod/.test(ua) || (facts.platform === 'MacIntel' && facts.maxTouchPoints > 1);
  const safari = /Safari\//.test(ua) && !/Chrome|Chromium|CriOS|FxiOS|EdgiOS|Edg\/|OPR\/|Android/.test(ua);
  return {
    ios,
    macSafari: !ios && safari && /Macintosh/.test(ua),
    standalone: facts.displayModeStandalone || facts.navigatorStandalone,
    bluetooth: facts.hasBluetooth,
  };
}

/** Read the facts from this browser. */
export function detectPlatform(): PlatformInfo {
  const nav = navigator as Navigator & { standalone?: boolean };
  return classifyPlatform({
    userAgent: nav.userAgent,
    platform: nav.platform,
    maxTouchPoints: nav.maxTouchPoints,
    displayModeStandalone: window.matchMedia('(display-mode: standalone)').matches,
    navigatorStandalone: nav.standalone === true,
    hasBluetooth: 'bluetooth' in nav,
  });
}
