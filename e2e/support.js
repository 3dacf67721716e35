// Shared helpers for the browser tests: a static server over dist/ (or other folders, with
// headers such as a Content-Security-Policy), a headless Chromium, the `shegong` CLI, and the
// element built by scripts/element.sh.
import { createServer } from 'node:http';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.json': 'application/json',
};

/** The repository's root. */
export const ROOT = resolve(import.meta.dirname, '..');
/** The app's release build. */
export const DIST = join(ROOT, 'dist');
/** The policy the element must run under (issue #14). */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Build the seed pages with `shegong build` into a new temporary folder (`args` added to the
 * command, e.g. `--index chunked`); the folder, holding `bundle.bin` and what goes beside it.
 */
export function buildSeeds(args = [], pages = [join(ROOT, 'seeds')]) {
  const out = mkdtempSync(join(tmpdir(), 'shegong-e2e-'));
  execFileSync(
    'cargo',
    ['run', '--quiet', '--release', '-p', 'shegong-cli', '--', 'build', ...pages, '-o', join(out, 'bundle.bin'), '--quiet', ...args],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return out;
}

/**
 * Run the CLI (SHEGONG=path/to/shegong, else `cargo run --release`) in `cwd`, for tests that
 * compare with the browser: { status, stdout, stderr }, whatever the status. Bundles are dated by
 * their pages, as the browser dates them, not by SOURCE_DATE_EPOCH. (`shegong` below runs it
 * in the repository for a test's fixtures and fails on an error.)
 */
export function cli(args, cwd) {
  const bin = process.env.SHEGONG;
  const [cmd, all] = bin
    ? [bin, args]
    : ['cargo', ['run', '--quiet', '--release', '--manifest-path', join(ROOT, 'Cargo.toml'), '-p', 'shegong-cli', '--', ...args]];
  const env = { ...process.env };
  delete env.SOURCE_DATE_EPOCH;
  const r = spawnSync(cmd, all, { cwd, env, maxBuffer: 256 << 20 });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/**
 * Serve `dir` (or several folders, the first that has a file wins) on 127.0.0.1 at a free
 * port, with `headers` on every HTML response, and each of `mounts` (`{ '/prefix/': folder }`)
 * under its prefix; resolves to { url, close }.
 */
export async function serve(dir = DIST, { headers = {}, mounts = {} } = {}) {
  const dirs = [dir].flat();
  if (dirs.includes(DIST)) {
    await stat(join(DIST, 'index.html')).catch(() => {
      throw new Error(`${DIST}/index.html is missing: run \`trunk build --release --offline\` first`);
    });
  }
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let roots = dirs;
    for (const [prefix, folder] of Object.entries(mounts)) {
      if (path.startsWith(prefix)) {
        roots = [folder];
        path = path.slice(prefix.length - 1);
      }
    }
    for (const d of roots) {
      const file = normalize(join(d, path === '/' ? 'index.html' : path));
      if (!file.startsWith(d)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        res.writeHead(200, { 'content-type': type, ...(type.startsWith('text/html') ? headers : {}) });
        res.end(body);
        return;
      } catch {
        // Try the next folder.
      }
    }
    res.writeHead(404).end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  const close = () =>
    new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}/`, close };
}

/** Debian's Chromium, headless, with no background networking (the machine has no internet). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Register hooks that serve dist/ (and `mounts`) and launch Chromium for a test file; read
 * them via the result. */
export function useBrowser(mounts = () => ({})) {
  const ctx = { server: null, browser: null };
  before(async () => {
    ctx.server = await serve(DIST, { mounts: mounts() });
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/** Run the `shegong` CLI (release build) with `args`; resolves to its stderr. */
export async function shegong(...args) {
  const { stderr } = await promisify(execFile)('cargo', ['run', '--quiet', '--release', '-p', 'shegong-cli', '--', ...args], {
    cwd: ROOT,
    maxBuffer: 1 << 26,
  });
  return stderr;
}

/** The drop-in element's folder, built by `bash scripts/element.sh target/element`. */
export async function elementDir() {
  const dir = join(ROOT, 'target', 'element');
  await stat(join(dir, 'shegong-search.js')).catch(() => {
    throw new Error(`${dir} is missing: run \`bash scripts/element.sh target/element\` first`);
  });
  return dir;
}
