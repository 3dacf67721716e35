//! Writes jieba's dictionary in its compact form (`shegong_collection::to_compact`), the file
//! the browser fetches only when it builds a bundle of the pages a reader added:
//! `cargo run --release -p shegong-collection --example compact-dict -- OUT`.

use shegong_text::Dictionary;

fn main() {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: compact-dict OUT");
        std::process::exit(2);
    };
    let bytes = shegong_collection::to_compact(&Dictionary::jieba());
    if let Err(e) = std::fs::write(&out, bytes) {
        eprintln!("cannot write {}: {e}", out.to_string_lossy());
        std::process::exit(2);
    }
}
