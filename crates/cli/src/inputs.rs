//! Finding and decoding page files.

use anyhow::{bail, Context, Result};
use shegong_text::decode;
use std::path::{Path, PathBuf};

/// A decoded page.
#[derive(Debug)]
pub struct Page {
    /// The page's name in the collection (see [`display_names`]): its article ids start with it.
    pub name: String,
    pub text: String,
    /// When the file was last modified, if the file system says.
    pub modified: Option<std::time::SystemTime>,
}

/// A file that could not be read as a page.
#[derive(Debug)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Read every `.txt` file named or found (recursively, in sorted order) under the inputs.
/// Undecodable files are returned as skipped; a missing input is an error.
pub fn read_pages(inputs: &[PathBuf]) -> Result<(Vec<Page>, Vec<Skipped>)> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            collect(input, &mut found)
                .with_context(|| format!("cannot list folder {}", input.display()))?;
            files.extend(found.into_iter().map(|f| (input.clone(), f)));
        } else if input.is_file() {
            files.push((input.clone(), input.clone()));
        } else {
            bail!(
                "{} does not exist (give page files or folders of .txt pages)",
                input.display()
            );
        }
    }
    // The same file named twice (`a/x.txt` and `./a/x.txt`, or a folder and a file in it) is
    // read once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|(_, f)| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    let names = display_names(&files);
    // Pages in name order, whatever order the inputs were given or listed in: the same pages
    // give the same bundle.
    let mut named: Vec<(String, PathBuf)> = names
        .into_iter()
        .zip(files)
        .map(|(name, (_, path))| (name, path))
        .collect();
    named.sort();
    let mut pages = Vec::new();
    let mut skipped = Vec::new();
    for (name, path) in named {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                skipped.push(Skipped {
                    path,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        match decode(&bytes) {
            Ok(d) => pages.push(Page {
                name,
                text: d.text,
                modified,
            }),
            Err(e) => skipped.push(Skipped {
                path,
                reason: e.to_string(),
            }),
        }
    }
    Ok((pages, skipped))
}

/// The names pages go by in the collection, for (input as given, file) pairs: relative inputs
/// keep their path as given (`seeds/000.txt`), absolute ones keep their last component and
/// what lies under it (`/data/news` → `news/a/x.txt`), so the same folder gives the same names
/// wherever it is. Names that still collide (two `/…/news` folders) fall back to full paths.
fn display_names(files: &[(PathBuf, PathBuf)]) -> Vec<String> {
    let slashes = |p: &Path| p.to_string_lossy().replace('\\', "/");
    let short = |(input, file): &(PathBuf, PathBuf)| -> String {
        if input.is_relative() {
            return slashes(file);
        }
        let base = input.parent().filter(|_| input.file_name().is_some());
        match base.and_then(|b| file.strip_prefix(b).ok()) {
            Some(rel) => slashes(rel),
            None => slashes(file),
        }
    };
    let names: Vec<String> = files.iter().map(short).collect();
    let mut count = std::collections::HashMap::new();
    for n in &names {
        *count.entry(n.as_str()).or_insert(0) += 1;
    }
    names
        .iter()
        .zip(files)
        .map(|(n, (_, file))| {
            if count[n.as_str()] > 1 {
                slashes(file)
            } else {
                n.clone()
            }
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push(p);
        }
    }
    Ok(())
}
