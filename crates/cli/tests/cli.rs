//! End-to-end tests of the `shegong` binary, in one test binary with shared helpers.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn shegong(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shegong"))
        .args(args)
        .output()
        .expect("the shegong binary runs")
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shegong-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn build_seeds(name: &str) -> PathBuf {
    let out = tmp(name);
    let o = shegong(&[
        "build",
        seeds().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(
        o.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

fn search_json(bundle: &Path, query: &str) -> Vec<serde_json::Value> {
    let o = shegong(&[
        "search",
        bundle.to_str().unwrap(),
        query,
        "--json",
        "--limit",
        "20",
    ]);
    assert!(
        o.status.success(),
        "search failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("search --json prints JSON")
}

#[test]
fn builds_the_seeds_and_searches_them() {
    let bundle = build_seeds("seeds.bundle");
    let hits = search_json(&bundle, "社工站");
    assert!(!hits.is_empty());
    // Every hit's snippet highlights the query.
    for h in &hits {
        let marked: Vec<&str> = h["snippet"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["highlight"] == true)
            .map(|s| s["text"].as_str().unwrap())
            .collect();
        assert!(marked.contains(&"社工站"), "{h}");
    }
    // A Simplified query finds the Traditional page and the reverse.
    let simp = search_json(&bundle, "闵行区");
    let trad = search_json(&bundle, "閔行區");
    assert!(!simp.is_empty());
    assert_eq!(simp[0]["id"], trad[0]["id"]);
    // Nothing is found for text that is not there.
    assert!(search_json(&bundle, "量子计算机").is_empty());
}

#[test]
fn building_twice_gives_identical_bytes() {
    let a = std::fs::read(build_seeds("a.bundle")).unwrap();
    let b = std::fs::read(build_seeds("b.bundle")).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_broken_bundle_is_a_clear_error() {
    let path = tmp("broken.bundle");
    std::fs::write(&path, b"SHGB\x01\x00").unwrap();
    let o = shegong(&["search", path.to_str().unwrap(), "社工"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("truncated"), "{err}");
}

#[test]
fn missing_input_is_an_error() {
    let o = shegong(&[
        "build",
        "/no/such/dir",
        "-o",
        tmp("x.bundle").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not exist"));
}
