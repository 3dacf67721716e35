//! Text of scanned or photographed pages through Tesseract, run as a program:
//! `tesseract IMAGE stdout -l chi_sim --psm 3 --dpi N`. Automatic page segmentation (`--psm 3`)
//! is the mode that keeps newspaper columns apart; the resolution comes from the image's
//! header or its width ([`crate::resolution`]); one language at a time (`chi_sim` or
//! `chi_tra`: the combination reads both worse). Tesseract's own threads are limited to one,
//! since pages are recognised on all cores already.

use crate::resolution::resolution;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// How to install what OCR needs on Debian and Ubuntu.
const INSTALL: &str =
    "sudo apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra";

/// Which Tesseract, in which language.
#[derive(Debug, Clone)]
pub struct Ocr {
    /// The program (`SHEGONG_TESSERACT`, else `tesseract` on the PATH).
    pub program: PathBuf,
    /// `chi_sim` or `chi_tra`.
    pub language: String,
    /// Whether the program runs and has the language: checked once.
    ready: OnceLock<Result<(), String>>,
}

impl Ocr {
    pub fn new(language: &str) -> Ocr {
        let program = std::env::var_os("SHEGONG_TESSERACT")
            .map_or_else(|| PathBuf::from("tesseract"), PathBuf::from);
        Ocr {
            program,
            language: language.to_owned(),
            ready: OnceLock::new(),
        }
    }

    fn check(&self) -> Result<(), String> {
        let out = Command::new(&self.program)
            .arg("--list-langs")
            .output()
            .map_err(|_| {
                format!(
                    "图片需要 Tesseract 识别文字，但没有安装：{INSTALL} (Tesseract is not installed; install it with: {INSTALL})"
                )
            })?;
        let listed = String::from_utf8_lossy(&out.stdout);
        if !listed.lines().any(|l| l.trim() == self.language) {
            let package = format!("tesseract-ocr-{}", self.language.replace('_', "-"));
            return Err(format!(
                "Tesseract 缺少 {} 语言包：sudo apt-get install {package} (Tesseract has no {} model: install {package})",
                self.language, self.language
            ));
        }
        Ok(())
    }

    /// The text of the image at `path` (whose bytes are `bytes`).
    pub fn recognise(&self, path: &Path, bytes: &[u8]) -> Result<String, String> {
        self.ready.get_or_init(|| self.check()).clone()?;
        let dpi = resolution(bytes).ocr_dpi();
        let out = Command::new(&self.program)
            .arg(path)
            .arg("stdout")
            .args([
                "-l",
                &self.language,
                "--psm",
                "3",
                "--dpi",
                &dpi.to_string(),
            ])
            .env("OMP_THREAD_LIMIT", "1")
            .output()
            .map_err(|e| format!("Tesseract 无法运行 (Tesseract did not run: {e})"))?;
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            let last = err
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            return Err(format!(
                "Tesseract 读不了这张图片 (Tesseract could not read the image: {last})"
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).replace('\u{c}', ""))
    }
}
