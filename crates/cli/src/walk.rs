//! Finding page files under the inputs: folders are searched recursively in name order,
//! following symbolic links but never around a loop, and what cannot be entered or is no
//! regular file is reported by name instead of stopping the run.

use crate::inputs::Skipped;
use anyhow::{bail, Result};
use shegong_read::Format;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A page file found: the input it was found under (as given) and its path.
#[derive(Debug, Clone)]
pub struct Found {
    pub input: PathBuf,
    pub path: PathBuf,
}

/// Kinds that are page files in spirit but must be converted first.
fn convert_first(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    Some(match ext.as_str() {
        "doc" | "wps" => {
            "旧版 Word 文件不读，请另存为 .docx (old Word format: save it as .docx and give that)"
        }
        "rtf" | "odt" => "请另存为 .docx (save it as .docx and give that)",
        _ => return None,
    })
}

/// Every page file under the inputs, and what was passed over with a reason. A missing input
/// is an error: the command line is wrong.
pub fn find(inputs: &[PathBuf]) -> Result<(Vec<Found>, Vec<Skipped>)> {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(_) if input.symlink_metadata().is_ok() => {
                skipped.push(Skipped::new(
                    input,
                    "符号链接指向不存在的文件 (a symbolic link to nothing)",
                ));
                continue;
            }
            Err(_) => bail!(
                "{} does not exist (give page files or folders of pages: .txt, .html, .mhtml, .docx, .pdf, .png, .jpg, .tif)",
                input.display()
            ),
        };
        if meta.is_dir() {
            let mut walker = Walker {
                input,
                found: &mut found,
                skipped: &mut skipped,
                seen: HashSet::new(),
            };
            walker.dir(input, &mut Vec::new());
        } else if meta.is_file() {
            // A file named on the command line is read whatever its name: as text unless its
            // extension says otherwise.
            found.push(Found {
                input: input.clone(),
                path: input.clone(),
            });
        } else {
            skipped.push(Skipped::new(
                input,
                "不是普通文件 (not a regular file: a device or pipe)",
            ));
        }
    }
    Ok((found, skipped))
}

struct Walker<'a> {
    input: &'a PathBuf,
    found: &'a mut Vec<Found>,
    skipped: &'a mut Vec<Skipped>,
    /// Folders already searched (by their real path): two links to one folder read it once.
    seen: HashSet<PathBuf>,
}

impl Walker<'_> {
    /// Search `dir`; `above` holds the real paths of the folders it lies in.
    fn dir(&mut self, dir: &Path, above: &mut Vec<PathBuf>) {
        let real = match std::fs::canonicalize(dir) {
            Ok(r) => r,
            Err(e) => {
                self.skipped.push(Skipped::new(dir, &e.to_string()));
                return;
            }
        };
        if above.contains(&real) {
            self.skipped.push(Skipped::new(
                dir,
                &format!(
                    "符号链接循环，指回 {} (a symbolic link loop back to {}: not followed)",
                    real.display(),
                    real.display()
                ),
            ));
            return;
        }
        if !self.seen.insert(real.clone()) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                self.skipped.push(Skipped::new(
                    dir,
                    &format!("无法打开文件夹 (cannot open the folder: {e})"),
                ));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = Vec::new();
        for e in entries {
            match e {
                Ok(e) => paths.push(e.path()),
                Err(e) => self.skipped.push(Skipped::new(
                    dir,
                    &format!("文件夹读到一半出错 (listing failed: {e})"),
                )),
            }
        }
        paths.sort();
        // `page_files/` beside `page.html` holds a saved page's pictures and scripts, not pages.
        let saved_pages: HashSet<String> = paths
            .iter()
            .filter(|p| matches!(Format::of(&p.to_string_lossy()), Some(Format::Html)))
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
        above.push(real);
        for p in paths {
            let meta = match std::fs::metadata(&p) {
                Ok(m) => m,
                Err(e) => {
                    let why = if p.symlink_metadata().is_ok_and(|m| m.is_symlink()) {
                        format!("符号链接断了 (a broken symbolic link: {e})")
                    } else {
                        e.to_string()
                    };
                    self.skipped.push(Skipped::new(&p, &why));
                    continue;
                }
            };
            let name = p.to_string_lossy();
            if meta.is_dir() {
                let companion = p
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .and_then(|n| n.strip_suffix("_files").map(str::to_owned))
                    .is_some_and(|stem| saved_pages.contains(&stem));
                if !companion {
                    self.dir(&p, above);
                }
            } else if let Some(why) = convert_first(&p) {
                self.skipped.push(Skipped::new(&p, why));
            } else if Format::of(&name).is_some() {
                if meta.is_file() {
                    self.found.push(Found {
                        input: self.input.clone(),
                        path: p,
                    });
                } else {
                    self.skipped.push(Skipped::new(
                        &p,
                        "不是普通文件 (not a regular file: a device or pipe)",
                    ));
                }
            }
        }
        above.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("shegong-walk-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn page_files_in_name_order_and_saved_page_folders_passed_over() {
        let d = tmp("order");
        std::fs::create_dir_all(d.join("b/page_files")).unwrap();
        for f in [
            "b/page.html",
            "b/page_files/logo.png",
            "a.TXT",
            "c.docx",
            "style.css",
            "old.doc",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let (found, skipped) = find(std::slice::from_ref(&d)).unwrap();
        let names: Vec<String> = found
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(&d)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["a.TXT", "b/page.html", "c.docx"]);
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].reason.contains(".docx"), "{:?}", skipped[0]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_reported_once_and_the_rest_is_found() {
        let d = tmp("loop");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(&d, d.join("sub/back")).unwrap();
        std::os::unix::fs::symlink(d.join("nothing"), d.join("broken.txt")).unwrap();
        let (found, skipped) = find(std::slice::from_ref(&d)).unwrap();
        assert_eq!(found.len(), 1);
        let reasons: Vec<&str> = skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(skipped.len(), 2, "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("loop")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("broken")), "{reasons:?}");
    }
}
