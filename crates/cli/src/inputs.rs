//! Finding and decoding page files.

use anyhow::{bail, Context, Result};
use shegong_core::decode::decode;
use std::path::{Path, PathBuf};

/// A decoded page.
#[derive(Debug)]
pub struct Page {
    /// The path as given (or found under a given folder), with `/` separators.
    pub name: String,
    pub text: String,
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
            collect(input, &mut files)
                .with_context(|| format!("cannot list folder {}", input.display()))?;
        } else if input.is_file() {
            files.push(input.clone());
        } else {
            bail!(
                "{} does not exist (give page files or folders of .txt pages)",
                input.display()
            );
        }
    }
    let mut pages = Vec::new();
    let mut skipped = Vec::new();
    for path in files {
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
        match decode(&bytes) {
            Ok(d) => pages.push(Page {
                name: path.to_string_lossy().replace('\\', "/"),
                text: d.text,
            }),
            Err(e) => skipped.push(Skipped {
                path,
                reason: e.to_string(),
            }),
        }
    }
    Ok((pages, skipped))
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
