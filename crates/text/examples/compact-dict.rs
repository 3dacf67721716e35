//! Writes jieba's dictionary in its compact form ([`Dictionary::to_compact`]), the file the
//! browser fetches only when it builds a bundle of pages a reader added:
//! `cargo run --release -p shegong-text --features full-dict --example compact-dict -- OUT`.

use shegong_text::Dictionary;

fn main() {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: compact-dict OUT");
        std::process::exit(2);
    };
    if let Err(e) = std::fs::write(&out, Dictionary::jieba().to_compact()) {
        eprintln!("cannot write {}: {e}", out.to_string_lossy());
        std::process::exit(2);
    }
}
