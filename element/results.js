// The result column: the count, the hits with their region, date, program types and
// highlighted snippet, the pager, and what to do when nothing is found.

import { h } from './dom.js';
import { regionPath, dateText } from './article.js';

/**
 * The result column. `view`: { results, articles (id → article), page, pages, t, programLabel(id),
 * href(id) → string|null, select(hit, article, event), goTo(page), clearFilters (or null) }.
 */
export function resultColumn(view) {
  const { results: r, t } = view;
  return h('section', { class: 'hits', part: 'results', 'aria-label': t.results },
    h('p', { class: 'count', 'data-testid': 'result-count', role: 'status' }, t.count(r.total)),
    h('ol', { class: 'list', 'data-testid': 'result-list', start: view.page * view.limit + 1 },
      r.hits.map((hit) => item(view, hit, view.articles.get(hit.id)))),
    pager(view),
    r.total === 0 && h('div', { class: 'empty' },
      h('p', {}, t.noResults),
      view.clearFilters && h('button', { type: 'button', class: 'clear-filters', on: { click: view.clearFilters } }, t.removeFilters)));
}

function item(view, hit, article) {
  const { t } = view;
  const href = view.href(hit.id);
  const open = href
    ? h('a', { class: 'open', part: 'result-title', href, on: { click: (e) => view.select(hit, article, e) } }, hit.title)
    : h('button', { type: 'button', class: 'open', part: 'result-title', on: { click: (e) => view.select(hit, article, e) } }, hit.title);
  const region = [...new Set(regionPath(article))].join(' › ');
  const date = dateText(article, t);
  return h('li', { class: 'result', part: 'result', 'data-testid': 'result-item', 'data-article-id': hit.id },
    h('h3', {}, open),
    h('p', { class: 'meta' },
      region && h('span', { class: 'place' }, region),
      date && h('span', { class: 'date' }, date),
      article.programs.map((p) => h('span', { class: 'program', part: 'program' }, view.programLabel(p)))),
    h('p', { class: 'snippet', part: 'snippet' },
      hit.snippet.map((s) => (s.highlight ? h('mark', { part: 'mark' }, s.text) : s.text))));
}

function pager(view) {
  const { t, page, pages } = view;
  if (pages <= 1) return null;
  return h('nav', { class: 'pager', part: 'pager', 'data-testid': 'pager', 'aria-label': t.pages },
    h('button', { type: 'button', 'data-key': 'pager:previous', disabled: page === 0, on: { click: () => view.goTo(page - 1) } }, t.previous),
    h('span', { 'aria-current': 'page' }, t.pageOf(page + 1, pages)),
    h('button', { type: 'button', 'data-key': 'pager:next', disabled: page >= pages - 1, on: { click: () => view.goTo(page + 1) } }, t.next));
}
