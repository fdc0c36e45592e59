/**
 * The app's HTTP response headers, read from public/_headers (the Netlify / Cloudflare Pages format: a line with a
 * path pattern, then indented `Name: value` lines; `#` starts a comment). vite.config.ts uses it so `vite preview`
 * sends what a static host would, and the build's Content-Security-Policy meta tag comes from the same policy.
 */
import { readFileSync } from 'node:fs';

export interface HeaderRule {
  /** A path, or a prefix ending in `*` (`/*` is every path). */
  readonly pattern: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Parse the text of a `_headers` file. A header line before any path is an error. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 0)
      throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path`);
    rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

export const HEADER_RULES: readonly HeaderRule[] = parseHeadersFile(
  readFileSync(new URL('../public/_headers', import.meta.url), 'utf8'),
);

/** The headers every response carries (the `/*` rule); `vite preview` sends these. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> =
  HEADER_RULES.find((r) => r.pattern === '/*')?.headers ?? {};

/** Directives a CSP delivered in a meta tag cannot carry (CSP Level 3, section 4.3 of W3C CSP). */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

/** The header's Content-Security-Policy without the directives a meta tag ignores, for index.html. */
export function metaContentSecurityPolicy(
  policy: string = SECURITY_HEADERS['Content-Security-Policy'] ?? '',
): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !HEADER_ONLY_DIRECTIVES.includes(d.split(/\s+/)[0] ?? ''))
    .join('; ');
}
