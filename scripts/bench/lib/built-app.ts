/**
 * The built app served on a free port, for the benchmarks that measure it in a real browser (bluetooth, history).
 * One `npm run bench` builds it once: the first module to ask builds, the others reuse that build (a build takes
 * a minute or more on the shared two-core machine). Served by the project's static server (scripts/serve-static.ts:
 * gzipped text and the security headers, as a host sends them).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../serve-static.ts';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

let built = false;

/** A production build in dist/, made once per benchmark process. */
function buildOnce(): void {
  if (built) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    // A Vite dev server started by an earlier benchmark in this process sets NODE_ENV=development, which would
    // make this a development build (no service worker, Svelte's dev checks): measure the production app.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  built = true;
}

/** Builds the app if this process has not yet, and serves dist/ until `close()`. */
export async function serveBuiltApp(): Promise<StaticServer> {
  buildOnce();
  // Port 0: the system picks a free one (the server reports it in `url`).
  return serveStatic(join(ROOT, 'dist'), 0);
}
