//! End-to-end tests of the `shegong` binary, in one test binary with shared helpers.

use shegong_search::decode_pages;
use shegong_search::{Bundle, Chunk};
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
    let pages = |name: &str| std::fs::read(tmp(name)).unwrap();
    assert_eq!(pages("a.pages.bin"), pages("b.pages.bin"));
}

#[test]
fn the_bundle_carries_its_build_date() {
    let out = tmp("dated.bin");
    let o = shegong(&[
        "build",
        seeds().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--build-date",
        "2024-10-01",
        "--quiet",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("dated 2024-10-01"));
    let bundle = Bundle::decode(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(bundle.header.build_date.unwrap().to_string(), "2024-10-01");
    // Without the option, SOURCE_DATE_EPOCH dates it.
    let o = Command::new(env!("CARGO_BIN_EXE_shegong"))
        .args(["build", seeds().to_str().unwrap(), "-o"])
        .arg(&out)
        .arg("--quiet")
        .env("SOURCE_DATE_EPOCH", "1709251200")
        .output()
        .unwrap();
    assert!(o.status.success());
    let bundle = Bundle::decode(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(bundle.header.build_date.unwrap().to_string(), "2024-03-01");
    // A date that is not a day is refused with what to give.
    let o = shegong(&[
        "build",
        seeds().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--build-date",
        "1.10.2024",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("YYYY-MM-DD"));
}

/// A folder shaped like the app's release build: index.html naming its JS, wasm and CSS.
fn fake_app() -> PathBuf {
    let dir = tmp("app");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<link rel=\"stylesheet\" href=\"/style-1.css\"/><link rel=\"preload\" href=\"/shegong-app-1_bg.wasm\">",
    )
    .unwrap();
    std::fs::write(
        dir.join("shegong-app-1.js"),
        "async function __wbg_init(m) {}\nexport { initSync, __wbg_init as default };\n",
    )
    .unwrap();
    std::fs::write(dir.join("shegong-app-1_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("style-1.css"), "body { margin: 0 }").unwrap();
    dir
}

/// The base64 block `id` of a single file, inflated.
fn block(html: &str, id: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let start = html.find(&format!("id=\"{id}\""))?;
    let body = &html[start..];
    let body = &body[body.find('>')? + 1..body.find("</script>")?];
    let deflated = base64::engine::general_purpose::STANDARD
        .decode(body)
        .unwrap();
    Some(miniz_oxide::inflate::decompress_to_vec(&deflated).unwrap())
}

#[test]
fn the_single_file_carries_the_app_the_bundle_and_on_request_the_pages() {
    let out = tmp("single.html");
    let bundle = tmp("single.bin");
    let o = shegong(&[
        "build",
        seeds().to_str().unwrap(),
        "-o",
        bundle.to_str().unwrap(),
        "--single-file",
        out.to_str().unwrap(),
        "--with-pages",
        "--app",
        fake_app().to_str().unwrap(),
        "--quiet",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains("gzipped; with the original pages"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert_eq!(block(&html, "shegong-bundle"), std::fs::read(&bundle).ok());
    assert_eq!(
        block(&html, "shegong-pages"),
        std::fs::read(tmp("single.pages.bin")).ok()
    );
    assert_eq!(block(&html, "shegong-wasm").unwrap(), b"\0asm\x01\0\0\0");
    assert!(
        html.contains("body { margin: 0 }"),
        "the stylesheet is inline"
    );
    assert!(html.contains("await __wbg_init({ module_or_path: wasm });"));
    // Nothing from the pages is written as text: the seeds' words are only in the blocks.
    assert!(!html.contains("社工站"));
    // Without --with-pages, no pages block; without -o, no bundle file.
    let lean = tmp("lean.html");
    let o = shegong(&[
        "build",
        seeds().to_str().unwrap(),
        "--single-file",
        lean.to_str().unwrap(),
        "--app",
        fake_app().to_str().unwrap(),
        "--quiet",
    ]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("add --with-pages"));
    assert_eq!(
        block(&std::fs::read_to_string(&lean).unwrap(), "shegong-pages"),
        None
    );
}

/// `-o` chunked and `--single-file` at once: the folder gets the entry file and its chunks, the
/// single file a one-file bundle with its index (it runs with nothing to fetch).
#[test]
fn the_single_file_of_a_chunked_build_holds_one_file() {
    let out = tmp("chunked-single.html");
    let entry = tmp("chunked-single/bundle.bin");
    let o = shegong(&[
        "build",
        seeds().to_str().unwrap(),
        "-o",
        entry.to_str().unwrap(),
        "--index",
        "chunked",
        "--single-file",
        out.to_str().unwrap(),
        "--app",
        fake_app().to_str().unwrap(),
        "--quiet",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(stderr.contains("chunked: index of"), "{stderr}");
    let chunked = Bundle::decode(&std::fs::read(&entry).unwrap()).unwrap();
    assert!(chunked.payload().is_none(), "-o is an entry file");
    assert!(tmp("chunked-single/bundle.chunks").is_dir());
    let html = std::fs::read_to_string(&out).unwrap();
    let embedded = Bundle::decode(&block(&html, "shegong-bundle").unwrap()).unwrap();
    let payload = embedded.payload().expect("the single file holds one file");
    assert_eq!(payload.articles.len(), 15);
    assert!(payload.index.is_some(), "with its index");
}

#[test]
fn a_single_file_without_the_app_build_says_how_to_make_it() {
    let o = shegong(&[
        "build",
        seeds().to_str().unwrap(),
        "--single-file",
        tmp("x.html").to_str().unwrap(),
        "--app",
        tmp("no-such-dist").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("trunk build --release --offline") && stderr.contains("--app DIR"),
        "{stderr}"
    );
    // Neither -o nor --single-file: nothing to write.
    let o = shegong(&["build", seeds().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_pages_file_goes_beside_the_bundle_and_belongs_to_it() {
    let bundle = Bundle::decode(&std::fs::read(build_seeds("p.bin")).unwrap()).unwrap();
    assert!(
        bundle.payload().unwrap().index.is_none(),
        "the seeds are small: no index shipped"
    );
    let pages = std::fs::read(tmp("p.pages.bin")).unwrap();
    let originals = decode_pages(&pages, bundle.header.checksum).unwrap();
    assert_eq!(originals.pages().len(), 5);
    let mut engine = bundle.into_engine();
    engine.add_chunk(Chunk::Pages, &pages).unwrap();
    assert!((0..engine.doc_count() as u32).all(|d| engine.original(d).unwrap().is_some()));
    // --index embed ships the index; the search answers the same.
    let out = tmp("embedded.bin");
    let o = shegong(&[
        "build",
        seeds().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--index",
        "embed",
        "--quiet",
    ]);
    assert!(o.status.success());
    let embedded = Bundle::decode(&std::fs::read(&out).unwrap()).unwrap();
    assert!(embedded.payload().unwrap().index.is_some());
    assert_eq!(
        search_json(&out, "社工站 培训"),
        search_json(&tmp("p.bin"), "社工站 培训")
    );
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

/// Bundles with a valid checksum but an inconsistent payload (made by shegong-search's
/// `crafted_fixtures_are_current_and_refused`) are refused, each with what is wrong.
#[test]
fn crafted_bundles_are_refused_with_what_is_wrong() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../search/tests/fixtures/crafted");
    for (file, says) in [
        ("postings-past-the-articles.bin", "name document 2"),
        ("facet-node-past-the-tree.bin", "region node 4"),
        ("unknown-program-id.bin", "program `nonesuch`"),
    ] {
        let o = shegong(&["search", dir.join(file).to_str().unwrap(), "培训"]);
        assert_eq!(o.status.code(), Some(2), "{file}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("malformed") && err.contains(says),
            "{file}: {err}"
        );
    }
}

/// Two pages with the same file name in different folders keep apart: their articles have
/// different ids and each id finds its own article.
#[test]
fn same_file_name_in_two_folders_gives_two_ids() {
    let dir = tmp("same-stem");
    for (sub, text) in [
        (
            "a",
            "甲街道社工站开展助老服务\n\n甲街道社工站组织志愿者走访老人。\n",
        ),
        (
            "b",
            "乙镇举办青少年夏令营\n\n乙镇社工带领青少年参加夏令营活动。\n",
        ),
    ] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("x.txt"), text).unwrap();
    }
    let o = shegong(&["extract", dir.to_str().unwrap(), "--format", "json"]);
    let articles: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = articles.iter().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids, ["same-stem/a/x.txt#1", "same-stem/b/x.txt#1"]);
    let bundle = tmp("same-stem.bin");
    assert!(shegong(&[
        "build",
        dir.to_str().unwrap(),
        "-o",
        bundle.to_str().unwrap(),
        "--quiet"
    ])
    .status
    .success());
    for (q, id) in [
        ("助老", "same-stem/a/x.txt#1"),
        ("夏令营", "same-stem/b/x.txt#1"),
    ] {
        let o = shegong(&["search", bundle.to_str().unwrap(), q, "--json"]);
        let hits: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(hits.len(), 1, "{q}");
        assert_eq!(hits[0]["id"], id, "{q}");
    }
}

/// The same pages give byte-identical bundles whatever order they are named in or were
/// written to disk in.
#[test]
fn the_same_pages_in_any_order_give_the_same_bundle() {
    let pages: Vec<PathBuf> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let mut built = Vec::new();
    for (k, reversed) in [false, true].into_iter().enumerate() {
        let dir = tmp(&format!("order-{k}")).join("pages");
        std::fs::create_dir_all(&dir).unwrap();
        let mut order = pages.clone();
        order.sort();
        if reversed {
            order.reverse();
        }
        // Written to disk in this order, and named on the command line in it too.
        let mut args = vec!["build".to_owned()];
        for p in &order {
            let to = dir.join(p.file_name().unwrap());
            std::fs::copy(p, &to).unwrap();
            args.push(to.to_str().unwrap().to_owned());
        }
        let out = tmp(&format!("order-{k}.bin"));
        args.extend(["-o".into(), out.to_str().unwrap().into(), "--quiet".into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert!(shegong(&args).status.success());
        built.push((
            std::fs::read(&out).unwrap(),
            std::fs::read(out.with_extension("pages.bin")).unwrap(),
        ));
    }
    assert!(
        built[0] == built[1],
        "bundles differ with the order of their pages"
    );
}

#[test]
fn reads_gbk_and_utf16_reports_binary_and_empty() {
    let dir = tmp("encodings");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let page = "社工站开展为老服务\n\n某县社工站组织志愿者走访困难老人，送去生活物资。\n";
    // GBK (GB18030) bytes, written by hand so the test needs no encoder.
    let gbk: &[u8] = &[
        0xC9, 0xE7, 0xB9, 0xA4, 0xD5, 0xBE, 0xBF, 0xAA, 0xD5, 0xB9, 0xCE, 0xAA, 0xC0, 0xCF, 0xB7,
        0xFE, 0xCE, 0xF1, 0x0A,
    ];
    std::fs::write(dir.join("gbk.txt"), gbk).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in page.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(dir.join("sub/utf16.txt"), utf16).unwrap();
    std::fs::write(
        dir.join("image.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3],
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let o = shegong(&["extract", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "a skipped file gives exit code 1");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("image.txt") && err.contains("binary"), "{err}");
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    let articles: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let text: String = articles
        .iter()
        .map(|a| {
            format!(
                "{} {}",
                a["title"].as_str().unwrap_or(""),
                a["text"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(text.contains("社工站开展为老服务"), "GBK page: {text}");
    assert!(text.contains("送去生活物资"), "UTF-16 page: {text}");
}

#[test]
fn extract_formats() {
    let dir = tmp("formats");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "社工站开展为老服务\n\n某县社工站组织志愿者走访困难老人，送去生活物资。\n",
    )
    .unwrap();
    let jsonl = shegong(&["extract", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert!(jsonl.status.success());
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&jsonl.stdout)
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    // An absolute folder keeps its last component: ids are the same wherever it lies.
    assert_eq!(first["id"], "formats/a.txt#1");
    let csv = shegong(&["extract", dir.to_str().unwrap(), "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with('\u{FEFF}'), "CSV starts with a BOM");
    assert!(csv.contains("formats/a.txt#1,"));
}

#[test]
fn seeds_extract_to_the_reference_split() {
    let o = shegong(&["extract", seeds().to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success());
    let articles: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let titles: Vec<&str> = articles
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(
        titles.contains(&"内蒙古首家社会工作学院揭牌成立"),
        "{titles:?}"
    );
    assert!(articles.len() >= 15);
}

#[test]
fn a_custom_taxonomy_classifies() {
    let dir = tmp("taxonomy");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "社区开展垃圾分类宣传\n\n某社区组织居民学习垃圾分类，开展垃圾分类宣传。\n",
    )
    .unwrap();
    let tax = dir.join("t.toml");
    std::fs::write(&tax, "[[program]]\nid = \"environment\"\nzh = \"环境\"\nen = \"Environment\"\ncues = [\"垃圾分类\"]\n").unwrap();
    let o = shegong(&[
        "extract",
        dir.join("a.txt").to_str().unwrap(),
        "--taxonomy",
        tax.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let articles: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(articles[0]["programs"][0], "environment");
    std::fs::write(&tax, "[[program]]\nid = 1\n").unwrap();
    let bad = shegong(&[
        "extract",
        dir.join("a.txt").to_str().unwrap(),
        "--taxonomy",
        tax.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid taxonomy"));
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

/// Build the seeds as a chunked bundle from `inputs`; the entry file.
fn build_chunked(name: &str, inputs: &[PathBuf]) -> PathBuf {
    let out = tmp(name).join("bundle.bin");
    let mut args: Vec<String> = vec!["build".into()];
    args.extend(inputs.iter().map(|p| p.to_string_lossy().into_owned()));
    args.extend(["-o", out.to_str().unwrap(), "--index", "chunked", "--quiet"].map(String::from));
    let o = shegong(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(
        o.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

/// Every file of a chunked bundle (entry file and chunks), by name.
fn bundle_files(entry: &Path) -> Vec<(String, Vec<u8>)> {
    let chunks = entry.with_file_name("bundle.chunks");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&chunks)
        .unwrap()
        .map(|f| {
            let p = f.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files.push(("bundle.bin".into(), std::fs::read(entry).unwrap()));
    files
}

/// Building again into the folder of an older build overwrites its chunks in place and removes
/// those the new build has not written (an older chunk would answer for another build); other
/// files stay.
#[test]
fn a_rebuild_leaves_only_its_own_chunks() {
    let fresh = build_chunked("rebuild-fresh", &[seeds()]);
    let entry = build_chunked("rebuild", &[seeds()]);
    let stale = Chunk::File(shegong_search::Kind::Articles, 9999).url(&entry.to_string_lossy());
    std::fs::write(&stale, b"an older build's chunk").unwrap();
    let other = entry.with_file_name("bundle.chunks").join("notes.txt");
    std::fs::write(&other, b"not a chunk").unwrap();
    build_chunked("rebuild", &[seeds()]);
    assert!(!Path::new(&stale).exists(), "{stale} is left");
    std::fs::remove_file(&other).expect("a file that is no chunk stays");
    assert_eq!(bundle_files(&entry), bundle_files(&fresh));
}

#[test]
fn a_chunked_bundle_searches_like_a_one_file_bundle() {
    let one = build_seeds("one.bin");
    let chunked = build_chunked("chunked", &[seeds()]);
    for q in [
        "社工站",
        "社工站 培训",
        "\"精神健康\"",
        "閔行區",
        "region:上海 服务",
    ] {
        assert_eq!(search_json(&chunked, q), search_json(&one, q), "{q}");
    }
}

#[test]
fn chunked_builds_are_identical_whatever_the_input_order() {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    pages.sort();
    let a = build_chunked("order-a", &pages);
    pages.reverse();
    let b = build_chunked("order-b", &pages);
    let (a, b) = (bundle_files(&a), bundle_files(&b));
    assert!(
        a.len() > 5,
        "{:?}",
        a.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert_eq!(a, b);
}

/// A chunk that is missing, of another build or inconsistent with its entry file is an error
/// that names it and says what to do.
#[test]
fn bad_chunks_are_clear_errors() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../search/tests/fixtures");
    let crafted = fixtures.join("crafted");
    for (chunk, replacement, says) in [
        ("t0.bin", None, "cannot read the chunk"),
        (
            "a0.bin",
            Some("bundle-v5c.a0-of-another-build.bin"),
            "another build",
        ),
        (
            "t0.bin",
            Some("bundle-v5c.t0-keys-outside-its-range.bin"),
            "outside its range",
        ),
    ] {
        let dir = tmp(&format!("bad-{}", replacement.unwrap_or("missing")));
        std::fs::create_dir_all(dir.join("bundle.chunks")).unwrap();
        std::fs::copy(fixtures.join("bundle-v5c.bin"), dir.join("bundle.bin")).unwrap();
        for f in std::fs::read_dir(fixtures.join("bundle-v5c.chunks")).unwrap() {
            let f = f.unwrap().path();
            std::fs::copy(&f, dir.join("bundle.chunks").join(f.file_name().unwrap())).unwrap();
        }
        let target = dir.join("bundle.chunks").join(chunk);
        match replacement {
            Some(r) => {
                std::fs::copy(crafted.join(r), &target).unwrap();
            }
            None => std::fs::remove_file(&target).unwrap(),
        }
        let o = shegong(&[
            "search",
            dir.join("bundle.bin").to_str().unwrap(),
            "独居老人",
        ]);
        assert_eq!(o.status.code(), Some(2), "{chunk}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(says), "{chunk}: {err}");
        assert!(err.contains(chunk.trim_end_matches(".bin")), "{err}");
    }
}

#[test]
fn corrections_change_region_programs_and_date_and_remove_articles() {
    let dir = tmp("corrections");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("a.txt");
    std::fs::write(
        &page,
        "社工站开展为老服务\n\n民勤县社工站组织志愿者走访困难老人，送去生活物资。\n",
    )
    .unwrap();
    let page = page.to_str().unwrap();
    let extract = |extra: &[&str]| -> (Option<i32>, Vec<serde_json::Value>, String) {
        let mut args = vec!["extract", page];
        args.extend_from_slice(extra);
        let o = shegong(&args);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        let json = serde_json::from_slice(&o.stdout).unwrap_or_default();
        (o.status.code(), json, err)
    };
    let (_, plain, _) = extract(&[]);
    let id = plain[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(plain[0]["region"]["district"], "民勤县");
    let file = dir.join("c.json");
    let write = |json: String| std::fs::write(&file, json).unwrap();
    let c = file.to_str().unwrap();
    write(format!(
        r#"{{ "version": 1, "articles": [
            {{ "id": "{id}", "programs": ["disability"], "date": "2023-04-05",
               "region": {{ "province": "上海市", "city": "上海市", "district": "闵行区", "code": "310112" }} }},
            {{ "id": "x.txt#9", "removed": true }} ] }}"#
    ));
    let (code, fixed, err) = extract(&["--corrections", c]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(fixed[0]["region"]["district"], "闵行区");
    assert_eq!(fixed[0]["programs"], serde_json::json!(["disability"]));
    assert_eq!(fixed[0]["date"]["day"], 5);
    assert!(
        err.contains("x.txt#9") && err.contains("matches no article"),
        "{err}"
    );
    // The bundle built with the same file searches by the corrected region.
    let out = dir.join("c.bin");
    let o = shegong(&[
        "build",
        page,
        "-o",
        out.to_str().unwrap(),
        "--quiet",
        "--corrections",
        c,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(search_json(&out, "region:闵行区").len(), 1);
    assert!(search_json(&out, "region:民勤县").is_empty());
    // Removed, the article is gone.
    write(format!(
        r#"{{ "version": 1, "articles": [{{ "id": "{id}", "removed": true }}] }}"#
    ));
    let (_, none, _) = extract(&["--corrections", c]);
    assert_eq!(none, Vec::<serde_json::Value>::new());
    // A wrong file is an error that says what is wrong.
    write(format!(
        r#"{{ "version": 1, "articles": [{{ "id": "{id}", "programs": ["nonesuch"] }}] }}"#
    ));
    let (code, _, err) = extract(&["--corrections", c]);
    assert_eq!(code, Some(2));
    assert!(err.contains("`nonesuch`"), "{err}");
    write(r#"[{ "id": "a" }]"#.to_owned());
    let (code, _, err) = extract(&["--corrections", c]);
    assert_eq!(code, Some(2));
    assert!(err.contains("invalid corrections"), "{err}");
}
