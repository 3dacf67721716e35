//! The single offline HTML file of a collection: the app (its JS, wasm and CSS), the bundle
//! and optionally the pages file in one page that opens from `file://` with nothing fetched.
//! `shegong build --single-file` writes it from the app's build on disk; the browser, from the
//! app it runs, when a reader exports their collection.
//!
//! Binary data is deflated and then base64-encoded once, each in its own
//! `<script type="application/octet-stream">` block (a type the browser never runs); a small
//! module script inflates it with the browser's `DecompressionStream`, hands the bundle to the
//! app through `globalThis.shegongEmbedded` (see the app's `embedded` module) and starts the
//! app's wasm from the inflated bytes. Nothing from the pages or the bundle is ever written
//! into the HTML as text: it is all inside the base64.
//!
//! With the extraction blocks ([`EXTRACTION_FILES`], `--add-pages`) the file also carries the
//! app's extraction module, its worker, client, store, dictionary and `add-pages.js`: the
//! starter makes the page's modules `blob:` URLs (`globalThis.shegongExtractUrls`) and starts
//! the worker as a classic worker with its files as `data:` URLs (from `file://` Chromium runs
//! no module worker and a worker fetches no `blob:` URL).

use base64::Engine as _;

/// The app a single file is made of.
pub struct AppFiles {
    /// The wasm-bindgen JS of the app: an ES module whose default export starts the wasm.
    js: String,
    /// Its default export's local name.
    init: String,
    wasm: Vec<u8>,
    css: String,
    /// The blocks that let the file add pages: id and bytes.
    pub extraction: Vec<(&'static str, Vec<u8>)>,
}

/// Why the app's files cannot make a single file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SingleFileError {
    /// No default export to start the wasm with.
    #[error("the app's JS has no default export that starts its wasm")]
    NoInit,
    /// A closing tag in an inline block.
    #[error("the app's {0} contains `{1}`, which would end its inline block early")]
    Closes(&'static str, &'static str),
}

impl AppFiles {
    /// The app's JS (wasm-bindgen's module), wasm and stylesheet, checked.
    pub fn new(js: String, wasm: Vec<u8>, css: String) -> Result<AppFiles, SingleFileError> {
        let init = default_export(&js).ok_or(SingleFileError::NoInit)?;
        for (what, text, closing) in [("JS", &js, "</script"), ("stylesheet", &css, "</style")] {
            if text.to_ascii_lowercase().contains(closing) {
                return Err(SingleFileError::Closes(what, closing));
            }
        }
        Ok(AppFiles {
            js,
            init,
            wasm,
            css,
            extraction: Vec::new(),
        })
    }
}

/// The files of the app's build that let a single file add pages, by the block each goes in.
pub const EXTRACTION_FILES: [(&str, &str); 7] = [
    ("shegong-x-glue", "extract/shegong_wasm_extract.js"),
    ("shegong-x-wasm", "extract/shegong_wasm_extract_bg.wasm"),
    ("shegong-x-worker", "extract/worker.js"),
    ("shegong-x-client", "extract/client.js"),
    ("shegong-x-store", "extract/store.js"),
    ("shegong-x-dict", "extract/dict.bin.gz"),
    ("shegong-x-addpages", "add-pages.js"),
];

/// The local name of a module's default export: `export { initSync, __wbg_init as default };`
/// or `export default __wbg_init;`.
pub fn default_export(js: &str) -> Option<String> {
    let is_name = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    };
    for line in js.lines().rev() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("export default ") {
            let name = rest.trim_end_matches(';').trim();
            if is_name(name) {
                return Some(name.to_owned());
            }
        }
        if let Some(list) = line
            .strip_prefix("export {")
            .and_then(|l| l.trim_end_matches(';').trim().strip_suffix('}'))
        {
            for item in list.split(',') {
                if let Some(name) = item.trim().strip_suffix(" as default") {
                    if is_name(name.trim()) {
                        return Some(name.trim().to_owned());
                    }
                }
            }
        }
    }
    None
}

/// Deflate (raw, highest level), then base64: the form of every binary block.
fn pack(bytes: &[u8]) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(bytes, 10);
    base64::engine::general_purpose::STANDARD.encode(deflated)
}

/// The single file of `app` with `bundle` and, if given, its pages file.
pub fn single_file(app: &AppFiles, bundle: &[u8], pages: Option<&[u8]>) -> String {
    let block = |id: &str, bytes: &[u8]| {
        format!(
            "<script type=\"application/octet-stream\" id=\"{id}\" data-bytes=\"{}\">{}</script>\n",
            bytes.len(),
            pack(bytes)
        )
    };
    let mut out = String::with_capacity(app.wasm.len() / 2 + bundle.len() + app.js.len());
    out.push_str(HEAD);
    out.push_str("<style>\n");
    out.push_str(&app.css);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(BOOT);
    out.push_str(&block("shegong-wasm", &app.wasm));
    out.push_str(&block("shegong-bundle", bundle));
    if let Some(pages) = pages {
        out.push_str(&block("shegong-pages", pages));
    }
    for (id, bytes) in &app.extraction {
        out.push_str(&block(id, bytes));
    }
    out.push_str("<script type=\"module\">\n");
    out.push_str(&app.js);
    out.push_str(
        "\n// Shegong single file: unpack the blocks above and start the app from them.\n",
    );
    out.push_str(&STARTER.replace("__INIT__", &app.init));
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

const HEAD: &str = r#"<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="description" content="社工新闻离线检索：在浏览器里搜索社会工作新闻" />
<meta name="generator" content="shegong build --single-file" />
<link rel="icon" href="data:," />
<title>社工新闻检索 · Shegong</title>
"#;

/// What shows until the app starts, and instead of it when it cannot.
const BOOT: &str = r#"<div id="boot" class="status" role="status"><p>正在打开…… Opening…</p></div>
<noscript><p class="error">这个文件需要启用 JavaScript 才能检索。This file needs JavaScript to search.</p></noscript>
"#;

/// Unpacks the blocks and starts the app; `__INIT__` is the app module's init function.
const STARTER: &str = r#"
{
  const unpack = async (id) => {
    const block = document.getElementById(id);
    if (!block) return null;
    const text = atob(block.textContent);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
  try {
    if (typeof DecompressionStream !== 'function') {
      throw new Error('这个浏览器无法解开内嵌的数据，请用较新的 Chrome、Edge、Firefox 或 Safari 打开。This browser cannot unpack the embedded data: open the file in a current Chrome, Edge, Firefox or Safari.');
    }
    const [wasm, bundle, pages] = await Promise.all(['shegong-wasm', 'shegong-bundle', 'shegong-pages'].map(unpack));
    globalThis.shegongEmbedded = { bundle, pages };
    // Built with --add-pages: the extraction module and its files. From file:// Chromium
    // runs no module worker and a worker fetches no blob: URL, so the worker is a classic one
    // given its files as data: URLs; the page imports its own as blob: URLs.
    const names = ['glue', 'wasm', 'worker', 'client', 'store', 'dict', 'addpages'];
    const x = await Promise.all(names.map((n) => unpack(`shegong-x-${n}`)));
    if (x[0]) {
      const [glue, xwasm, worker, client, store, dict, addpages] = x;
      const blob = (parts, type) => URL.createObjectURL(new Blob(parts, { type }));
      const data = (bytes, type) =>
        new Promise((resolve, reject) => {
          const r = new FileReader();
          r.onload = () => resolve(r.result);
          r.onerror = () => reject(r.error);
          r.readAsDataURL(new Blob([bytes], { type }));
        });
      const js = 'text/javascript';
      const inWorker = {
        'shegong_wasm_extract.js': await data(glue, js),
        'shegong_wasm_extract_bg.wasm': await data(xwasm, 'application/wasm'),
        'store.js': await data(store, js),
        'dict.bin.gz': await data(dict, 'application/gzip'),
      };
      globalThis.shegongExtractUrls = {
        'client.js': blob([client], js),
        'store.js': blob([store], js),
        'worker.js': blob([`self.shegongExtractUrls = ${JSON.stringify(inWorker)};\n`, worker], js),
      };
      await import(blob([addpages], js));
    }
    await __INIT__({ module_or_path: wasm });
  } catch (e) {
    const boot = document.getElementById('boot');
    if (boot) {
      boot.className = 'error';
      boot.setAttribute('role', 'alert');
      boot.textContent = `无法打开 Could not open: ${e.message}`;
    }
  }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> AppFiles {
        AppFiles::new(
            "function __wbg_init(x) {}\nexport { initSync, __wbg_init as default };\n".into(),
            b"\0asm wasm bytes".to_vec(),
            "body { margin: 0 }".into(),
        )
        .unwrap()
    }

    #[test]
    fn finds_the_default_export() {
        assert_eq!(
            default_export("let a;\nexport { initSync, __wbg_init as default };\n").as_deref(),
            Some("__wbg_init")
        );
        assert_eq!(
            default_export("export default start;").as_deref(),
            Some("start")
        );
        assert_eq!(default_export("export { a, b };"), None);
    }

    #[test]
    fn binary_data_is_deflated_and_base64_encoded_once() {
        let bundle: Vec<u8> = (0..4000u32).flat_map(|i| (i % 7).to_le_bytes()).collect();
        let page = single_file(&app(), &bundle, None);
        let block = page
            .split("id=\"shegong-bundle\" data-bytes=\"16000\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .unwrap();
        let deflated = base64::engine::general_purpose::STANDARD
            .decode(block)
            .unwrap();
        assert!(deflated.len() < bundle.len() / 10, "compressed");
        assert_eq!(
            miniz_oxide::inflate::decompress_to_vec(&deflated).unwrap(),
            bundle
        );
        assert!(!page.contains("shegong-pages\""), "no pages unless asked");
        assert!(page.contains("await __wbg_init({ module_or_path: wasm });"));
        assert!(single_file(&app(), &bundle, Some(b"pages")).contains("id=\"shegong-pages\""));
    }

    #[test]
    fn the_apps_files_are_checked() {
        assert_eq!(
            AppFiles::new("export { a };".into(), Vec::new(), String::new()).err(),
            Some(SingleFileError::NoInit)
        );
        let js = "export default go;\n// </SCRIPT>\n".to_owned();
        assert_eq!(
            AppFiles::new(js, Vec::new(), String::new()).err(),
            Some(SingleFileError::Closes("JS", "</script"))
        );
    }
}
