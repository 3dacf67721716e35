// Starts the app: fetches its wasm once — kept for offline use as it arrives, so the service
// worker never downloads it again — and runs it, with the search host (shegong.js) that opens
// bundles in a worker handed to it as `shegongOpen`. Trunk writes the script tag that loads this
// file (Trunk.toml, `pattern_script`) with the hashed names of the app's JS and wasm.
const { js, wasm } = document.querySelector('script[data-wasm]').dataset;
const response = fetch(wasm).then((res) => {
  if (res.ok && globalThis.caches) {
    const copy = res.clone();
    caches.open('shegong-v1').then((c) => c.put(new URL(wasm, location.href).href, copy)).catch(() => undefined);
  }
  return res;
});
const [{ open }, { default: init }] = await Promise.all([import('./shegong.js'), import(js)]);
globalThis.shegongOpen = open;
await init({ module_or_path: response });
