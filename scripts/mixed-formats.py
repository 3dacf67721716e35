#!/usr/bin/env python3
"""Turn the development set's text pages into the files users hold, for scoring `extract` per format.

Usage: scripts/mixed-formats.py PAGES SOURCES.tsv GOLD.json OUT_DIR

The dev pages (eval/dev/pages/*.txt) are what a reader copied out of web pages and e-papers.
This writes, under OUT_DIR, the same pages the way users keep them:

- html/  every single-article page (sources.tsv kind web, traditional, non-social-work) as a
         saved web page: <title> "headline - site", <h1>, the metadata line as a <div
         class=info>, body paragraphs as <p>, the lines before the headline as a <header><nav>
         link list, the furniture after the article (link lists, related news, footers) as
         <aside>/<footer> lists of links, credit lines kept in the article container;
- docx/  every eighth of those pages as a Word file instead (all its lines as paragraphs, the
         headline in the Title style), written with zipfile;
- pdf/   each composed newspaper page printed by headless Chromium (fonts-noto-cjk): a
         masthead, then each article in its box (the first two side by side when there are
         three or more, the others across the page in three columns), its headline on top;
- png/   the same newspaper pages screenshotted by headless Chromium (read by Tesseract);
- txt/   the original text of the pages in each set above, for comparison;
- mixed/ every page once: web pages as .html (or .docx), newspaper pages alternately .pdf
         and .png — the way the hidden set mixes formats;
and for each set a gold file (GOLD.json restricted to the articles of its pages, with the
queries whose articles all lie in them). score.py pairs articles by their anchor texts, not by
file names, so the files keep the page's name with the new extension.

The gold is read only to shape the fixture the way the original site had it (which line is the
headline, which lines are the site's furniture); `shegong` never sees it.
"""
import csv, html, json, os, re, shutil, subprocess, sys, zipfile

PUNCT = re.compile(r"[\s“”\"'‘’「」『』《》〈〉()（）:：,，.。!！?？;；、·—\-–…+＋|]")
META = re.compile(r"(发布|發佈|发表|發表|来源|來源|作者|时间|時間|日期|浏览|瀏覽|点击|點擊)\s*[:：]")
CREDIT = re.compile(
    r"^[（(【\[]?\s*(记者|記者|通讯员|通訊員|编辑|編輯|责任编辑|責任編輯|责编|責編|校对|校對|审核|審核|"
    r"审校|審校|监制|監製|编审|編審|文|图|圖|摄影|攝影|来源|來源|供稿|作者|稿件来源|初审|终审)"
)
CREDIT_WORD = re.compile(r"(记者|記者|通讯员|通訊員|编辑|編輯|校对|校對|审核|審核|摄影|攝影)")
# Sentence-final marks: a line that ends in one is prose, not a menu item.
PROSE_END = re.compile(r"[。！？!?”\"』」）)]$")


def loose(s):
    return PUNCT.sub("", s or "")


def chromium(*args):
    cmd = [
        "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--hide-scrollbars", *args,
    ]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if r.returncode != 0:
        sys.exit(f"chromium failed ({' '.join(cmd)}): {r.stderr[-500:]}\n"
                 "install it: sudo apt-get install chromium fonts-noto-cjk")


def is_credit(line):
    """A credit line closing the article: `编辑 唐峥 校对 李立军`, `新京报记者 戴轩`."""
    return CREDIT.search(line) is not None or len(line) <= 40 and CREDIT_WORD.search(line) is not None


def is_prose(line, anchors):
    s = line.strip()
    return len(s) >= 40 or PROSE_END.search(s) is not None or any(a in s for a in anchors)


def web_html(name, lines, gold, site):
    """A saved web page for a single-article text page."""
    title = next((g["title"] for g in gold if g.get("title")), None)
    anchors = [a for g in gold for a in g["anchors"]]
    noise = [n for g in gold for n in g.get("noise", [])]
    lines = [l.rstrip() for l in lines]
    idx = [i for i, l in enumerate(lines) if l.strip()]
    t_at = None
    if title:
        # The headline's own line (it may carry the site's name after it), else a line holding it.
        t_at = next((i for i in idx if loose(title) and loose(lines[i]).startswith(loose(title))),
                    next((i for i in idx if loose(title) and loose(title) in loose(lines[i])), None))
    start = (t_at + 1) if t_at is not None else (idx[0] if idx else 0)
    nav = [lines[i].strip() for i in idx if t_at is not None and i < t_at]
    # The article ends at its last prose line that is not furniture, plus the credit lines after it.
    body_idx = [i for i in idx if i >= start and is_prose(lines[i], anchors)
                and not any(n in lines[i] for n in noise)]
    end = body_idx[-1] if body_idx else start
    j = end + 1
    while j < len(lines) and (not lines[j].strip() or is_credit(lines[j].strip())):
        j += 1
    end = j - 1
    out = ["<!doctype html>", "<html lang=zh-CN><head><meta charset=utf-8>"]
    head_title = lines[t_at].strip() if t_at is not None else (title or "")
    if title and loose(head_title) == loose(title):
        head_title = f"{title} - {site}"
    out.append(f"<title>{html.escape(head_title)}</title>")
    if title:
        out.append(f'<meta property="og:title" content="{html.escape(title)}">')
    out.append("</head><body>")
    out.append(f'<header><div class=logo><a href="/">{html.escape(site)}</a></div><nav><ul>')
    for n in nav or ["首页", "新闻中心", "社会民生", "图片新闻"]:
        out.append(f'<li><a href="/list/">{html.escape(n)}</a></li>')
    out.append("</ul></nav></header>")
    out.append('<div class="main"><div class="article">')
    if title:
        out.append(f"<h1>{html.escape(title)}</h1>")
    for i in range(start, end + 1):
        s = lines[i].strip()
        if not s:
            continue
        if any(n in s for n in noise):
            out.append(f'<div class="ad"><a href="/ad/">{html.escape(s)}</a></div>')
        elif i <= start + 1 and META.search(s) and len(s) < 120:
            out.append(f'<div class="info">{html.escape(s)}</div>')
        else:
            out.append(f"<p>{html.escape(s)}</p>")
    out.append("</div>")
    rest = [lines[i].strip() for i in idx if i > end]
    if rest:
        out.append('<aside class="related"><ul>')
        for s in rest:
            if len(s) > 60:
                out.append(f"<li><p>{html.escape(s)}</p></li>")
            else:
                out.append(f'<li><a href="/news/">{html.escape(s)}</a></li>')
        out.append("</ul></aside>")
    out.append(f'</div><footer><p>版权所有 {html.escape(site)} 未经授权禁止转载</p>'
               '<p><a href="https://beian.miit.gov.cn/">ICP备案号</a></p></footer></body></html>')
    return "\n".join(out)


def docx(lines, gold):
    title = next((g["title"] for g in gold if g.get("title")), None)
    paras = []
    for l in lines:
        s = l.strip()
        if not s:
            continue
        style = '<w:pPr><w:pStyle w:val="Title"/></w:pPr>' if title and loose(s) == loose(title) else ""
        paras.append(f'<w:p>{style}<w:r><w:t xml:space="preserve">{html.escape(s, quote=False)}</w:t></w:r></w:p>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + "".join(paras) + "</w:body></w:document>")
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    return {"[Content_Types].xml": types, "_rels/.rels": rels, "word/document.xml": doc}


def join_lines(block):
    """A column-broken block as one paragraph: CJK lines join without a space."""
    out = ""
    for l in block:
        l = l.strip()
        if out and re.match(r"[A-Za-z0-9]", out[-1]) and re.match(r"[A-Za-z0-9]", l[:1]):
            out += " "
        out += l
    return out


def newspaper_html(name, text, gold, n, height):
    """A newspaper page: the masthead, then each article in its own box, headline on top across
    its columns; with three articles or more the first two stand side by side."""
    # Each block goes to the article whose headline it is or whose anchor it holds. A block with
    # neither continues the article of the block before it in the same part of the page (parts
    # are apart by two blank lines; headlines do not count, they may stand under their body),
    # or at the start of a part belongs to the next block's article (a caption before a lead).
    blocks, owner = [], []
    for part in re.split(r"\n[ \t]*\n[ \t]*\n+", text):
        bs = [join_lines(b.splitlines()) for b in re.split(r"\n[ \t]*\n", part) if b.strip()]
        title_of = [next((i for i, g in enumerate(gold)
                          if g.get("title") and loose(b) == loose(g["title"])), None) for b in bs]
        own = [t if t is not None else next((i for i, g in enumerate(gold)
                                             if any(a in b for a in g["anchors"])), None)
               for b, t in zip(bs, title_of)]
        last = None
        for i in range(len(bs)):
            if own[i] is None:
                own[i] = last
            elif title_of[i] is None:
                last = own[i]
        for i in range(len(bs) - 1, -1, -1):
            if own[i] is None and i + 1 < len(bs):
                own[i] = own[i + 1]
        blocks += bs
        owner += own
    for i in range(len(owner)):
        if owner[i] is None:
            owner[i] = owner[i - 1] if i else 0
    sections = []
    for k in sorted(set(owner), key=owner.index):
        g = gold[k]
        head = [b for b, o in zip(blocks, owner) if o == k and g.get("title") and loose(b) == loose(g["title"])]
        paras = []
        for b, o in zip(blocks, owner):
            if o != k or b in head:
                continue
            # A paragraph the page text broke at a column end (it ends mid-sentence) goes on.
            if paras and not PROSE_END.search(paras[-1]):
                paras[-1] = join_lines([paras[-1], b])
            else:
                paras.append(b)
        sections.append("".join(f"<h2>{html.escape(h)}</h2>" for h in head)
                        + "".join(f"<p>{html.escape(p)}</p>" for p in paras))
    row = ""
    if len(sections) >= 3:
        row = (f"<div class=row><section class=left>{sections[0]}</section>"
               f"<section class=right>{sections[1]}</section></div>")
        sections = sections[2:]
    bands = "".join(f"<section class=band>{s}</section>" for s in sections)
    return (
        "<!doctype html><html lang=zh-CN><head><meta charset=utf-8><style>"
        f"@page {{ size: 1220px {height}px; margin: 0; }}"
        "body { font-family: 'Noto Serif CJK SC', serif; font-size: 11pt; line-height: 1.6; margin: 12px; width: 1180px; }"
        "p { margin: 0 0 0.3em 0; text-indent: 2em; text-align: justify; }"
        "h2 { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 17pt; margin: 2mm 0 3mm; column-span: all; }"
        ".mast { display: flex; justify-content: space-between; border-bottom: 3px double #000; font-size: 10pt; }"
        ".row { display: flex; gap: 8mm; margin-top: 4mm; }"
        ".left { flex: 62; column-count: 2; column-gap: 8mm; } .right { flex: 38; }"
        ".band { column-count: 3; column-gap: 8mm; margin-top: 6mm; padding-top: 2mm; border-top: 1px solid #000; }"
        f"</style></head><body><div class=mast><b>社区周报</b><span>第A{n:02d}版 · 社会工作</span></div>"
        f"{row}{bands}</body></html>"
    )


def main():
    pages, sources, gold_path, out = sys.argv[1:5]
    gold = json.load(open(gold_path, encoding="utf-8"))
    kinds = {}
    with open(sources, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            kinds[row["file"][:-4]] = (row["kind"], row["url"])
    by_page = {}
    for g in gold["articles"]:
        by_page.setdefault(g["seed"], []).append(g)
    if os.path.isdir(out):
        shutil.rmtree(out)
    sets = {k: [] for k in ("html", "docx", "pdf", "png", "mixed")}
    for d in (*sets, "src", *(f"txt/{k}" for k in sets)):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    names = sorted(kinds)
    singles = [p for p in names if not kinds[p][0].startswith("composed")]
    papers = [p for p in names if kinds[p][0].startswith("composed")]
    for i, p in enumerate(singles):
        text = open(os.path.join(pages, p + ".txt"), encoding="utf-8").read()
        lines = text.splitlines()
        if i % 8 == 7:
            path = os.path.join(out, "docx", p + ".docx")
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
                for member, data in docx(lines, by_page[p]).items():
                    z.writestr(member, data)
            sets["docx"].append(p)
            shutil.copy(path, os.path.join(out, "mixed"))
        else:
            host = re.sub(r"^https?://([^/]+).*$", r"\1", kinds[p][1].split()[0])
            path = os.path.join(out, "html", p + ".html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(web_html(p, lines, by_page[p], host))
            sets["html"].append(p)
            shutil.copy(path, os.path.join(out, "mixed"))
        sets["mixed"].append(p)
    for n, p in enumerate(papers, 1):
        text = open(os.path.join(pages, p + ".txt"), encoding="utf-8").read()
        # One sheet tall enough for the whole page (an e-paper page is one PDF page): about 38
        # characters a column line, three columns, 28 px a line.
        height = 300 + 28 * (len(re.sub(r"\s", "", text)) // (3 * 38) + 20)
        src = os.path.join(out, "src", p + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(newspaper_html(p, text, by_page[p], n, height))
        pdf = os.path.join(out, "pdf", p + ".pdf")
        chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", src)
        png = os.path.join(out, "png", p + ".png")
        chromium(f"--screenshot={png}", f"--window-size=1210,{height}", src)
        sets["pdf"].append(p)
        sets["png"].append(p)
        shutil.copy(pdf if n % 2 else png, os.path.join(out, "mixed"))
        sets["mixed"].append(p)
    for k, ps in sets.items():
        for p in ps:
            shutil.copy(os.path.join(pages, p + ".txt"), os.path.join(out, "txt", k))
        ids = {g["id"] for p in ps for g in by_page[p]}
        arts = [g for g in gold["articles"] if g["id"] in ids]

        def inside(q):
            refs = [q.get("top1")] if q.get("top1") else []
            refs += q.get("must_include", []) + q.get("must_exclude", [])
            return all(r in ids for r in refs)

        qs = [q for q in gold.get("queries", []) if inside(q)]
        with open(os.path.join(out, f"{k}.gold.json"), "w", encoding="utf-8") as f:
            json.dump({"about": f"{gold_path} restricted to the {k} set", "articles": arts, "queries": qs},
                      f, ensure_ascii=False, indent=1)
        print(f"{k}: {len(ps)} pages, {len(arts)} articles, {len(qs)} queries", file=sys.stderr)


if __name__ == "__main__":
    main()
