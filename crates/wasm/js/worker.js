// Shegong's search worker: the engine's host (shegong.js) on a thread of its own, so typing
// never waits for a search.
import { Host } from './shegong.js';

const host = new Host((m) => postMessage(m));
onmessage = (e) => host.receive(e.data);
