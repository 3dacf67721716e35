// A small static server for the benchmark: serves a folder on 127.0.0.1, gzips what it sends as
// an ordinary static server would (text and binary alike, from gzip -9 copies kept in memory, so
// compression time never shows in a measurement), but sends files that are already gzip data
// (Pagefind's .pf_* files and its wasm, which Pagefind's own code inflates) as they are.
// Every response is `Cache-Control: no-store`, so each browser context starts cold.
//
// It logs every request (path, status, bytes written with headers, time received and finished),
// which is how the benchmark counts requests and bytes over the wire, service-worker fetches
// included.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb, constants } from 'node:zlib';

const gzip = promisify(gzipCb);

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

/** Smaller bodies go uncompressed (gzip's header would outweigh the saving). */
const GZIP_MIN = 256;

/** Is this buffer gzip data already (magic 1f 8b)? */
export const isGzip = (buf) => buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;

/** Unix epoch milliseconds with sub-millisecond precision (comparable to a page's timeOrigin + now()). */
export const epochMs = () => performance.timeOrigin + performance.now();

/**
 * Serve `dir` on 127.0.0.1 at a free port. `warm` lists files (relative to dir) to read and
 * compress before the server starts, so a first request never waits for compression.
 * Resolves to { url, log, inFlight(), close() }; `log` is the array of request records.
 */
export async function serve(dir, { warm = [] } = {}) {
  dir = resolve(dir);
  const cache = new Map(); // path → Promise<{ body, gz }>
  const load = (file) => {
    let p = cache.get(file);
    if (!p) {
      p = (async () => {
        const body = await readFile(file);
        const compress = body.length >= GZIP_MIN && !isGzip(body);
        const gz = compress ? await gzip(body, { level: constants.Z_BEST_COMPRESSION }) : null;
        return { body, gz };
      })();
      cache.set(file, p);
      p.catch(() => cache.delete(file));
    }
    return p;
  };
  for (const f of warm) await load(join(dir, f)).catch(() => undefined);

  const log = [];
  let active = 0;
  const server = createServer(async (req, res) => {
    const rec = { path: req.url, start: epochMs(), end: null, status: 0, bytes: 0, gzip: false };
    log.push(rec);
    active++;
    res.on('close', () => {
      active--;
      rec.end = epochMs();
      // Bytes actually written to the socket for this response: status line, headers, body.
      rec.bytes = (res._header ? Buffer.byteLength(res._header) : 0) + (rec.bodyBytes ?? 0);
    });
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir)) {
      rec.status = 403;
      res.writeHead(403).end();
      return;
    }
    try {
      const { body, gz } = await load(file);
      const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const send = gz && accepts ? gz : body;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': send.length,
        'cache-control': 'no-store',
      };
      if (send === gz) headers['content-encoding'] = 'gzip';
      if (gz) headers.vary = 'Accept-Encoding';
      rec.status = 200;
      rec.gzip = send === gz;
      rec.bodyBytes = req.method === 'HEAD' ? 0 : send.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : send);
    } catch {
      rec.status = 404;
      rec.bodyBytes = 9;
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    log,
    inFlight: () => active,
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

/** Files of `dir` (relative paths), not descending into `skip` folders. */
export async function files(dir, skip = new Set()) {
  const out = [];
  const walk = async (rel) => {
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!skip.has(r)) await walk(r);
      } else if (e.isFile()) out.push(r);
    }
  };
  await walk('');
  return out;
}

/** Total size in bytes and file count of `dir` (apparent sizes), skipping `skip` folders. */
export async function sizeOf(dir, skip = new Set()) {
  let bytes = 0;
  const list = await files(dir, skip);
  for (const f of list) bytes += (await stat(join(dir, f))).size;
  return { bytes, files: list.length };
}

// `node bench/serve.mjs DIR` serves a folder by hand (to look at a site).
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(process.argv[2] ?? '.');
  console.log(`serving ${process.argv[2]} on ${s.url} (Ctrl-C stops)`);
}
