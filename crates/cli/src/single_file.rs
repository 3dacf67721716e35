//! `shegong build … --single-file out.html`: the single offline HTML file
//! (`shegong_collection::single_file`) made from the app's release build on disk, with
//! `--add-pages` the app's extraction module in it too.

use anyhow::{bail, Context, Result};
use shegong_collection::{single_file, AppFiles, EXTRACTION_FILES};
use std::path::{Path, PathBuf};

/// The app's release build (`trunk build --release --offline` writes it to `dist/`).
pub struct App(AppFiles);

/// What went into the file, for the build report.
pub struct Written {
    /// The file's size.
    pub bytes: usize,
    /// Its size gzipped (deflate at the highest level plus the gzip header and trailer).
    pub gzipped: usize,
}

impl App {
    /// Read the app's build from `dir`: the JS, wasm and stylesheet its `index.html` names.
    pub fn read(dir: &Path) -> Result<App> {
        let rebuild = || {
            "run `trunk build --release --offline` (it writes the app to dist/), or give the app's folder with --app DIR"
        };
        let index_path = dir.join("index.html");
        let index = std::fs::read_to_string(&index_path).with_context(|| {
            format!(
                "the single file needs the app's release build, and {} cannot be read: {}",
                index_path.display(),
                rebuild()
            )
        })?;
        let named = |ext: &str| -> Result<PathBuf> {
            let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
                .with_context(|| format!("cannot list {}", dir.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
                    name.is_some_and(|n| n.ends_with(ext) && index.contains(&format!("/{n}")))
                })
                .collect();
            found.sort();
            match found.len() {
                1 => Ok(found.remove(0)),
                0 => bail!(
                    "{} names no {ext} file of the app in {}: {}",
                    index_path.display(),
                    dir.display(),
                    rebuild()
                ),
                _ => bail!(
                    "{} names several {ext} files ({}): {}",
                    index_path.display(),
                    found
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    rebuild()
                ),
            }
        };
        let read_text = |p: &Path| {
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
        };
        let wasm_path = named("_bg.wasm")?;
        // wasm-bindgen names the JS of `x_bg.wasm` `x.js`.
        let name = wasm_path.file_name().unwrap_or_default().to_string_lossy();
        let js = read_text(&wasm_path.with_file_name(name.replace("_bg.wasm", ".js")))?;
        let wasm = std::fs::read(&wasm_path)
            .with_context(|| format!("cannot read {}", wasm_path.display()))?;
        let css = read_text(&named(".css")?)?;
        AppFiles::new(js, wasm, css)
            .map(App)
            .map_err(|e| anyhow::anyhow!("{e} (in {}): {}", dir.display(), rebuild()))
    }

    /// The same, carrying the extraction module and what goes with it from `dir` (the app's
    /// build, which `scripts/extract-module.sh` completes with `extract/`).
    pub fn with_extraction(mut self, dir: &Path) -> Result<App> {
        for (id, file) in EXTRACTION_FILES {
            let path = dir.join(file);
            let bytes = std::fs::read(&path).with_context(|| {
                format!(
                    "--add-pages needs {}, from the app's build: run `trunk build --release --offline` (its hook runs scripts/extract-module.sh)",
                    path.display()
                )
            })?;
            self.0.extraction.push((id, bytes));
        }
        Ok(self)
    }
}

/// Write the single file to `path`.
pub fn write(path: &Path, app: &App, bundle: &[u8], pages: Option<&[u8]>) -> Result<Written> {
    let text = single_file(&app.0, bundle, pages);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(path, &text).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Written {
        bytes: text.len(),
        gzipped: miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 10).len() + 18,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App(AppFiles::new(
            "function __wbg_init(x) {}\nexport { initSync, __wbg_init as default };\n".into(),
            b"\0asm wasm bytes".to_vec(),
            "body { margin: 0 }".into(),
        )
        .unwrap())
    }

    #[test]
    fn the_extraction_blocks_are_there_only_when_asked_for() {
        let dir = std::env::temp_dir().join(format!("shegong-x-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("extract")).unwrap();
        for (_, file) in EXTRACTION_FILES {
            std::fs::write(dir.join(file), file.as_bytes()).unwrap();
        }
        let with = app().with_extraction(&dir).unwrap();
        let page = single_file(&with.0, b"bundle", None);
        for (id, _) in EXTRACTION_FILES {
            assert!(page.contains(&format!("id=\"{id}\"")), "{id}");
            assert!(!single_file(&app().0, b"bundle", None).contains(&format!("id=\"{id}\"")));
        }
        std::fs::remove_file(dir.join("extract/dict.bin.gz")).unwrap();
        let err = app().with_extraction(&dir).err().unwrap().to_string();
        assert!(
            err.contains("dict.bin.gz") && err.contains("trunk build"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
