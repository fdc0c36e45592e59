import { describe, expect, it } from 'vitest';
import {
  metaContentSecurityPolicy,
  parseHeadersFile,
  SECURITY_HEADERS,
} from '../../scripts/security-headers';

describe('the _headers file', () => {
  it('parses paths and their indented headers, skipping comments, and refuses a header outside a path', () => {
    const rules = parseHeadersFile('# note\n/*\n  A: 1\n  B: x: y\n\n/sw.js\n  Cache-Control: no-cache\n');
    expect(rules).toEqual([
      { pattern: '/*', headers: { A: '1', B: 'x: y' } },
      { pattern: '/sw.js', headers: { 'Cache-Control': 'no-cache' } },
    ]);
    expect(() => parseHeadersFile('  A: 1\n')).toThrow('line 1');
  });

  it('sends the policies a health-data app needs on every path', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
    expect(SECURITY_HEADERS['Permissions-Policy']).toContain('bluetooth=(self)');
  });

  it('gives the meta tag the same policy without the directives a meta tag cannot carry', () => {
    expect(
      metaContentSecurityPolicy("default-src 'self'; frame-ancestors 'none'; sandbox; img-src data:"),
    ).toBe("default-src 'self'; img-src data:");
    const meta = metaContentSecurityPolicy();
    const header = SECURITY_HEADERS['Content-Security-Policy'] ?? '';
    expect(`${meta}; frame-ancestors 'none'`).toBe(header);
  });
});
