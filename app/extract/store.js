// The reader's own collection, kept in the browser: the pages they added (their decoded text),
// the articles read from them and the reader's corrections, in IndexedDB. Usable from a page and
// from a worker alike.
//
// IndexedDB rather than the origin-private file system: every change here touches several
// records (a page, its articles, their corrections), and an IndexedDB transaction commits them
// all or none, so nothing half-written ever stays, even when the tab closes or the disk is full
// mid-way; OPFS has no transactions (a write-then-rename protocol would have to be built on it),
// and its synchronous access is for workers only, while the page reads the collection too.
//
// Stores: `pages` {name, text, modified, ids} by name; `articles` (as the extraction module gives
// them) by id, indexed by `file`, the page's name; `corrections` ({id, region?, programs?, date?,
// removed?}, the entries of the corrections file `shegong build --corrections` reads) by id.

const NAME = 'shegong-collection';
const VERSION = 1;

/** The corrections file's version (shegong_article::CORRECTIONS_VERSION). */
export const CORRECTIONS_VERSION = 1;

/** The browser has no room left for what was being saved ({zh, en}); nothing of it was kept. */
export class StorageFullError extends Error {
  constructor(what) {
    super(
      `浏览器存储空间已满，${what.zh}没有保存，之前保存的都还在；请删除一些页面或清理磁盘后重试 ` +
        `(browser storage is full: ${what.en} was not saved, everything saved before is kept; ` +
        'remove some pages or free disk space and try again)',
    );
    this.name = 'StorageFullError';
  }
}

/** Open (creating if needed) the collection; `name` names the database (tests use their own). */
export async function openCollection(name = NAME) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(name, VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('pages', { keyPath: 'name' });
      db.createObjectStore('articles', { keyPath: 'id' }).createIndex('file', 'file');
      db.createObjectStore('corrections', { keyPath: 'id' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () =>
      reject(
        new Error(
          `无法打开浏览器存储 (cannot open the browser's storage: ${open.error?.message}); ` +
            'private windows and some settings block it',
        ),
      );
    open.onblocked = () =>
      reject(new Error('另一个标签页正在升级存储，请关闭它后重试 (another tab is upgrading the storage: close it and try again)'));
  });
  // Another tab upgrading the database must not be blocked by this one.
  db.onversionchange = () => db.close();
  return new Collection(db);
}

/** A request's result, as a promise. */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const CHANGES = ['region', 'programs', 'date'];
const REMOVAL = { zh: '删除', en: 'the removal' };

export class Collection {
  constructor(db) {
    this.db = db;
  }

  /**
   * Run `body(stores)` in one transaction over `names` and resolve with its result once the
   * transaction has committed; anything failing aborts all of it. `what` ({zh, en}) names the
   * change for a storage-full message.
   */
  transaction(names, mode, what, body) {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(names, mode);
      const stores = Object.fromEntries(names.map((n) => [n, tx.objectStore(n)]));
      let result;
      let failure;
      tx.oncomplete = () => resolve(result);
      tx.onabort = () => {
        const error = failure ?? tx.error;
        reject(error?.name === 'QuotaExceededError' ? new StorageFullError(what) : error);
      };
      Promise.resolve()
        .then(() => body(stores))
        .then(
          (r) => {
            result = r;
          },
          (e) => {
            failure = e;
            try {
              tx.abort();
            } catch {
              // Already aborted (a request failed): onabort reports it.
            }
          },
        );
    });
  }

  /**
   * Keep a page and the articles read from it, replacing a page of the same name. The
   * reader's corrections of that page are kept when its text is the same (its removed articles
   * stay removed) and dropped when it changed (the ids may now name other articles).
   */
  addPage({ name, text, modified = null }, articles) {
    const what = { zh: `页面 ${name} `, en: `page ${name}` };
    return this.transaction(['pages', 'articles', 'corrections'], 'readwrite', what, async (s) => {
      const old = await done(s.pages.get(name));
      let removed = new Set();
      if (old) {
        for (const id of old.ids) s.articles.delete(id);
        if (old.text === text) {
          const kept = await Promise.all(old.ids.map((id) => done(s.corrections.get(id))));
          removed = new Set(kept.filter((c) => c?.removed).map((c) => c.id));
        } else {
          for (const id of old.ids) s.corrections.delete(id);
        }
      }
      s.pages.put({ name, text, modified, ids: articles.map((a) => a.id) });
      for (const a of articles) {
        if (a.file !== name) throw new Error(`article ${a.id} is not of page ${name}`);
        if (!removed.has(a.id)) s.articles.put(a);
      }
    });
  }

  /** All pages ({name, text, modified, ids}), by name. */
  pages() {
    return this.transaction(['pages'], 'readonly', null, (s) => done(s.pages.getAll()));
  }

  /** All articles, by id, as extracted (corrections are kept apart, see `corrections`). */
  articles() {
    return this.transaction(['articles'], 'readonly', null, (s) => done(s.articles.getAll()));
  }

  /** All corrections, by id. */
  corrections() {
    return this.transaction(['corrections'], 'readonly', null, (s) => done(s.corrections.getAll()));
  }

  /** The corrections file `shegong build --corrections` and `extract --corrections` read. */
  async correctionsFile() {
    const articles = (await this.corrections()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { version: CORRECTIONS_VERSION, articles };
  }

  /**
   * Correct an article: `change` holds any of `region` (an object from the gazetteer, or null
   * for none), `programs` (program type ids, best first), `date` (`YYYY`, `YYYY-MM` or
   * `YYYY-MM-DD`, or null); fields left out keep their earlier correction or what extraction
   * found. Resolves with the article's whole correction.
   */
  correct(id, change) {
    const unknown = Object.keys(change).filter((k) => !CHANGES.includes(k));
    if (unknown.length) throw new Error(`cannot correct ${unknown.join(', ')} (only ${CHANGES.join(', ')})`);
    const what = { zh: `${id} 的更正`, en: `the correction of ${id}` };
    return this.transaction(['articles', 'corrections'], 'readwrite', what, async (s) => {
      if (!(await done(s.articles.get(id)))) throw new Error(`没有文章 ${id} (no article ${id} in the collection)`);
      const correction = { ...(await done(s.corrections.get(id))), ...change, id };
      s.corrections.put(correction);
      return correction;
    });
  }

  /** Undo the corrections of an article (extraction's values show again). */
  uncorrect(id) {
    const what = { zh: `${id} 的更正的撤销`, en: `undoing the correction of ${id}` };
    return this.transaction(['corrections'], 'readwrite', what, async (s) => {
      const c = await done(s.corrections.get(id));
      if (c && !c.removed) s.corrections.delete(id);
    });
  }

  /**
   * Remove one article. It stays removed in the corrections (so an export, and `shegong build`
   * with the exported corrections, leave it out too); when it was its page's last article, the
   * page goes with it. Resolves false when there is no such article.
   */
  removeArticle(id) {
    return this.transaction(['pages', 'articles', 'corrections'], 'readwrite', REMOVAL, async (s) => {
      const article = await done(s.articles.get(id));
      if (!article) return false;
      s.articles.delete(id);
      const left = await done(s.articles.index('file').count(article.file));
      if (left === 0) {
        const page = await done(s.pages.get(article.file));
        s.pages.delete(article.file);
        for (const other of page?.ids ?? []) s.corrections.delete(other);
      } else {
        s.corrections.put({ id, removed: true });
      }
      return true;
    });
  }

  /** Remove a page with its articles and their corrections. */
  removePage(name) {
    return this.transaction(['pages', 'articles', 'corrections'], 'readwrite', REMOVAL, async (s) => {
      const page = await done(s.pages.get(name));
      if (!page) return false;
      s.pages.delete(name);
      for (const id of page.ids) {
        s.articles.delete(id);
        s.corrections.delete(id);
      }
      return true;
    });
  }

  /** Remove everything the reader added. */
  removeAll() {
    return this.transaction(['pages', 'articles', 'corrections'], 'readwrite', REMOVAL, (s) => {
      s.pages.clear();
      s.articles.clear();
      s.corrections.clear();
    });
  }

  close() {
    this.db.close();
  }
}
