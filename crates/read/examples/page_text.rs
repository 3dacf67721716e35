//! Print the page text each file reads as (what `read_page` then splits), to look at a reader's
//! output or score it: `cargo run --release -p shegong-read --features pdf --example page_text -- FILE…`

fn main() -> std::process::ExitCode {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let Some(format) = shegong_read::Format::of(&path) else {
            eprintln!("{path}: not a page file");
            failed = true;
            continue;
        };
        let result = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|b| shegong_read::read_file(format, &b).map_err(|e| e.to_string()));
        match result {
            Ok(read) => {
                if let Some(n) = read.note {
                    eprintln!("{path}: {n}");
                }
                print!("{}", read.text);
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
            }
        }
    }
    std::process::ExitCode::from(u8::from(failed))
}
