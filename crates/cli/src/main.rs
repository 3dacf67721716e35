//! `shegong`: build bundles from raw pages, extract articles, search bundles.
//!
//! Exit codes: 0 success; 1 success with input files skipped or repaired; 2 error.

mod build_date;
mod inputs;
mod ocr;
mod resolution;
mod single_file;
mod walk;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use inputs::{read_pages, Options, Page};
use ocr::Ocr;
use shegong_article::Article;
use shegong_collection::Corrections;
use shegong_extract::Pipeline;
use shegong_extract::Taxonomy;
use shegong_search::parse_query as parse;
use shegong_search::BuildDate;
use shegong_search::{write_chunked, Bundle, Chunk, IndexMode, Request, Selection, SourcePage};
use shegong_text::Dictionary;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Building allocates many small strings and vectors on every core (extraction, indexing):
/// with glibc's allocator a fifth of a 100,000-article build went to `malloc` and `free`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "shegong",
    version,
    about = "社工新闻离线检索 — offline search for Chinese social-work news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a search bundle from page files or folders (searched recursively): .txt, .html,
    /// .htm, .mhtml, .docx, .pdf, and .png/.jpg/.tif through Tesseract; or a single HTML file
    /// that searches them from anywhere (file://, no network).
    Build {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        /// Where to write the bundle; the original pages go beside it in <name>.pages.bin, or,
        /// for a chunked bundle, its chunks into the folder <name>.chunks.
        #[arg(short, long, required_unless_present = "single_file")]
        output: Option<PathBuf>,
        /// Also (or only) write one HTML file holding the app and the bundle, which opens from
        /// file:// with nothing fetched.
        #[arg(long, value_name = "FILE.html")]
        single_file: Option<PathBuf>,
        /// Put the original pages into the single file too (for the article view's original text).
        #[arg(long, requires = "single_file")]
        with_pages: bool,
        /// Let a reader add their own pages in the single file: it carries the app's extraction
        /// module and dictionary (from the app's `extract/` folder; about 2.3 MB more gzipped).
        #[arg(long, requires = "single_file")]
        add_pages: bool,
        /// The app's release build the single file is made from (`trunk build --release --offline`).
        #[arg(
            long,
            value_name = "DIR",
            default_value = "dist",
            requires = "single_file"
        )]
        app: PathBuf,
        /// One file with the index, one file without it (the reader builds it from the
        /// articles), or an entry file and chunks beside it, fetched as searches need them
        /// (auto: one file without the index up to 1 MiB of article text, chunked above). The
        /// single file always holds one file (with the index where `-o` would be chunked).
        #[arg(long, value_enum, default_value_t = IndexArg::Auto)]
        index: IndexArg,
        /// No progress bar.
        #[arg(short, long)]
        quiet: bool,
        /// Program taxonomy (TOML) to classify with, instead of the built-in one.
        #[arg(long)]
        taxonomy: Option<PathBuf>,
        /// The day the bundle says it was built (YYYY-MM-DD). Default: the day of
        /// SOURCE_DATE_EPOCH if set, else the day the newest input page was last modified.
        #[arg(long, value_name = "YYYY-MM-DD")]
        build_date: Option<String>,
        /// A reader's corrections (JSON, as the app exports them) to apply: region, program
        /// types, date or removal, by article id.
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
    },
    /// Print the articles found in page files or folders (the same kinds as build).
    Extract {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Program taxonomy (TOML) to classify with, instead of the built-in one.
        #[arg(long)]
        taxonomy: Option<PathBuf>,
        /// A reader's corrections (JSON, as the app exports them) to apply: region, program
        /// types, date or removal, by article id.
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
    },
    /// Write a deterministic synthetic corpus (real sentences recombined) for benchmarks.
    Synth {
        /// How many articles.
        #[arg(long)]
        articles: usize,
        /// Folder to write the pages to.
        #[arg(short, long)]
        output: PathBuf,
        /// Pages whose sentences are recombined.
        #[arg(long, default_value = "seeds")]
        from: PathBuf,
        /// Most articles per page file: each page holds 1 to this many (1: one article per
        /// page).
        #[arg(long, default_value_t = 20)]
        per_page: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Search a bundle.
    Search {
        bundle: PathBuf,
        /// The query: words, "exact phrase", -exclude, region:…, program:…, date:2024-05..2024-09
        query: String,
        #[arg(long)]
        region: Option<String>,
        #[arg(long)]
        program: Option<String>,
        /// Earliest month (2024 or 2024-05).
        #[arg(long)]
        from: Option<String>,
        /// Latest month (2024 or 2024-09).
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print a JSON array of {id, title, score, snippet}, best first.
        #[arg(long)]
        json: bool,
    },
}

/// How page files are read.
#[derive(clap::Args)]
struct ReadArgs {
    /// Files larger than this many MiB are not read.
    #[arg(long, default_value_t = 64)]
    max_file_mib: u64,
    /// OCR language for images: chi_sim (Simplified) or chi_tra (Traditional sources).
    #[arg(long, value_enum, default_value_t = OcrLang::ChiSim)]
    ocr_lang: OcrLang,
}

#[derive(Clone, Copy, ValueEnum)]
enum OcrLang {
    #[value(name = "chi_sim")]
    ChiSim,
    #[value(name = "chi_tra")]
    ChiTra,
}

impl ReadArgs {
    fn options(&self) -> Options {
        Options {
            max_bytes: self.max_file_mib.saturating_mul(1 << 20),
            ocr: Ocr::new(match self.ocr_lang {
                OcrLang::ChiSim => "chi_sim",
                OcrLang::ChiTra => "chi_tra",
            }),
        }
    }
}

impl Default for ReadArgs {
    fn default() -> Self {
        ReadArgs {
            max_file_mib: 64,
            ocr_lang: OcrLang::ChiSim,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build {
            inputs,
            read,
            output,
            single_file,
            with_pages,
            add_pages,
            app,
            index,
            quiet,
            taxonomy,
            build_date,
            corrections,
        } => {
            // Read the app first: a missing build is reported before the pages are processed.
            let single = single_file
                .map(|path| {
                    let read = single_file::App::read(&app)?;
                    let read = if add_pages {
                        read.with_extraction(&app)?
                    } else {
                        read
                    };
                    Ok::<_, anyhow::Error>((path, read))
                })
                .transpose()?;
            let outputs = Outputs {
                bundle: output,
                single,
                with_pages,
                mode: index.into(),
            };
            build(
                &inputs,
                &read.options(),
                &outputs,
                quiet,
                &pipeline(taxonomy.as_deref())?,
                build_date.as_deref(),
                &read_corrections(corrections.as_deref())?,
            )
        }
        Command::Extract {
            inputs,
            read,
            format,
            taxonomy,
            corrections,
        } => extract(
            &inputs,
            &read.options(),
            format,
            &pipeline(taxonomy.as_deref())?,
            &read_corrections(corrections.as_deref())?,
        ),
        Command::Synth {
            articles,
            output,
            from,
            per_page,
            seed,
        } => synth(articles, &output, &from, per_page.max(1), seed),
        Command::Search {
            bundle,
            query,
            region,
            program,
            from,
            to,
            limit,
            json,
        } => {
            let mut q = query;
            if let Some(r) = region {
                q.push_str(&format!(" region:{r}"));
            }
            if let Some(p) = program {
                q.push_str(&format!(" program:{p}"));
            }
            if from.is_some() || to.is_some() {
                q.push_str(&format!(
                    " date:{}..{}",
                    from.unwrap_or_default(),
                    to.unwrap_or_default()
                ));
            }
            search(&bundle, &q, limit, json)
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum IndexArg {
    Auto,
    Embed,
    Derive,
    Chunked,
}

impl From<IndexArg> for IndexMode {
    fn from(a: IndexArg) -> Self {
        match a {
            IndexArg::Auto => IndexMode::Auto,
            IndexArg::Embed => IndexMode::Embed,
            IndexArg::Derive => IndexMode::Derive,
            IndexArg::Chunked => IndexMode::Chunked,
        }
    }
}

/// Where the pages file of the bundle at `bundle` goes: `x.bin` → `x.pages.bin`.
fn pages_path(bundle: &Path) -> PathBuf {
    let stem = bundle.file_stem().unwrap_or_default().to_string_lossy();
    bundle.with_file_name(format!("{stem}.pages.bin"))
}

/// Read inputs and report, file by file, what was skipped or repaired and why, then a summary
/// line; the exit code says whether anything was.
fn load(inputs: &[PathBuf], options: &Options) -> Result<(Vec<Page>, ExitCode)> {
    let loaded = read_pages(inputs, options)?;
    for s in &loaded.skipped {
        eprintln!("跳过 skipped {}: {}", s.path.display(), s.reason);
    }
    for s in &loaded.repaired {
        eprintln!("修复 repaired {}: {}", s.path.display(), s.reason);
    }
    let (read, skipped, repaired) = (
        loaded.pages.len(),
        loaded.skipped.len(),
        loaded.repaired.len(),
    );
    eprintln!(
        "读取 {read} 个文件，跳过 {skipped} 个，修复 {repaired} 个 (read {read} files, skipped {skipped}, repaired {repaired})"
    );
    let code = if skipped + repaired == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    Ok((loaded.pages, code))
}

/// The pipeline, with the taxonomy file if one is given.
fn pipeline(taxonomy: Option<&Path>) -> Result<Pipeline> {
    let Some(path) = taxonomy else {
        return Ok(Pipeline::default());
    };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read taxonomy {}", path.display()))?;
    let t =
        Taxonomy::parse(&text).with_context(|| format!("invalid taxonomy {}", path.display()))?;
    Ok(Pipeline::new(t))
}

/// The corrections file, if one is given.
fn read_corrections(path: Option<&Path>) -> Result<Corrections> {
    let Some(path) = path else {
        return Ok(Corrections::default());
    };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read corrections {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| {
        format!(
            "invalid corrections {} (expected the JSON the app exports)",
            path.display()
        )
    })
}

impl shegong_collection::Page for Page {
    fn name(&self) -> &str {
        &self.name
    }

    fn text(&self) -> &str {
        &self.text
    }
}

/// The articles of every page, in page order; pages are processed on all cores.
fn articles_of(
    pages: &[Page],
    pipeline: &Pipeline,
    progress: Option<&ProgressBar>,
) -> Vec<Article> {
    shegong_collection::articles(pages, pipeline, &|p: &Page| {
        if let Some(pb) = progress {
            pb.inc(p.text.len() as u64);
        }
    })
}

/// Apply the corrections, warning about those that matched no article.
fn correct(
    articles: &mut Vec<Article>,
    corrections: &Corrections,
    pipeline: &Pipeline,
) -> Result<()> {
    for id in shegong_collection::correct(articles, corrections, pipeline)? {
        eprintln!("warning: the correction of {id} matches no article (did its page change?)");
    }
    Ok(())
}

/// What `build` writes.
struct Outputs {
    /// The bundle, with its pages file beside it.
    bundle: Option<PathBuf>,
    /// The single HTML file, and the app it is made from.
    single: Option<(PathBuf, single_file::App)>,
    /// Whether the single file carries the original pages.
    with_pages: bool,
    /// Whether the bundle embeds its index.
    mode: IndexMode,
}

fn build(
    inputs: &[PathBuf],
    options: &Options,
    outputs: &Outputs,
    quiet: bool,
    pipeline: &Pipeline,
    build_date: Option<&str>,
    corrections: &Corrections,
) -> Result<ExitCode> {
    let (pages, code) = load(inputs, options)?;
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let date = build_date::build_date(build_date, epoch.as_deref(), &pages)?;
    let bytes_in: u64 = pages.iter().map(|p| p.text.len() as u64).sum();
    let pb = (!quiet).then(|| {
        let pb = ProgressBar::new(bytes_in);
        pb.set_style(
            ProgressStyle::with_template("{msg:10} [{bar:30}] {bytes}/{total_bytes} ({eta})")
                .expect("static template")
                .progress_chars("=> "),
        );
        pb.set_message("读取文章");
        pb
    });
    let mut articles = articles_of(&pages, pipeline, pb.as_ref());
    correct(&mut articles, corrections, pipeline)?;
    if let Some(pb) = &pb {
        pb.set_message("建立索引");
    }
    let dict = shegong_collection::dictionary(Dictionary::jieba());
    let page_count = pages.len();
    let sources: Vec<SourcePage> = pages
        .into_iter()
        .map(|p| SourcePage {
            file: p.name,
            text: p.text,
        })
        .collect();
    let regions = articles.iter().filter(|a| a.region.is_some()).count();
    let text: usize = articles.iter().map(|a| a.text.len()).sum();
    let mode = outputs.mode.resolve(text);
    let mut wrote = vec![format!(
        "{} articles ({regions} with a region)",
        articles.len()
    )];
    let chunked = outputs
        .bundle
        .as_ref()
        .filter(|_| mode == IndexMode::Chunked);
    let one_file = if let Some(output) = chunked {
        create_parent(output)?;
        let keep = outputs
            .single
            .is_some()
            .then(|| (articles.clone(), sources.clone()));
        wrote.push(write_chunks(
            articles, &dict, pipeline, sources, output, date,
        )?);
        keep
    } else {
        Some((articles, sources))
    };
    if let Some((articles, sources)) = one_file {
        // The single file always holds one file: with its index where the bundle is chunked.
        let mode = match mode {
            IndexMode::Chunked => IndexMode::Embed,
            m => m,
        };
        let mut bundle = Bundle::build(articles, &dict, pipeline.taxonomy().labels(), mode);
        if let Some(date) = date {
            bundle = bundle.built_on(date);
        }
        let bytes = bundle.encode();
        let pages_bytes = bundle.encode_pages(sources);
        wrote.push(describe_one_file(&bundle, bytes.len()));
        if let Some(output) = outputs.bundle.as_ref().filter(|_| chunked.is_none()) {
            create_parent(output)?;
            let pages_out = pages_path(output);
            for (path, data) in [
                (output.as_path(), &bytes),
                (pages_out.as_path(), &pages_bytes),
            ] {
                std::fs::write(path, data)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                wrote.push(format!("wrote {} ({} bytes)", path.display(), data.len()));
            }
        }
        if let Some((path, app)) = &outputs.single {
            let pages = outputs.with_pages.then_some(pages_bytes.as_slice());
            let w = single_file::write(path, app, &bytes, pages)?;
            wrote.push(format!(
                "wrote {} ({} bytes, {} gzipped; {})",
                path.display(),
                w.bytes,
                w.gzipped,
                if pages.is_some() {
                    "with the original pages"
                } else {
                    "without the original pages: add --with-pages"
                }
            ));
        }
    }
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    let dated = date.map_or_else(|| "no build date".to_owned(), |d| format!("dated {d}"));
    eprintln!("{page_count} pages → {}; {dated}", wrote.join("; "));
    Ok(code)
}

/// Create the folder a file goes into.
fn create_parent(output: &Path) -> Result<()> {
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    Ok(())
}

/// What a one-file bundle of `len` bytes holds, in words.
fn describe_one_file(bundle: &Bundle, len: usize) -> String {
    let Some(p) = bundle.payload() else {
        return String::new();
    };
    let dict_bytes = bundle.dict_size();
    let index = match &p.index {
        Some(index) => format!("index of {} keys", index.word_count()),
        None => "index built by the reader".to_owned(),
    };
    format!(
        "one file: {}, {} dictionary entries ({} bytes, {:.0}% of the bundle)",
        index,
        p.dict.len(),
        dict_bytes,
        100.0 * dict_bytes as f64 / len.max(1) as f64,
    )
}

/// Write a chunked bundle: its chunks into `<name>.chunks/` (without older chunks after),
/// then the entry file; what was written, in words.
fn write_chunks(
    articles: Vec<Article>,
    dict: &Dictionary,
    pipeline: &Pipeline,
    sources: Vec<SourcePage>,
    output: &Path,
    date: Option<BuildDate>,
) -> Result<String> {
    let entry = output.to_string_lossy().into_owned();
    let dir = PathBuf::from(Chunk::File(shegong_search::Kind::Articles, 0).url(&entry))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    // A thread of its own creates the files (a hundred thousand of them for as many articles)
    // while the chunks that follow are made.
    let (send, receive) = std::sync::mpsc::sync_channel::<(Chunk, Vec<u8>)>(256);
    let report = std::thread::scope(|s| {
        let writer = s.spawn(|| {
            let mut rewritten = std::collections::HashSet::new();
            for (chunk, bytes) in receive {
                let path = PathBuf::from(chunk.url(&entry));
                std::fs::write(&path, bytes)?;
                rewritten.extend(path.file_name().map(ToOwned::to_owned));
            }
            Ok(rewritten)
        });
        let mut write = |chunk: Chunk, bytes: &[u8]| {
            send.send((chunk, bytes.to_vec()))
                .map_err(|_| std::io::Error::other("the chunk writer stopped"))
        };
        let made = write_chunked(
            articles,
            dict,
            pipeline.taxonomy().labels(),
            sources,
            date,
            &mut write,
        );
        drop(send);
        // The writer's error says why the chunks stopped; the builder's only that they did.
        let written = writer
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        written.and_then(|rewritten| made.map(|report| (report, rewritten)))
    })
    .with_context(|| format!("cannot write the chunks into {}", dir.display()));
    let (report, rewritten) = report?;
    // An older build's chunks that this one did not write again go; those it did were
    // overwritten in place, which costs the file system far less than removing and creating
    // them again.
    for f in std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = f?.path();
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        if path.extension().is_some_and(|e| e == "bin")
            && stem.as_deref().and_then(Chunk::parse).is_some()
            && !path.file_name().is_some_and(|n| rewritten.contains(n))
        {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove the old chunk {}", path.display()))?;
        }
    }
    std::fs::write(output, &report.entry)
        .with_context(|| format!("cannot write {}", output.display()))?;
    let names = [
        "dictionary",
        "postings",
        "articles",
        "ids",
        "pages",
        "region names",
    ];
    let kinds: Vec<String> = report
        .kinds
        .iter()
        .zip(names)
        .filter(|((_, w), _)| w.chunks > 0)
        .map(|((letter, w), name)| {
            let cut = if matches!(letter, 'a' | 'r') {
                format!("{} per chunk", w.target)
            } else {
                format!("cut at {} bytes", w.target)
            };
            format!("{name} {} × {letter} ({} bytes, {cut})", w.chunks, w.bytes)
        })
        .collect();
    let chunks: usize = report.kinds.iter().map(|(_, w)| w.chunks).sum();
    let bytes: u64 = report.kinds.iter().map(|(_, w)| w.bytes).sum();
    Ok(format!(
        "chunked: index of {} keys, {} dictionary entries; wrote {} ({} bytes, of which the facet table {} bytes) and {chunks} chunks in {} ({bytes} bytes): {}",
        report.keys,
        report.dict_entries,
        output.display(),
        report.entry.len(),
        report.facet_bytes,
        dir.display(),
        kinds.join(", ")
    ))
}

fn extract(
    inputs: &[PathBuf],
    options: &Options,
    format: Format,
    pipeline: &Pipeline,
    corrections: &Corrections,
) -> Result<ExitCode> {
    let (pages, code) = load(inputs, options)?;
    let mut articles = articles_of(&pages, pipeline, None);
    correct(&mut articles, corrections, pipeline)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &articles)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for a in &articles {
                serde_json::to_writer(&mut out, a)?;
                writeln!(out)?;
            }
        }
        Format::Csv => out.write_all(shegong_article::to_csv(&articles).as_bytes())?,
    }
    Ok(code)
}

fn synth(n: usize, output: &Path, from: &Path, per_page: usize, seed: u64) -> Result<ExitCode> {
    let (pages, code) = load(&[from.to_path_buf()], &ReadArgs::default().options())?;
    let texts: Vec<String> = articles_of(&pages, &Pipeline::default(), None)
        .into_iter()
        .map(|a| a.text)
        .collect();
    let sentences = shegong_synth::sentences(&texts);
    if sentences.is_empty() {
        anyhow::bail!(
            "no sentences found in {} to recombine (give a folder of pages)",
            from.display()
        );
    }
    std::fs::create_dir_all(output)
        .with_context(|| format!("cannot create {}", output.display()))?;
    let out = shegong_synth::pages(&sentences, n, per_page, seed);
    for (i, page) in out.iter().enumerate() {
        let path = output.join(format!("synth-{i:05}.txt"));
        std::fs::write(&path, page).with_context(|| format!("cannot write {}", path.display()))?;
    }
    eprintln!(
        "{n} articles in {} pages written to {}",
        out.len(),
        output.display()
    );
    Ok(code)
}

fn search(bundle: &PathBuf, query: &str, limit: usize, json: bool) -> Result<ExitCode> {
    let bytes =
        std::fs::read(bundle).with_context(|| format!("cannot read {}", bundle.display()))?;
    let mut engine = Bundle::decode(&bytes)
        .with_context(|| format!("cannot load {}", bundle.display()))?
        .into_engine();
    let q = parse(query);
    let request = Request {
        query: &q,
        selection: &Selection::default(),
        sort: Default::default(),
        offset: 0,
        limit,
        open: &[],
    };
    let entry = bundle.to_string_lossy();
    let fetch = |chunk: Chunk| {
        let path = chunk.url(&entry);
        std::fs::read(&path).with_context(|| format!("cannot read the chunk {path}"))
    };
    let results = engine
        .fetching(fetch, |e| e.search(&request))
        .with_context(|| format!("cannot search {}", bundle.display()))?;
    for w in &results.warnings {
        eprintln!("warning: {w}");
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        let rows: Vec<serde_json::Value> = results
            .hits
            .iter()
            .map(|h| {
                serde_json::json!({
                    "id": h.id,
                    "title": h.title,
                    "score": h.score,
                    "snippet": h.snippet,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
    } else {
        writeln!(out, "{} 条结果 ({} results)", results.total, results.total)?;
        for (i, h) in results.hits.iter().enumerate() {
            let snippet: String = h
                .snippet
                .iter()
                .map(|s| {
                    if s.highlight {
                        format!("【{}】", s.text)
                    } else {
                        s.text.clone()
                    }
                })
                .collect();
            writeln!(
                out,
                "{:>2}. {}  [{}]  {:.2}\n    {}",
                i + 1,
                h.title,
                h.id,
                h.score,
                snippet
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
