// `node bench/report.mjs WORK N...`: the table of a benchmark run (WORK/meta.json, the build logs
// in WORK/<N>/, WORK/measure.json, WORK/steps.tsv), printed and written to bench/RESULTS.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [work, ...ns] = process.argv.slice(2);
const read = (f) => (existsSync(f) ? readFileSync(f, 'utf8') : null);
const json = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
const meta = json(join(work, 'meta.json')) ?? {};
const measure = json(join(work, 'measure.json')) ?? { n: {} };

/** GNU time -v: wall seconds, max RSS in KB, exit status, signal. */
function gnuTime(file) {
  const t = read(file);
  if (!t) return null;
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(t)?.[1];
  const parts = wall ? wall.split(':').map(Number) : [];
  const secs = parts.reduce((s, p) => s * 60 + p, 0);
  return {
    wallS: wall ? secs : null,
    rssKb: Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(t)?.[1] ?? NaN),
    cpuS: Number(/User time \(seconds\): ([\d.]+)/.exec(t)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(t)?.[1] ?? NaN),
    exit: Number(/Exit status: (\d+)/.exec(t)?.[1] ?? NaN),
    signal: /Command terminated by signal (\d+)/.exec(t)?.[1] ?? null,
    cpuPct: /Percent of CPU this job got: (\d+)%/.exec(t)?.[1] ?? null,
  };
}

const pct = (xs, p) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};
const mb = (b) => (b == null ? null : b / 1e6);
const fmt = (x, digits) => {
  if (x == null || Number.isNaN(x)) return '—';
  if (digits == null) digits = x >= 100 ? 0 : x >= 10 ? 1 : 2;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};
const ratio = (a, b) => {
  if (a == null || b == null || Number.isNaN(a) || Number.isNaN(b) || b === 0) return '—';
  const r = a / b;
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r >= 0.01 ? r.toFixed(2) : r.toPrecision(2)}×`;
};

const notes = [];
const figures = {}; // n → side → figure → value
for (const n of ns) {
  const d = join(work, String(n));
  const m = measure.n[n] ?? { ours: {}, pagefind: {} };
  const f = (figures[n] = { ours: {}, pagefind: {} });
  const ob = gnuTime(join(d, 'ours-build.time'));
  const pb = gnuTime(join(d, 'pagefind-build.time'));
  const watch = json(join(d, 'pagefind-watch.json'));
  const oursLog = read(join(d, 'ours-build.log')) ?? '';
  const pfLog = read(join(d, 'pagefind-build.log')) ?? '';
  f.ours.articles = Number(/→ (\d+) articles/.exec(oursLog)?.[1] ?? NaN);
  f.pagefind.articles = Number(/Indexed (\d+) pages/.exec(pfLog)?.[1] ?? NaN);
  f.ours.buildS = ob?.wallS;
  f.ours.buildMb = ob ? ob.rssKb / 1024 : null;
  f.ours.buildCpuS = ob?.cpuS;
  f.ours.buildCpuPct = ob?.cpuPct;
  f.pagefind.buildCpuPct = pb?.cpuPct;
  const pfOk = watch ? watch.exit === 0 : pb?.exit === 0;
  f.pagefind.buildS = pfOk ? pb?.wallS : null;
  f.pagefind.buildMb = pfOk ? pb?.rssKb / 1024 : null;
  f.pagefind.buildCpuS = pfOk ? pb?.cpuS : null;
  f.foreignCpu = m.foreignCpu;
  f.ranS = m.ranS;
  f.waitedS = m.waitedS;
  f.loadavg = [m.loadavgStart?.[0], m.loadavgEnd?.[0]];
  const pfSkipped = read(join(d, 'pagefind-skipped'));
  if (pfSkipped) notes.push(`N = ${n}: Pagefind was not run — ${pfSkipped.trim()}.`);
  if (!pfOk && (watch || pb)) {
    const peak = Math.max(watch?.peakRssKb ?? 0, pb?.rssKb ?? 0) / 1048576;
    const why = watch?.killed
      ? `killed by the watchdog at ${watch.limitGb} GiB resident memory (peak ${peak.toFixed(1)} GiB) after ${(watch.wallS ?? pb?.wallS ?? 0).toFixed(0)} s`
      : `exit ${watch?.exit ?? pb?.exit}${pb?.signal ? `, signal ${pb.signal}` : ''} after ${(watch?.wallS ?? pb?.wallS ?? 0).toFixed(0)} s, peak ${peak.toFixed(1)} GiB`;
    notes.push(`N = ${n}: Pagefind did not build — ${why}; see ${d}/pagefind-build.log.`);
    f.pagefind.failed = true;
  }
  for (const side of ['ours', 'pagefind']) {
    const s = m[side] ?? {};
    const g = f[side];
    if (s.disk) {
      g.diskMb = mb(s.disk.bytes);
      g.files = s.disk.files;
    }
    const cold = (s.cold ?? []).filter((l) => l.ok);
    const failed = (s.cold ?? []).find((l) => !l.ok);
    if (failed) {
      notes.push(
        `N = ${n}: ${side === 'ours' ? 'our app' : 'Pagefind'} did not show results on a cold load: ${failed.error}` +
          `${failed.afterS ? ` (after ${failed.afterS.toFixed(0)} s` : ' ('}${failed.visitBytes != null ? `, ${fmt(mb(failed.visitBytes), 1)} MB transferred by then` : ''}).`,
      );
    }
    if (cold.length) {
      g.firstKb = pct(cold.map((l) => l.bytes), 50) / 1000;
      g.firstReq = pct(cold.map((l) => l.requests), 50);
      g.firstMs = pct(cold.map((l) => l.ms), 50);
      g.firstRuns = cold.map((l) => Math.round(l.ms));
      g.firstRunsKb = cold.map((l) => Math.round(l.bytes / 1000));
      g.firstRunsReq = cold.map((l) => l.requests);
      g.visitKb = pct(cold.map((l) => l.visitBytes), 50) / 1000;
      g.visitReq = pct(cold.map((l) => l.visitRequests), 50);
    }
    if (s.queries) {
      const ms = s.queries.map((q) => q.ms);
      g.p50 = pct(ms, 50);
      g.p95 = pct(ms, 95);
      g.queries = s.queries;
    }
    if (s.heap) {
      g.heapMb = mb(s.heap.usedSize);
      g.backingMb = mb(s.heap.backingStorageSize);
      g.wasmMb = mb(s.heap.wasmMemory);
      g.heapMainMb = mb(s.heap.main?.usedSize);
      g.backingMainMb = mb(s.heap.main?.backingStorageSize);
      g.wasmMainMb = mb(s.heap.main?.wasmMemory);
    }
    if (s.typing) {
      g.longMain = s.typing.longestMainMs;
      g.longWorker = s.typing.longestWorkerMs;
    }
    if (s.warmError) notes.push(`N = ${n}: the warm session of ${side} failed: ${s.warmError}`);
  }
}

const ROWS = [
  ['articles indexed', 'articles', 0],
  ['build: wall time (s)', 'buildS', 1],
  ['build: CPU time, user + system (s)', 'buildCpuS', 1],
  ['build: peak memory (MiB, max RSS)', 'buildMb', 0],
  ['on disk (MB)¹', 'diskMb', 1],
  ['files on disk¹', 'files', 0],
  ['bytes until first results (KB, on the wire, median)²', 'firstKb', 0],
  ['requests until first results (median)²', 'firstReq', 0],
  ['time to first results (ms, median of cold loads)³', 'firstMs', 0],
  ['whole first visit (KB, until the network is quiet, median)²', 'visitKb', 0],
  ['warm query p50 (ms)⁴', 'p50', 1],
  ['warm query p95 (ms)⁴', 'p95', 1],
  ['JS heap used, page + its workers (MB)⁵', 'heapMb', 1],
  ['wasm memory, page + its workers (MB)⁵', 'wasmMb', 1],
  ['longest main-thread task while typing (ms)⁶', 'longMain', 0],
];

const head = ['figure', ...ns.flatMap((n) => [`N=${n} Shegong`, `Pagefind`, `ratio`])];
const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`];
for (const [label, key, digits] of ROWS) {
  const cells = ns.flatMap((n) => {
    const o = figures[n].ours[key];
    const p = figures[n].pagefind[key];
    return [fmt(o, digits), figures[n].pagefind.failed && p == null ? 'failed' : fmt(p, digits), ratio(o, p)];
  });
  lines.push(`| ${label} | ${cells.join(' | ')} |`);
}
const table = lines.join('\n');

const steps = (read(join(work, 'steps.tsv')) ?? '')
  .trim()
  .split('\n')
  .filter((l) => l)
  .map((l) => l.split('\t'));
const stepMap = new Map(steps);
const stepTable = ['| step | seconds |', '|---|---:|', ...[...stepMap].map(([k, v]) => `| ${k} | ${v} |`)].join('\n');

const details = ns
  .map((n) => {
    const f = figures[n];
    const out = [`### N = ${n}`, ''];
    if (f.foreignCpu != null) {
      out.push(`While this N was measured, other processes on the machine used ${(f.foreignCpu * 100).toFixed(0)} % of its CPU (load average ${f.loadavg.map((x) => x?.toFixed(1)).join(' → ')}).`);
    }
    out.push(`Builds: \`shegong build\` got ${f.ours.buildCpuPct ?? '?'} % of a core on average, \`pagefind_extended\` ${f.pagefind.buildCpuPct ?? '?'} % (\`/usr/bin/time\`; both can use 2 cores, so a low figure with a long wall time means the machine was busy).`);
    const runs = (g) => (g.firstRuns ? g.firstRuns.map((ms, i) => `${ms} ms / ${g.firstRunsReq[i]} requests / ${g.firstRunsKb[i]} KB`).join('; ') : '—');
    out.push(`Cold loads (time to first results / requests / KB before them): Shegong ${runs(f.ours)}. Pagefind ${runs(f.pagefind)}.`);
    out.push(`Longest task on a worker thread while typing (ms): Shegong ${fmt(f.ours.longWorker, 0)}; Pagefind ${fmt(f.pagefind.longWorker, 0)}.`);
    out.push(`Main thread alone (MB): JS heap Shegong ${fmt(f.ours.heapMainMb, 1)}, Pagefind ${fmt(f.pagefind.heapMainMb, 1)}; wasm memory Shegong ${fmt(f.ours.wasmMainMb, 1)}, Pagefind ${fmt(f.pagefind.wasmMainMb, 1)}. ArrayBuffers (\`backingStorageSize\`, page + workers): Shegong ${fmt(f.ours.backingMb, 1)}, Pagefind ${fmt(f.pagefind.backingMb, 1)}.`);
    const m = measure.n[n] ?? {};
    for (const side of ['ours', 'pagefind']) {
      const log = m[side]?.cold?.find((l) => l.ok)?.log;
      if (log) {
        const top = [...log].sort((a, b) => b.bytes - a.bytes).slice(0, 6);
        out.push(
          `${side === 'ours' ? 'Shegong' : 'Pagefind'} first visit, largest responses: ` +
            top.map((r) => `${r.path.split('?')[0]} ${fmt(r.bytes / 1000, 0)} KB${r.beforeFirstResults ? '' : ' (after first results)'}`).join(', ') + '.',
        );
      }
    }
    const oq = f.ours.queries ?? [];
    const pq = f.pagefind.queries ?? [];
    if (oq.length || pq.length) {
      out.push('', '| query | Shegong ms | Shegong results (engine time) | Pagefind ms | Pagefind results |', '|---|---:|---|---:|---:|');
      const qs = (oq.length ? oq : pq).map((q) => q.q);
      qs.forEach((q, i) => {
        const o = oq[i];
        const p = pq[i];
        out.push(`| ${q} | ${fmt(o?.ms, 1)} | ${o ? `${o.count} ${o.took}` : '—'} | ${fmt(p?.ms, 1)} | ${p?.count ?? '—'} |`);
      });
    }
    return out.join('\n');
  })
  .join('\n\n');

const envs = ['SHEGONG_TREE', 'SHEGONG_BIN', 'SHEGONG_DIST', 'BENCH_REUSE', 'BENCH_RUNS', 'BENCH_NICE', 'PF_LIMIT_GB']
  .filter((k) => process.env[k])
  .map((k) => `${k}=${process.env[k]} `)
  .join('');
const cmd = `${envs}bash bench/run.sh ${ns.join(' ')}`;
const md = `# Benchmark: Shegong against Pagefind

Made by \`${cmd}\` (see [README.md](README.md) for what is measured and how).

- date: ${meta.date ?? measure.date ?? '—'}
- machine: ${meta.nproc ?? '?'} cores, ${meta.mem ? (meta.mem / 2 ** 30).toFixed(1) : '?'} GiB memory
- Shegong: commit ${meta.commit ?? '?'} (CLI \`--release\`, app \`trunk build --release --offline\`)
- ${meta.pagefind ?? 'pagefind ?'} (\`pagefind_extended\`, npm \`pagefind\`)
- ${meta.chromium ?? 'chromium ?'} (headless, driven by playwright-core; browser reports ${measure.chromium ?? '?'}); Node ${meta.node ?? '?'}
${meta.nice ? `- run at niceness ${meta.nice} (\`BENCH_NICE\`), to be disturbed less by other work on the machine\n` : ''}- corpus: \`shegong synth --articles N --per-page 1 --seed 1\`; Pagefind indexes the articles of \`shegong extract\` as one HTML page each
${ns.some((n) => figures[n].foreignCpu != null) ? `- other work on the machine while each N was measured in the browser: ${ns.map((n) => `N=${n}: others used ${figures[n].foreignCpu != null ? `${(figures[n].foreignCpu * 100).toFixed(0)} %` : '?'} of the CPU${figures[n].ranS != null ? `; Node and Chromium ran ${figures[n].ranS.toFixed(0)} s and waited ${figures[n].waitedS.toFixed(0)} s, runnable, for a core` : ''}`).join('; ')} (timings are clean when the wait is small against the run)\n` : ''}
Ratio = Shegong ÷ Pagefind (below 1 means Shegong is smaller, faster or lighter).

${table}

1. Shegong: the whole served folder (app, \`bundle.bin\`, \`bundle.pages.bin\`). Pagefind: its \`pagefind/\` folder and the search page, without the article pages it indexed.
2. Counted by the server: requests received between navigation and the first result on screen, and their responses as sent (gzip where the server compresses, headers included). The whole first visit adds what arrives until the network has been quiet for 1.5 s.
3. A fresh browser context per load, no HTTP cache (\`Cache-Control: no-store\`), no service worker yet; query ${measure.first ?? '社工站'} in the URL (\`index.html?q=…\` on both sides); from navigation start to the first result element in the DOM.
4. ${measure.queries?.length ?? 20} queries, each once, after the first load. Shegong: from its 120 ms debounce timer firing to the last DOM change (search, snippets, facets and rendering). Pagefind: \`search()\` plus \`data()\` of the first 10 results, fetching index chunks and fragments as needed (Pagefind runs them in its Web Worker).
5. After the queries and a forced GC in each, from CDP on the page's main thread plus its dedicated workers (both search in a Web Worker; the app's service worker is not counted): \`Runtime.getHeapUsage\` \`usedSize\` (the JS heap), and the sizes of all live \`WebAssembly.Memory\` objects (\`Runtime.queryObjects\`). The main thread alone, and \`backingStorageSize\` (ArrayBuffers), are in the details.
6. Typing “${measure.typed ?? ''}” one character every 150 ms, under a Chromium trace: the longest task on the page's main thread.
${notes.length ? `\nNotes:\n\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}
## How long each step took

${stepTable}

## Details

${details}
`;

console.log(table);
if (notes.length) console.log(`\n${notes.join('\n')}`);
const out = join(import.meta.dirname, 'RESULTS.md');
writeFileSync(out, md);
console.error(`wrote ${out}`);
