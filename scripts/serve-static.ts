/**
 * A small static file server for a built app (dist/), for the tools that need to control what is served: the
 * update test swaps the folder between build A and build B under a running page, the audit and the screenshots
 * serve the build on a port of their own. Unknown paths without a file extension get index.html, as a host
 * serving a single-page app would. Every file carries the app's security headers (public/_headers). Text is sent
 * gzipped to a browser that accepts it, as `npm start` (vite preview) and every static host do, so the audit
 * measures the bytes a phone downloads.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from './security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};
/** Types worth compressing (images are compressed already), above vite preview's threshold of 1 kB. */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg)/;
const MIN_COMPRESSED_BYTES = 1024;

export interface StaticServer {
  readonly url: string;
  /** Serve another folder from now on (the next request already sees it). */
  setRoot(dir: string): void;
  close(): Promise<void>;
}

export async function serveStatic(rootDir: string, port: number, host = '127.0.0.1'): Promise<StaticServer> {
  let root = rootDir;
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const relative = normalize(path === '/' ? '/index.html' : path);
    const file = join(root, relative);
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end();
      return;
    }
    const fallback = extname(relative) === '' ? join(root, 'index.html') : null;
    readFile(file)
      .then((body) => ({ body, served: file }))
      .catch(async (error: unknown) => {
        if (!fallback) throw error;
        return { body: await readFile(fallback), served: fallback };
      })
      .then(({ body, served }) => {
        // The service worker script and the page must always be revalidated, as real hosts are told to serve them.
        const revalidate = served.endsWith('sw.js') || served.endsWith('.html');
        const type = TYPES[extname(served)] ?? 'application/octet-stream';
        const gzip =
          COMPRESSIBLE.test(type) &&
          body.length >= MIN_COMPRESSED_BYTES &&
          /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
        response.writeHead(200, {
          ...SECURITY_HEADERS,
          'content-type': type,
          'cache-control': revalidate ? 'no-cache' : 'max-age=0',
          vary: 'accept-encoding',
          ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        });
        response.end(gzip ? gzipSync(body) : body);
      })
      .catch(() => response.writeHead(404).end('not found'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    // Port 0 asks the system for a free port: report the one it gave.
    url: `http://${host}:${typeof address === 'object' && address ? address.port : port}`,
    setRoot(dir) {
      root = dir;
    },
    // Kept-alive connections are cut too, so a page sees the server gone at once (as offline).
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
