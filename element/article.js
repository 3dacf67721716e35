// The built-in article view: a modal dialog with the clean text, the facts extraction found,
// where the article came from, and a toggle to the original page text (the pages file is
// downloaded the first time a reader asks for it).

import { h, fill, safeHref } from './dom.js';

/**
 * Show `article` under `title` (as the result list showed it) in `dialog`. `view`: { t,
 * programLabel(id), original(id) → Promise<string|undefined> }.
 */
export function showArticle(dialog, article, title, view) {
  const { t } = view;
  const region = regionPath(article).join(' › ');
  const programs = article.programs.map(view.programLabel).join('、');
  const date = dateText(article, t);
  const source = [article.source, article.byline].filter(Boolean).join(' ');
  const link = article.url && safeHref(article.url);
  const fact = (label, value) => (value ? [h('dt', {}, label), h('dd', {}, value)] : null);
  const body = h('div', { class: 'text' }, article.text.split('\n').map((p) => h('p', {}, p)));
  const original = h('div', { class: 'original-box', hidden: true });
  let showing = false;
  const toggle = h('button', {
    type: 'button', class: 'original-toggle', 'data-testid': 'original-toggle', 'aria-pressed': 'false',
    on: {
      click: async () => {
        showing = !showing;
        toggle.setAttribute('aria-pressed', String(showing));
        toggle.textContent = showing ? t.showClean : t.showOriginal;
        body.hidden = showing;
        original.hidden = !showing;
        if (!showing || original.childElementCount) return;
        fill(original, h('p', { class: 'empty', role: 'status' }, t.originalLoading));
        try {
          const text = await view.original(article.id);
          fill(original, text === undefined
            ? h('p', { class: 'empty', 'data-testid': 'original-text' }, t.originalMissing)
            : h('pre', { class: 'original', 'data-testid': 'original-text' }, text));
        } catch (e) {
          fill(original, h('p', { class: 'empty error', 'data-testid': 'original-text', role: 'alert' }, t.originalFailed(e.message)));
        }
      },
    },
  }, t.showOriginal);
  fill(dialog,
    h('button', { type: 'button', class: 'close', 'aria-label': t.close, on: { click: () => dialog.close() } }, '×'),
    h('h2', { part: 'article-title' }, title),
    h('dl', { class: 'facts' },
      fact(t.region, region),
      fact(t.type, programs),
      fact(t.date, date),
      fact(t.source, source),
      fact(t.link, link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, link) : article.url),
      fact(t.file, [article.file, t.bytes(article.span.start, article.span.end)])),
    toggle,
    body,
    original);
  dialog.setAttribute('aria-label', title);
  if (!dialog.open) dialog.showModal();
}

/** Region names from the province down. */
export function regionPath(a) {
  const r = a.region;
  return r ? [r.province, r.city, r.district, r.town].filter(Boolean) : [];
}

/** How the article's date reads. */
export function dateText(a, t) {
  const d = a.date;
  return d ? t.dateText(d.year, d.month, d.day) ?? d.text : null;
}
