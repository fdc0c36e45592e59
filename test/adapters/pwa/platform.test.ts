import { describe, expect, it } from 'vitest';
import { classifyPlatform, type PlatformFacts } from '../../../src/adapters/pwa/platform';

const base: PlatformFacts = {
  userAgent: '',
  platform: '',
  maxTouchPoints: 0,
  displayModeStandalone: false,
  navigatorStandalone: false,
  hasBluetooth: false,
};
const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const macSafari =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const macChrome =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const iphoneChrome =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/130.0 Mobile/15E148 Safari/604.1';

describe('classifyPlatform', () => {
  it('knows iPhones, whatever the browser, and iPads that call themselves Macs', () => {
    expect(classifyPlatform({ ...base, userAgent: iphone, platform: 'iPhone' }).ios).toBe(true);
    expect(classifyPlatform({ ...base, userAgent: iphoneChrome, platform: 'iPhone' }).ios).toBe(true);
    const ipad = classifyPlatform({ ...base, userAgent: macSafari, platform: 'MacIntel', maxTouchPoints: 5 });
    expect(ipad).toMatchObject({ ios: true, macSafari: false });
  });

  it('tells Safari on a Mac from Chrome on a Mac', () => {
    expect(classifyPlatform({ ...base, userAgent: macSafari, platform: 'MacIntel' })).toMatchObject({
      ios: false,
      macSafari: true,
    });
    expect(
      classifyPlatform({ ...base, userAgent: macChrome, platform: 'MacIntel', hasBluetooth: true }),
    ).toMatchObject({ ios: false, macSafari: false, bluetooth: true });
  });

  it('counts either standalone signal as installed', () => {
    expect(classifyPlatform({ ...base, displayModeStandalone: true }).standalone).toBe(true);
    expect(classifyPlatform({ ...base, navigatorStandalone: true }).standalone).toBe(true);
    expect(classifyPlatform(base).standalone).toBe(false);
  });
});
