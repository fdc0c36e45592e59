import { expect, test } from '@playwright/test';
import { metaContentSecurityPolicy, SECURITY_HEADERS } from '../../scripts/security-headers';

test('every file is served with the security headers of public/_headers, and the meta policy matches', async ({
  page,
  request,
}) => {
  const response = await page.goto('/');
  const html = response?.headers() ?? {};
  const csp = html['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(html['x-content-type-options']).toBe('nosniff');
  expect(html['x-frame-options']).toBe('DENY');
  expect(html['referrer-policy']).toBe('no-referrer');
  expect(html['permissions-policy']).toContain('bluetooth=(self)');
  expect(html['cross-origin-opener-policy']).toBe('same-origin');

  // Scripts, the service worker and the manifest carry them too.
  const script = await page.locator('script[type="module"]').first().getAttribute('src');
  for (const path of [script ?? '/missing', '/sw.js', '/manifest.webmanifest']) {
    const file = await request.get(path);
    expect(file.status(), path).toBe(200);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(file.headers()[name.toLowerCase()], `${path} ${name}`).toBe(value);
  }

  // The meta tag is the header's policy minus what a meta tag cannot carry.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(metaContentSecurityPolicy(csp));
  expect(`${meta}; frame-ancestors 'none'`).toBe(csp);
});

test('the app refuses to be framed, even by its own origin', async ({ page }) => {
  await page.goto('/');
  const framed = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = '/?framed';
        frame.onload = () => {
          // A blocked frame holds the browser's error page, which the app's origin cannot read.
          try {
            resolve(frame.contentDocument?.querySelector('h1')?.textContent === 'Resonance');
          } catch {
            resolve(false);
          }
        };
        document.body.append(frame);
      }),
  );
  expect(framed).toBe(false);
});
