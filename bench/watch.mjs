// Run a command under a memory watchdog: `node bench/watch.mjs LIMIT_GB OUT.json -- CMD ARGS...`.
// Every 200 ms it sums the resident memory (VmRSS) of the command's process tree; above LIMIT_GB
// it kills the tree (SIGKILL) and says so. OUT.json gets { exit, signal, killed, peakRssKb,
// wallS }; the command's own output passes through.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const [limitGb, out, sep, ...cmd] = process.argv.slice(2);
if (sep !== '--' || !cmd.length) {
  console.error('usage: node bench/watch.mjs LIMIT_GB OUT.json -- CMD ARGS...');
  process.exit(2);
}
const limitKb = Number(limitGb) * 1024 * 1024;

/** pid → [ppid, rssKb] for every process. */
function table() {
  const t = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(s)?.[1]);
      const rss = Number(/^VmRSS:\s+(\d+)/m.exec(s)?.[1] ?? 0);
      t.set(Number(d), [ppid, rss]);
    } catch {
      // the process ended meanwhile
    }
  }
  return t;
}

function tree(root) {
  const t = table();
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    for (const [pid, [ppid]] of t) if (ppid === pids[i]) pids.push(pid);
  }
  return { pids, rss: pids.reduce((s, p) => s + (t.get(p)?.[1] ?? 0), 0) };
}

const started = Date.now();
const child = spawn(cmd[0], cmd.slice(1), { stdio: 'inherit' });
let peak = 0;
let killed = false;
const timer = setInterval(() => {
  const { pids, rss } = tree(child.pid);
  peak = Math.max(peak, rss);
  if (rss > limitKb && !killed) {
    killed = true;
    console.error(`watch: ${cmd[0]} uses ${(rss / 1048576).toFixed(1)} GB > ${limitGb} GB: killed`);
    // Its descendants (deepest first), so that a wrapper such as /usr/bin/time can still
    // report on them; the command itself only if it is alone.
    const victims = pids.length > 1 ? pids.slice(1).reverse() : pids;
    for (const p of victims) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
}, 200);
child.on('exit', (code, signal) => {
  clearInterval(timer);
  const res = { exit: code, signal, killed, peakRssKb: peak, limitGb: Number(limitGb), wallS: (Date.now() - started) / 1000 };
  writeFileSync(out, JSON.stringify(res, null, 1));
  process.exit(code ?? 1);
});
