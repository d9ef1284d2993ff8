/**
 * Serves the built app from dist/. The app routes in the browser (deep links such as
 * /vm/<ref>), so any GET that is not a file gets index.html; files under /assets are
 * named by content hash, so they are cached for good, and a missing one is a 404
 * rather than an HTML page the browser would try to run as a script.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { sendText } from './reply';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files (the MSW worker) must be revalidated, or a new build would never load. */
const REVALIDATE = 'no-cache';

export const NOT_BUILT = 'Xenith is not built yet: run `npm run build`, then reload this page.\n';

/** The file under `root` for a URL path, or undefined when the path leaves `root`. */
function fileFor(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = join(root, normalize(decoded));
  return file.startsWith(root + sep) && !decoded.includes('\0') ? file : undefined;
}

async function isFile(path: string | undefined): Promise<boolean> {
  if (path === undefined) return false;
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): Promise<void> {
  const { size } = await stat(file);
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else pipeline(createReadStream(file), res, () => {});
}

/** Answers a request for the app's files from `root` (an absolute path, normally dist/). */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Only GET and HEAD are served here.\n', { Allow: 'GET, HEAD' });
    return;
  }
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const file = fileFor(root, pathname);
  if (file !== undefined && (await isFile(file))) {
    await sendFile(req, res, file, pathname.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
  } else if (pathname.startsWith(HASHED_ASSETS)) {
    sendText(res, 404, `No such file: ${pathname}\n`);
  } else if (await isFile(join(root, 'index.html'))) {
    await sendFile(req, res, join(root, 'index.html'), REVALIDATE);
  } else {
    sendText(res, 503, NOT_BUILT);
  }
}
