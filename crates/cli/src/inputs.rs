//! Reading page files into page texts: each file by its kind (text, web page, web archive,
//! Word, PDF, image through OCR), at most a given size, on all cores. A file that cannot be
//! read is reported by name with the reason and what to do, and the rest is still read; a
//! reader that fails on a file (even by panicking) costs that file only.

use crate::ocr::Ocr;
use crate::walk::{find, Found};
use anyhow::Result;
use shegong_read::{read_file, FileText, Format, FormatError};
use std::io::Read;
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

impl Skipped {
    pub fn new(path: &Path, reason: &str) -> Skipped {
        Skipped {
            path: path.to_path_buf(),
            reason: reason.to_owned(),
        }
    }
}

/// What reading the inputs gave.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The pages, in name order.
    pub pages: Vec<Page>,
    /// Files not read, with why.
    pub skipped: Vec<Skipped>,
    /// Files read with something repaired, with what.
    pub repaired: Vec<Skipped>,
}

/// How files are read.
#[derive(Debug, Clone)]
pub struct Options {
    /// Larger files are not read.
    pub max_bytes: u64,
    /// How images are recognised.
    pub ocr: Ocr,
}

/// Read every page file named or found under the inputs. A missing input is an error.
pub fn read_pages(inputs: &[PathBuf], options: &Options) -> Result<Loaded> {
    let (mut files, mut skipped) = find(inputs)?;
    // The same file named twice (`a/x.txt` and `./a/x.txt`, or a folder and a file in it) is
    // read once.
    let mut seen = std::collections::HashSet::new();
    files
        .retain(|f| seen.insert(std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone())));
    let names = display_names(&files);
    // Pages in name order, whatever order the inputs were given or listed in: the same pages
    // give the same bundle.
    let mut named: Vec<(String, PathBuf)> = names
        .into_iter()
        .zip(files)
        .map(|(name, f)| (name, f.path))
        .collect();
    named.sort();
    let read = shegong_text::parallel::map(&named, |(_, path)| read_guarded(path, options));
    let mut loaded = Loaded::default();
    for ((name, path), result) in named.into_iter().zip(read) {
        match result {
            Ok(FileText { text, note }) => {
                let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
                if let Some(n) = note {
                    loaded.repaired.push(Skipped { path, reason: n });
                }
                loaded.pages.push(Page {
                    name,
                    text,
                    modified,
                });
            }
            Err(reason) => skipped.push(Skipped { path, reason }),
        }
    }
    loaded.skipped = skipped;
    Ok(loaded)
}

/// [`read_one`], a panic in a reader turned into that file's error.
fn read_guarded(path: &Path, options: &Options) -> Result<FileText, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_one(path, options)))
        .unwrap_or_else(|_| {
            Err("读取时出错，这是程序的缺陷，请报告 (the reader failed on this file: a bug, please report it with the file)".to_owned())
        })
}

fn read_one(path: &Path, options: &Options) -> Result<FileText, String> {
    // Named on the command line without a known extension: read as text.
    let format = Format::of(&path.to_string_lossy()).unwrap_or(Format::Text);
    let limit = options.max_bytes;
    let too_large = |size: u64| {
        format!(
            "太大（{} MiB，上限 {} MiB）(too large: {} MiB, the limit is {} MiB; split it into pages or raise --max-file-mib)",
            size >> 20,
            limit >> 20,
            size >> 20,
            limit >> 20
        )
    };
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::PermissionDenied => {
            format!("没有读取权限 (permission denied: {e}; check the file's permissions)")
        }
        _ => format!("无法打开 (cannot open: {e})"),
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Never more than the limit, whatever the size said.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("读取出错 (read failed: {e})"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    if format == Format::Image {
        if bytes.is_empty() {
            return Err(FormatError::Empty.to_string());
        }
        let text = options.ocr.recognise(path, &bytes)?;
        if text.trim().is_empty() {
            return Err(FormatError::Blank.to_string());
        }
        return Ok(FileText { text, note: None });
    }
    read_file(format, &bytes).map_err(|e| e.to_string())
}

/// The names pages go by in the collection, for (input as given, file) pairs: relative inputs
/// keep their path as given (`seeds/000.txt`), absolute ones keep their last component and
/// what lies under it (`/data/news` → `news/a/x.txt`), so the same folder gives the same names
/// wherever it is. Names that still collide (two `/…/news` folders) fall back to full paths.
fn display_names(files: &[Found]) -> Vec<String> {
    let slashes = |p: &Path| p.to_string_lossy().replace('\\', "/");
    let short = |f: &Found| -> String {
        if f.input.is_relative() {
            return slashes(&f.path);
        }
        let base = f.input.parent().filter(|_| f.input.file_name().is_some());
        match base.and_then(|b| f.path.strip_prefix(b).ok()) {
            Some(rel) => slashes(rel),
            None => slashes(&f.path),
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
        .map(|(n, f)| {
            if count[n.as_str()] > 1 {
                slashes(&f.path)
            } else {
                n.clone()
            }
        })
        .collect()
}
