//! Page files of every kind, made here from the seed pages: a newspaper page printed to PDF and
//! screenshotted to PNG by headless Chromium (fonts-noto-cjk), a saved web page with its site's
//! chrome in GBK, a Word file; and a folder of hostile files beside good ones.
//!
//! Needs `chromium`, `pdftotext` (poppler-utils, the reference the PDF reader is measured
//! against) and `tesseract` with `chi_sim`: `scripts/setup.sh` installs them.

use shegong_search::{decode_pages, Bundle};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn shegong(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shegong"))
        .args(args)
        .output()
        .expect("the shegong binary runs")
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir()
        .join(format!("shegong-inputs-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn seed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../seeds")
        .join(name)
}

/// The articles `shegong extract` finds on a seed page: (title, body).
fn seed_articles(file: &str) -> Vec<(String, String)> {
    let o = shegong(&["extract", seed(file).to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    v.iter()
        .map(|a| {
            (
                a["title"].as_str().unwrap_or("").to_owned(),
                a["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn without_space(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Share of `truth`'s characters found in order in `out` (longest common subsequence).
fn in_order(truth: &str, out: &str) -> f64 {
    let (t, o) = (without_space(truth), without_space(out));
    let mut row = vec![0u32; o.len() + 1];
    for &a in &t {
        let mut diagonal = 0;
        for (j, &b) in o.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if a == b { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    f64::from(row[o.len()]) / t.len().max(1) as f64
}

fn chromium(args: &[&str]) {
    let o = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--hide-scrollbars",
        ])
        .args(args)
        .output()
        .expect(
            "chromium runs (sudo apt-get install chromium fonts-noto-cjk, or run scripts/setup.sh)",
        );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

fn article_html(title: &str, body: &str) -> String {
    let paragraphs: String = body
        .lines()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect();
    format!("<h2>{}</h2>{paragraphs}", escape(title))
}

/// Seed page 004 composed as a newspaper page: a masthead, one article in two columns beside a
/// second, and a third across the page in three columns below.
fn newspaper_html(articles: &[(String, String)]) -> String {
    format!(
        "<!doctype html><html lang=zh-CN><head><meta charset=utf-8><style>\
         @page {{ size: A4; margin: 12mm; }}\
         body {{ font-family: 'Noto Serif CJK SC', serif; font-size: 10.5pt; line-height: 1.55; margin: 0; }}\
         p {{ margin: 0 0 0.3em 0; text-indent: 2em; text-align: justify; }}\
         h2 {{ font-family: 'Noto Sans CJK SC', sans-serif; font-size: 15pt; margin: 2mm 0; }}\
         .mast {{ display: flex; justify-content: space-between; border-bottom: 3px double #000; font-size: 9pt; }}\
         .row {{ display: flex; gap: 6mm; margin-top: 3mm; }}\
         .left {{ flex: 62; column-count: 2; column-gap: 6mm; }} .left h2 {{ column-span: all; }}\
         .right {{ flex: 38; }}\
         .below {{ column-count: 3; column-gap: 6mm; margin-top: 6mm; border-top: 1px solid #000; }}\
         .below h2 {{ column-span: all; }}\
         </style></head><body><div class=mast><b>社区晨报</b><span>第5版 · 社会工作</span></div>\
         <div class=row><div class=left>{}</div><div class=right>{}</div></div><div class=below>{}</div></body></html>",
        article_html(&articles[0].0, &articles[0].1),
        article_html(&articles[1].0, &articles[1].1),
        article_html(&articles[2].0, &articles[2].1),
    )
}

/// The newspaper page as a PDF, made once per test run: (its folder, the articles on it).
fn newspaper_pdf() -> &'static (PathBuf, Vec<(String, String)>) {
    static PDF: OnceLock<(PathBuf, Vec<(String, String)>)> = OnceLock::new();
    PDF.get_or_init(|| {
        let d = dir("newspaper");
        let articles = seed_articles("004_5e68e9660a63f3de.txt");
        let html = d.join("page.html");
        std::fs::write(&html, newspaper_html(&articles)).unwrap();
        let pdf = d.join("pdf/page5.pdf");
        std::fs::create_dir_all(pdf.parent().unwrap()).unwrap();
        chromium(&[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            html.to_str().unwrap(),
        ]);
        (pdf, articles[..3].to_vec())
    })
}

/// The page texts of a bundle built from `inputs`.
fn page_texts(inputs: &[&str], name: &str) -> (Output, Vec<(String, String)>) {
    let out = dir(name).join("b.bin");
    let mut args = vec!["build", "--quiet", "-o", out.to_str().unwrap()];
    args.extend(inputs);
    let o = shegong(&args);
    let Ok(bundle) = std::fs::read(&out) else {
        return (o, Vec::new());
    };
    let pages = std::fs::read(out.with_file_name("b.pages.bin")).unwrap();
    let bundle = Bundle::decode(&bundle).unwrap();
    let pages = decode_pages(&pages, bundle.header.checksum)
        .unwrap()
        .pages()
        .iter()
        .map(|p| (p.file.clone(), p.text.clone()))
        .collect();
    (o, pages)
}

#[test]
fn a_newspaper_pdf_reads_column_by_column_as_well_as_pdftotext_or_better() {
    let (pdf, articles) = newspaper_pdf();
    let (o, pages) = page_texts(&[pdf.to_str().unwrap()], "pdf-bundle");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let ours = &pages[0].1;
    let reference = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (sudo apt-get install poppler-utils)");
    let theirs = String::from_utf8(reference.stdout).unwrap();
    for (title, body) in articles {
        let (a, b) = (in_order(body, ours), in_order(body, &theirs));
        eprintln!("{title}: in order {a:.3} (pdftotext {b:.3})");
        assert!(a >= 0.98, "{title}: {a:.3} of the body in order\n{ours}");
        assert!(a >= b - 0.005, "{title}: ours {a:.3}, pdftotext {b:.3}");
        let flat: String = without_space(ours).into_iter().collect();
        assert!(flat.contains(title.as_str()), "headline {title} whole");
    }
}

#[test]
fn a_screenshot_is_read_through_tesseract() {
    let d = dir("scan");
    let (title, body) = seed_articles("000_3b459c57097bf54f.txt").swap_remove(0);
    let html = d.join("a.html");
    std::fs::write(
        &html,
        format!(
            "<!doctype html><meta charset=utf-8><body style=\"font-family: 'Noto Serif CJK SC'; font-size: 16pt; line-height: 1.8; margin: 40px\">{}",
            article_html(&title, &body)
        ),
    )
    .unwrap();
    let png = d.join("scans/a.png");
    std::fs::create_dir_all(png.parent().unwrap()).unwrap();
    chromium(&[
        "--window-size=1200,1000",
        &format!("--screenshot={}", png.display()),
        html.to_str().unwrap(),
    ]);
    let (o, pages) = page_texts(&[png.parent().unwrap().to_str().unwrap()], "scan-bundle");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = &pages[0].1;
    let score = in_order(&format!("{title}\n{body}"), text);
    assert!(score >= 0.9, "{score:.3} in order:\n{text}");
}

#[test]
fn tesseract_missing_says_how_to_install_it_and_the_rest_is_read() {
    let d = dir("no-tesseract");
    std::fs::write(d.join("scan.png"), b"\x89PNG\r\n\x1a\n not really").unwrap();
    std::fs::write(
        d.join("a.txt"),
        "社工站开展为老服务\n\n某县社工站组织志愿者走访困难老人。\n",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_shegong"))
        .args(["extract", d.to_str().unwrap()])
        .env("SHEGONG_TESSERACT", d.join("no-such-program"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("scan.png") && err.contains("apt-get install tesseract-ocr"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("走访困难老人"));
}

/// A saved news page with its site's chrome, in GBK.
fn saved_page(title: &str, body: &str) -> Vec<u8> {
    let paragraphs: String = body
        .lines()
        .map(|p| format!("<p>　　{}</p>\n", escape(p)))
        .collect();
    let related: String = (1..=8)
        .map(|k| format!("<li><a href=\"/n/{k}.html\">第{k}条相关新闻的标题在这里</a><span>2024-09-{k:02}</span></li>"))
        .collect();
    let html = format!(
        "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\n\
         <title>{t}_社工动态_某某社会工作网</title><meta name=\"keywords\" content=\"社工站\">\n\
         <script>var _hmt = _hmt || []; document.write('<div>广告</div>');</script><style>p{{margin:0}}</style></head>\n\
         <body><div class=\"top\"><a href=\"/login\">登录</a> | <a href=\"/reg\">注册</a> 设为首页 加入收藏</div>\n\
         <div class=\"logo\"><h1><a href=\"/\">某某社会工作网</a></h1></div>\n\
         <form class=\"search\"><input name=q><button>搜索</button></form>\n\
         <ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/news\">社工动态</a></li><li><a href=\"/policy\">政策法规</a></li><li><a href=\"/notice\">通知公告</a></li></ul>\n\
         <div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/news\">社工动态</a> &gt; 正文</div>\n\
         <div class=\"main\"><h1 class=\"title\">{t}</h1>\n\
         <div class=\"info\">发布时间：2024-08-15 09:30　来源：徐汇报　作者：王薇　浏览次数：1024　【字体：大 中 小】</div>\n\
         <div class=\"content\">{paragraphs}<p>（责任编辑：李华）</p></div>\n\
         <div class=\"share\">分享到：微信 微博 QQ空间</div><div class=\"pn\">上一篇：<a href=\"/n/0.html\">某区社工站开展活动</a> 下一篇：<a href=\"/n/9.html\">某镇举办培训</a></div></div>\n\
         <div class=\"related\"><h3>相关新闻</h3><ul>{related}</ul></div>\n\
         <div class=\"footer\">主办单位：某某社会工作协会 地址：某某路1号 沪ICP备12345678号-1 沪公网安备31010402000000号 网站标识码：3100000000</div>\n\
         </body></html>",
        t = escape(title)
    );
    encoding_rs::GBK.encode(&html).0.into_owned()
}

#[test]
fn a_saved_web_page_gives_its_article_headline_date_and_source_not_its_chrome() {
    let d = dir("web");
    let (title, body) = seed_articles("000_3b459c57097bf54f.txt").swap_remove(0);
    std::fs::write(d.join("page.htm"), saved_page(&title, &body)).unwrap();
    let o = shegong(&["extract", d.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(a.len(), 1, "one article: {a:#?}");
    assert_eq!(a[0]["title"], title.as_str());
    assert_eq!(a[0]["source"], "徐汇报");
    assert_eq!(a[0]["published"]["text"], "2024-08-15");
    let text = a[0]["text"].as_str().unwrap();
    assert!(in_order(&body, text) >= 0.99, "{text}");
    for chrome in [
        "登录",
        "首页",
        "当前位置",
        "分享到",
        "上一篇",
        "相关新闻",
        "ICP备",
        "广告",
    ] {
        assert!(!text.contains(chrome), "{chrome} in {text}");
    }
}

/// A stored (uncompressed) zip: enough for a .docx.
fn zip(members: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in members {
        let mut head = Vec::new();
        head.extend_from_slice(&[20, 0, 0, 0, 0, 0]); // version, flags, method: stored
        head.extend_from_slice(&[0; 4]); // time, date
        head.extend_from_slice(&crc32(data).to_le_bytes());
        head.extend_from_slice(&(data.len() as u32).to_le_bytes());
        head.extend_from_slice(&(data.len() as u32).to_le_bytes());
        head.extend_from_slice(&(name.len() as u16).to_le_bytes());
        head.extend_from_slice(&[0, 0]);
        let offset = out.len() as u32;
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&head);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        directory.extend_from_slice(b"PK\x01\x02\x14\x00");
        directory.extend_from_slice(&head);
        directory.extend_from_slice(&[0; 10]);
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend_from_slice(&directory);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&(members.len() as u16).to_le_bytes());
    out.extend_from_slice(&(members.len() as u16).to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

fn crc32(data: &[u8]) -> u32 {
    shegong_text::crc32(data)
}

/// A Word document as Word writes one: styles, runs cut mid-word with alternating bold.
fn docx(title: &str, body: &str) -> Vec<u8> {
    let run = |text: &str, k: usize| {
        let bold = if k % 2 == 1 {
            "<w:rPr><w:b/></w:rPr>"
        } else {
            ""
        };
        format!(
            "<w:r>{bold}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(text)
        )
    };
    let para = |text: &str, style: Option<&str>| {
        let chars: Vec<char> = text.chars().collect();
        let runs: String = chars
            .chunks(7)
            .enumerate()
            .map(|(k, c)| run(&c.iter().collect::<String>(), k))
            .collect();
        let style = style.map_or(String::new(), |s| {
            format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")
        });
        format!("<w:p>{style}{runs}</w:p>")
    };
    let mut paragraphs = para(title, Some("Heading1"));
    for p in body.lines() {
        paragraphs.push_str(&para(p, None));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{paragraphs}<w:sectPr/></w:body></w:document>"
    );
    zip(&[
        ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_vec()),
        ("_rels/.rels", b"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_vec()),
        ("word/document.xml", document.into_bytes()),
    ])
}

#[test]
fn a_word_file_reads_as_its_paragraphs() {
    let d = dir("docx");
    let (title, body) = seed_articles("004_5e68e9660a63f3de.txt").swap_remove(3);
    std::fs::write(d.join("a.docx"), docx(&title, &body)).unwrap();
    let o = shegong(&["extract", d.to_str().unwrap(), "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let a: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(a[0]["title"], title.as_str());
    assert!(in_order(&body, a[0]["text"].as_str().unwrap()) >= 0.99);
}

/// A zip whose one member inflates to `size` bytes of `<w:p/>`, its header claiming `claim`.
fn zip_bomb(size: usize, claim: Option<u32>) -> Vec<u8> {
    let data = "<w:p/>".repeat(size / 6).into_bytes();
    let packed = miniz_oxide::deflate::compress_to_vec(&data, 6);
    let mut z = zip(&[("word/document.xml", packed)]);
    // Turn the stored member into a deflated one with the sizes given.
    let real = claim.unwrap_or(data.len() as u32).to_le_bytes();
    let dir_at = u32::from_le_bytes(z[z.len() - 6..z.len() - 2].try_into().unwrap()) as usize;
    for header in [0, dir_at + 2] {
        z[header + 8] = 8;
        z[header + 22..header + 26].copy_from_slice(&real);
    }
    z
}

/// Bytes of a PDF that needs a password (the standard security handler, no user password
/// that is empty).
fn encrypted_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".to_owned(),
        format!(
            "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>",
            "41".repeat(32),
            "42".repeat(32)
        ),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (k, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        write!(out, "{} 0 obj\n{o}\nendobj\n", k + 1).unwrap();
    }
    let xref = out.len();
    write!(out, "xref\n0 5\n0000000000 65535 f \n").unwrap();
    for o in offsets {
        writeln!(out, "{o:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n{xref}\n%%EOF\n"
    )
    .unwrap();
    out
}

#[test]
fn a_hostile_folder_gives_a_message_per_file_exit_code_1_and_a_bundle_of_every_good_file() {
    let d = dir("hostile");
    let (title, body) = seed_articles("000_3b459c57097bf54f.txt").swap_remove(0);
    // Good files of every kind.
    std::fs::copy(seed("004_5e68e9660a63f3de.txt"), d.join("good.txt")).unwrap();
    std::fs::write(d.join("good.html"), saved_page(&title, &body)).unwrap();
    std::fs::write(d.join("good.docx"), docx(&title, &body)).unwrap();
    std::fs::copy(&newspaper_pdf().0, d.join("good.pdf")).unwrap();
    let tiny = d.join("tiny");
    std::fs::create_dir_all(&tiny).unwrap();
    for k in 0..10_000 {
        std::fs::write(
            tiny.join(format!("{k:05}.txt")),
            format!("第{k}号通知\n\n社区社工站第{k}次开展为老服务。\n"),
        )
        .unwrap();
    }
    // Hostile files.
    std::fs::write(
        d.join("binary.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 0, 3],
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(d.join("large.txt"), "社工站。".repeat(200_000)).unwrap();
    let mut bad = "民勤县重兴镇社工站站长王维斌说，社工站主动链接社区资源。\n"
        .repeat(10)
        .into_bytes();
    bad.splice(90..90, [0xC3, 0x28, 0xFF]);
    std::fs::write(d.join("bad-utf8.txt"), bad).unwrap();
    std::fs::write(d.join("encrypted.pdf"), encrypted_pdf()).unwrap();
    let whole = std::fs::read(&newspaper_pdf().0).unwrap();
    std::fs::write(d.join("not-a-pdf.pdf"), &whole[1000..3000]).unwrap();
    std::fs::write(d.join("bomb.docx"), zip_bomb(80 << 20, None)).unwrap();
    std::fs::write(d.join("bomb-lying.docx"), zip_bomb(80 << 20, Some(2_000))).unwrap();
    std::fs::write(d.join("not-a-zip.docx"), "PK but not really").unwrap();
    let mut expected = vec![
        "binary.txt",
        "empty.txt",
        "large.txt",
        "encrypted.pdf",
        "not-a-pdf.pdf",
        "bomb.docx",
        "bomb-lying.docx",
        "not-a-zip.docx",
    ];
    #[cfg(target_os = "linux")]
    {
        // Opens, then fails to read (as it does for every user, root included).
        std::os::unix::fs::symlink("/proc/self/mem", d.join("unreadable.txt")).unwrap();
        std::os::unix::fs::symlink(&d, tiny.join("loop")).unwrap();
        expected.extend(["unreadable.txt", "loop"]);
    }
    let (o, pages) = page_texts(
        &[d.to_str().unwrap(), "--max-file-mib", "1"],
        "hostile-bundle",
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for name in &expected {
        assert!(
            err.lines()
                .any(|l| l.starts_with("跳过 skipped") && l.contains(name)),
            "no message for {name}:\n{err}"
        );
    }
    assert!(
        err.lines()
            .any(|l| l.starts_with("修复 repaired") && l.contains("bad-utf8.txt")),
        "{err}"
    );
    let skipped = expected.len();
    assert!(
        err.contains(&format!(
            "(read 10005 files, skipped {skipped}, repaired 1)"
        )),
        "{err}"
    );
    let files: Vec<&str> = pages.iter().map(|(f, _)| f.as_str()).collect();
    for good in [
        "good.txt",
        "good.html",
        "good.docx",
        "good.pdf",
        "bad-utf8.txt",
    ] {
        assert!(
            files.iter().any(|f| f.ends_with(good)),
            "{good} in the bundle"
        );
    }
    assert_eq!(
        files.iter().filter(|f| f.contains("/tiny/")).count(),
        10_000
    );
    // Ten thousand files are not left behind in the temporary folder.
    std::fs::remove_dir_all(&d).unwrap();
}
