//! Replays every committed fuzz corpus (`fuzz/corpus/<target>/`) through its target, on
//! stable: the inputs that once crashed a target (`crash-*`) and the minimised corpus the
//! fuzzer grew stay in CI. Long runs need nightly and stay out of CI (README, "Fuzzing").

use std::panic::catch_unwind;
use std::path::Path;

#[test]
fn every_corpus_input_runs_through_its_target_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let mut failures = Vec::new();
    for (name, target) in shegong_fuzz::TARGETS {
        let dir = root.join(name);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the corpus of `{name}` is committed there)",
                dir.display()
            )
        });
        let mut files: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        files.sort();
        assert!(!files.is_empty(), "the corpus of `{name}` is empty");
        for file in files {
            let data = std::fs::read(&file).unwrap();
            if catch_unwind(|| target(&data)).is_err() {
                let input = file.file_name().unwrap().to_string_lossy();
                failures.push(format!("fuzz/corpus/{name}/{input}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "these inputs panic (rerun one with `cargo +nightly fuzz run <target> <file>`):\n{}",
        failures.join("\n")
    );
}
