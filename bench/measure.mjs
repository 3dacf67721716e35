// The browser half of the benchmark: `node bench/measure.mjs WORK N...` serves WORK/<N>/ours (the
// app's dist/ with bundle.bin) and WORK/<N>/pagefind (the search page and Pagefind's index) with
// bench/serve.mjs, and measures both sides in ONE headless Chromium run. Writes
// WORK/measure.json; bench/report.mjs turns it into the table.
//
// Per N and side:
// - cold loads (a fresh browser context each, BENCH_RUNS of them, sides alternating): time from
//   navigation start to the first result in the DOM for ?q=社工站, and, from the server's log,
//   the requests begun before that moment and their bytes on the wire (gzip, headers included),
//   and the bytes of the whole first visit once the network is quiet (service worker included);
// - a warm session (another fresh context): the same first load, then each query of QUERIES once,
//   then the JS heap, then typing TYPED one character at a time under a Chromium trace (the
//   longest task on the page's main thread, and on any worker thread).
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { serve, files, sizeOf, epochMs } from './serve.mjs';

const [work, ...ns] = process.argv.slice(2);
if (!work || !ns.length) {
  console.error('usage: node bench/measure.mjs WORK N...');
  process.exit(2);
}

/** The first query, in the URL of the cold loads. */
export const FIRST = '社工站';
/** The warm queries: single words, two words, places, program words (all occur in synth corpora). */
export const QUERIES = [
  '社工', '社区', '养老', '志愿者', '儿童', '培训', '救助', '心理', '残疾人', '青少年',
  '社区 养老', '儿童 关爱', '志愿 服务', '社工站 建设', '心理 健康',
  '上海', '成都', '甘肃', '闵行', '老年人 服务',
];
/** Typed one character at a time, DELAY ms apart (the app debounces 120 ms, so every pause searches). */
export const TYPED = '社区养老服务中心';
const DELAY = 150;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** How long a first load may take before it counts as failed. */
const loadTimeout = (n) => Number(process.env.BENCH_LOAD_TIMEOUT_MS ?? (n > 10000 ? 300000 : 120000));

// Runs in every page before its scripts: when the first result appears, the last DOM change, the
// app's debounce timer firing (its 120 ms setTimeout), long tasks.
const INIT = () => {
  window.__firstResults = 0;
  window.__mut = 0;
  window.__timerFired = 0;
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task API
  }
  new MutationObserver(() => {
    const now = performance.now();
    window.__mut = now;
    if (!window.__firstResults && document.querySelector('[data-testid=result-item]')) window.__firstResults = now;
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const setTimeout0 = window.setTimeout;
  window.setTimeout = function (fn, delay, ...rest) {
    if (delay === 120 && typeof fn === 'function') {
      const f = fn;
      fn = function (...a) {
        window.__timerFired = performance.now();
        return f.apply(this, a);
      };
    }
    return setTimeout0.call(this, fn, delay, ...rest);
  };
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const chromiumVersion = browser.version();
// Playwright starts Chromium in a session of its own, so with scheduler autogroups it does not
// share run.sh's priority (BENCH_NICE): give its autogroup the same.
if (process.env.BENCH_NICE) {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(f.slice(f.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
      if (!readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('chrom')) continue;
      writeFileSync(`/proc/${d}/autogroup`, process.env.BENCH_NICE);
      console.error(`Chromium (pid ${d}): ${readFileSync(`/proc/${d}/autogroup`, 'utf8').trim()}`);
    } catch {
      // not ours to change, or gone
    }
  }
}

/** CPU ticks: the machine's (busy, total) from /proc/stat, and this process tree's (ours: node and Chromium). */
function cpuTicks() {
  const l = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = l.reduce((a, b) => a + b, 0);
  const busy = total - l[3] - (l[4] ?? 0);
  const procs = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      // fields after the name: state ppid … utime(12) stime(13) cutime(14) cstime(15)
      procs.set(Number(d), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]) });
    } catch {
      // ended meanwhile
    }
  }
  const mine = [process.pid];
  for (let i = 0; i < mine.length; i++) for (const [pid, p] of procs) if (p.ppid === mine[i]) mine.push(pid);
  return { busy, total, ours: mine.reduce((s, p) => s + (procs.get(p)?.ticks ?? 0), 0) };
}

/**
 * How much this process tree (node, Chromium) ran and how long it waited, runnable, for a CPU
 * (/proc/PID/schedstat, nanoseconds). Sampled every 500 ms and kept per pid, so processes that
 * end (a closed context's renderer) still count up to their last sample.
 */
const sched = new Map();
function sampleSched() {
  const procs = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8');
      procs.set(Number(d), Number(f.slice(f.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const mine = [process.pid];
  for (let i = 0; i < mine.length; i++) for (const [pid, ppid] of procs) if (ppid === mine[i]) mine.push(pid);
  for (const pid of mine) {
    try {
      const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
      sched.set(pid, { run, wait });
    } catch {
      // ended meanwhile
    }
  }
}
const schedTotals = () => {
  sampleSched();
  let run = 0;
  let wait = 0;
  for (const v of sched.values()) {
    run += v.run;
    wait += v.wait;
  }
  return { run, wait };
};
setInterval(sampleSched, 500).unref();

/** Share of the machine's CPU that other processes used between two cpuTicks() (0–1; × nproc = cores). */
const foreignCpu = (a, b) => Math.max(0, (b.busy - a.busy - (b.ours - a.ours)) / Math.max(1, b.total - a.total));

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const pct = (xs, p) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};
const median = (xs) => pct(xs, 50);

/** Wait until the server has had nothing in flight and no new request for `quietMs` (at most maxMs). */
async function networkQuiet(server, quietMs = 1500, maxMs = 120000) {
  const t0 = Date.now();
  let n = server.log.length;
  let since = Date.now();
  while (Date.now() - t0 < maxMs) {
    await sleep(100);
    if (server.log.length !== n || server.inFlight() > 0) {
      n = server.log.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return true;
  }
  return false;
}

/** Open ?q=FIRST in a fresh context; returns { context, page, load } (load: what it took). */
async function firstLoad(side, n) {
  const context = await browser.newContext();
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 300)));
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const from = side.server.log.length;
  const load = { ok: false, errors };
  const started = Date.now();
  try {
    await page.goto(`${side.server.url}index.html?q=${encodeURIComponent(FIRST)}`, { waitUntil: 'commit' });
    const h = await page.waitForFunction(
      () =>
        window.__firstResults ||
        (document.querySelector('[data-testid=error-screen]') && { error: document.querySelector('[data-testid=error-screen]').innerText }),
      null,
      { timeout: loadTimeout(n), polling: 50 },
    );
    const v = await h.jsonValue();
    if (typeof v === 'number') {
      const { origin, items, count } = await page.evaluate(() => ({
        origin: performance.timeOrigin,
        items: document.querySelectorAll('[data-testid=result-item]').length,
        count: document.querySelector('[data-testid=result-count]')?.innerText ?? '',
      }));
      load.ok = true;
      load.ms = v;
      load.items = items;
      load.count = count.replace(/\s+/g, ' ').trim();
      const at = origin + v;
      const before = side.server.log.slice(from).filter((r) => r.start <= at);
      await networkQuiet(side.server);
      load.requests = before.length;
      load.bytes = before.reduce((s, r) => s + r.bytes, 0);
      const all = side.server.log.slice(from);
      load.visitRequests = all.length;
      load.visitBytes = all.reduce((s, r) => s + r.bytes, 0);
      load.log = all.map((r) => ({
        path: r.path.slice(0, 80),
        bytes: r.bytes,
        gzip: r.gzip,
        startMs: Math.round(r.start - origin),
        endMs: r.end ? Math.round(r.end - origin) : null,
        beforeFirstResults: r.start <= at,
      }));
    } else {
      load.error = `error screen: ${v.error.replace(/\s+/g, ' ').slice(0, 300)}`;
    }
  } catch (e) {
    load.error = crashed ? 'the page crashed (renderer out of memory?)' : String(e.message ?? e).split('\n')[0];
    load.afterS = (Date.now() - started) / 1000;
    const log = side.server.log.slice(from);
    load.visitRequests = log.length;
    load.visitBytes = log.reduce((s, r) => s + r.bytes, 0);
  }
  return { context, page, load };
}

/** One warm query in the app: fill the box, time from the debounce timer firing to the last DOM change. */
async function oursQuery(page, q) {
  await page.waitForFunction(() => performance.now() - window.__mut > 300, null, { polling: 50, timeout: 30000 });
  const prev = await page.evaluate(() => window.__timerFired);
  await page.fill('[data-testid=search-input]', q);
  const h = await page.waitForFunction(
    (prev) => {
      const now = performance.now();
      const fired = window.__timerFired;
      if (fired <= prev) return false;
      if (window.__mut > fired) return now - window.__mut > 300 && { ms: window.__mut - fired };
      return now - fired > 3000 && { ms: null };
    },
    prev,
    { polling: 50, timeout: 60000 },
  );
  const { ms } = await h.jsonValue();
  const { count, took } = await page.evaluate(() => ({
    count: document.querySelector('[data-testid=result-count]')?.childNodes[0]?.textContent ?? '',
    took: document.querySelector('[data-testid=result-count] .took')?.textContent ?? '',
  }));
  return { q, ms, count: count.trim(), took: took.trim() };
}

async function pagefindQuery(page, q) {
  const r = await page.evaluate((q) => window.timedSearch(q), q);
  return { q, ms: r.searchMs, renderMs: r.renderMs, count: String(r.total) };
}

/** A CDP command sent to a target through the browser session (workers have no page session). */
async function sendToTarget(b, sessionId, method, params = {}) {
  const id = Math.floor(Math.random() * 1e9);
  const got = new Promise((ok) => {
    const on = (e) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message);
      if (m.id === id) {
        b.off('Target.receivedMessageFromTarget', on);
        ok(m.result ?? { error: m.error });
      }
    };
    b.on('Target.receivedMessageFromTarget', on);
  });
  await b.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  return got;
}

/** Bytes of every WebAssembly.Memory alive in a target (`send(method, params)` talks to it). */
async function wasmMemory(send) {
  const proto = await send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const found = await send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const sum = await send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return sum.result?.value ?? null;
}

/** Heap and wasm memory of the page's main thread and of its dedicated workers, after a forced GC. */
async function heap(context, page, side) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const main = await cdp.send('Runtime.getHeapUsage');
  main.wasmMemory = await wasmMemory((m, p) => cdp.send(m, p));
  const pm = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  await cdp.detach();
  const b = await browser.newBrowserCDPSession();
  const workers = [];
  const { targetInfos } = await b.send('Target.getTargets');
  for (const t of targetInfos.filter((t) => t.type === 'worker' && t.url.startsWith(side.server.url))) {
    const { sessionId } = await b.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
    await sendToTarget(b, sessionId, 'HeapProfiler.collectGarbage');
    const h = await sendToTarget(b, sessionId, 'Runtime.getHeapUsage');
    h.wasmMemory = await wasmMemory((m, p) => sendToTarget(b, sessionId, m, p));
    workers.push({ url: t.url.slice(side.server.url.length - 1), ...h });
    await b.send('Target.detachFromTarget', { sessionId });
  }
  await b.detach();
  const sum = (k) => [main, ...workers].reduce((s, h) => s + (h[k] ?? 0), 0);
  return { main: { ...main, performanceMemory: pm }, workers, usedSize: sum('usedSize'), backingStorageSize: sum('backingStorageSize'), wasmMemory: sum('wasmMemory') };
}

/** Type TYPED a character at a time under a trace; the longest tasks per thread kind. */
async function typing(page, side) {
  await page.fill('[data-testid=search-input]', '');
  await page.waitForFunction(() => performance.now() - window.__mut > 500, null, { polling: 50, timeout: 30000 });
  await page.focus('[data-testid=search-input]');
  await page.evaluate(() => (window.__longtasks = []));
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await page.keyboard.type(TYPED, { delay: DELAY });
  await sleep(1500);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const longtasks = await page.evaluate(() => window.__longtasks);
  const events = trace.traceEvents ?? trace;
  // The page's renderer: the process whose frames show our server's URL.
  const pids = new Set();
  for (const e of events) {
    for (const f of e.args?.data?.frames ?? []) if (f.url?.startsWith(side.server.url) && f.processId) pids.add(f.processId);
    if (e.name === 'FrameCommittedInBrowser' && e.args?.data?.url?.startsWith(side.server.url)) pids.add(e.args.data.processId);
  }
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const longest = { main: 0, worker: 0 };
  for (const e of events) {
    if (e.ph !== 'X' || !(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')) continue;
    if (pids.size && !pids.has(e.pid)) continue;
    const t = threads.get(`${e.pid}:${e.tid}`) ?? '';
    const kind = t === 'CrRendererMain' ? 'main' : /Worker/.test(t) ? 'worker' : null;
    if (kind) longest[kind] = Math.max(longest[kind], (e.dur ?? 0) / 1000);
  }
  const final = await page.evaluate(() => document.querySelector('[data-testid=result-count]')?.innerText ?? '');
  return {
    longestMainMs: longest.main,
    longestWorkerMs: longest.worker,
    longtasks: longtasks.length,
    longtaskMaxMs: Math.max(0, ...longtasks.map((t) => t.dur)),
    rendererPids: [...pids],
    final: final.replace(/\s+/g, ' ').trim(),
  };
}

const results = { date: new Date().toISOString(), chromium: chromiumVersion, first: FIRST, queries: QUERIES, typed: TYPED, runs: RUNS, n: {} };
try {
  for (const n of ns) {
    const dir = join(work, String(n));
    const sides = {
      ours: { dir: join(dir, 'ours'), ready: existsSync(join(dir, 'ours', 'bundle.bin')) },
      pagefind: {
        dir: join(dir, 'pagefind'),
        ready:
          existsSync(join(dir, 'pagefind', 'pagefind', 'pagefind-entry.json')) &&
          (!existsSync(join(dir, 'pagefind-watch.json')) || JSON.parse(readFileSync(join(dir, 'pagefind-watch.json'), 'utf8')).exit === 0),
      },
    };
    const res = (results.n[n] = { ours: {}, pagefind: {}, loadavgStart: loadavg() });
    const cpu0 = cpuTicks();
    const sched0 = schedTotals();
    for (const [name, side] of Object.entries(sides)) {
      if (!side.ready) {
        res[name].skipped = 'not built';
        continue;
      }
      const t0 = Date.now();
      const top = name === 'ours'
        ? (await files(side.dir)).filter((f) => !f.includes('/'))
        : ['index.html', ...(await files(join(side.dir, 'pagefind'), new Set(['fragment', 'index', 'filter']))).map((f) => `pagefind/${f}`)];
      side.server = await serve(side.dir, { warm: top });
      console.error(`[${n}] ${name}: serving ${side.dir} on ${side.server.url} (compressed in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      res[name].disk = name === 'ours'
        ? await sizeOf(side.dir)
        : { ...(await sizeOf(side.dir, new Set(['a']))), pages: await sizeOf(join(side.dir, 'a')) };
    }
    const live = Object.entries(sides).filter(([, s]) => s.ready);

    // Cold loads, sides alternating.
    for (let i = 0; i < RUNS; i++) {
      for (const [name, side] of live) {
        if (res[name].cold?.some((l) => !l.ok)) continue; // it failed once: do not wait for it again
        const { context, load } = await firstLoad(side, n);
        await context.close();
        (res[name].cold ??= []).push(load);
        console.error(`[${n}] ${name} cold load ${i + 1}: ${load.ok ? `${Math.round(load.ms)} ms, ${load.requests} requests, ${load.bytes} bytes` : load.error}`);
      }
    }

    // Warm sessions.
    for (const [name, side] of live) {
      if (!res[name].cold?.some((l) => l.ok)) continue;
      const { context, page, load } = await firstLoad(side, n);
      try {
        if (!load.ok) {
          res[name].warmError = load.error;
          continue;
        }
        const qs = [];
        for (const q of QUERIES) qs.push(name === 'ours' ? await oursQuery(page, q) : await pagefindQuery(page, q));
        res[name].queries = qs;
        res[name].heap = await heap(context, page, side);
        res[name].typing = await typing(page, side);
        console.error(`[${n}] ${name} warm: p50 ${median(qs.map((q) => q.ms))?.toFixed(1)} ms, p95 ${pct(qs.map((q) => q.ms), 95)?.toFixed(1)} ms; heap ${(res[name].heap.usedSize / 1e6).toFixed(1)} MB; longest main-thread task ${res[name].typing.longestMainMs.toFixed(1)} ms`);
      } catch (e) {
        res[name].warmError = String(e.message ?? e).split('\n')[0];
        console.error(`[${n}] ${name} warm session failed: ${res[name].warmError}`);
      } finally {
        await context.close();
      }
    }
    for (const [, side] of live) await side.server.close();
    res.loadavgEnd = loadavg();
    res.foreignCpu = foreignCpu(cpu0, cpuTicks());
    const sched1 = schedTotals();
    res.ranS = (sched1.run - sched0.run) / 1e9;
    res.waitedS = (sched1.wait - sched0.wait) / 1e9;
    console.error(`[${n}] node and Chromium ran ${res.ranS.toFixed(1)} s and waited ${res.waitedS.toFixed(1)} s for a CPU`);
    console.error(`[${n}] other processes used ${(res.foreignCpu * 100).toFixed(0)} % of the machine's CPU meanwhile`);
    writeFileSync(join(work, 'measure.json'), JSON.stringify(results, null, 1));
  }
} finally {
  await browser.close();
}
writeFileSync(join(work, 'measure.json'), JSON.stringify(results, null, 1));
console.error(`wrote ${join(work, 'measure.json')}`);
