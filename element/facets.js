// The filter column: selected filters as chips, then the facets the `facets` attribute asks
// for — program types (checkboxes), the region tree (expandable, select at any level) and the
// month histogram (a month, or a range with a second click). Counts come from the search and
// are disjunctive: a facet's counts ignore its own selection.

import { h } from './dom.js';

/** `2024-05` → { year, month }. */
export function parseMonth(s) {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

const monthKey = (ym) => ym.year * 12 + ym.month;
const monthText = (ym) => `${ym.year}-${String(ym.month).padStart(2, '0')}`;

/**
 * The facet column; its controls carry `data-key`s, so focus can return to the same control
 * after the column is drawn again. `view`: { facets, selection, t, shown: ['region', …], programLabel(id),
 * open: Set of expanded region paths, change(fn) — apply fn to the selection and search again,
 * rerender() — draw again without searching }.
 */
export function facetColumn(view) {
  const parts = { program: programFacet, region: regionFacet, date: dateFacet };
  return h('div', { class: 'facets', part: 'facets', role: 'group', 'aria-label': view.t.filters },
    chips(view),
    view.shown.map((name) => parts[name](view)));
}

function chips(view) {
  const { selection: s, t } = view;
  const list = [];
  for (const path of s.regions) {
    list.push([path.split('/').pop(), (sel) => { sel.regions = sel.regions.filter((r) => r !== path); }]);
  }
  for (const id of s.programs) {
    list.push([view.programLabel(id), (sel) => { sel.programs = sel.programs.filter((p) => p !== id); }]);
  }
  if (s.from) {
    const to = s.to ?? s.from;
    const label = monthKey(to) === monthKey(s.from) ? monthText(s.from) : `${monthText(s.from)} – ${monthText(to)}`;
    list.push([label, (sel) => { sel.from = null; sel.to = null; }]);
  }
  if (!list.length) return null;
  return h('div', { class: 'chips' },
    list.map(([label, remove]) => h('button', {
      type: 'button', class: 'chip', part: 'chip', 'data-testid': 'filter-chip',
      title: t.removeFilter, 'aria-label': `${t.removeFilter}：${label}`,
      on: { click: () => view.change(remove) },
    }, label, ' ×')),
    h('button', { type: 'button', class: 'clear', on: { click: () => view.change(clearAll) } }, t.clearAll));
}

/** Remove every filter from a selection. */
export function clearAll(sel) {
  sel.regions = [];
  sel.programs = [];
  sel.from = null;
  sel.to = null;
}

function unknownRow(label, n) {
  return n > 0 ? h('p', { class: 'option unknown' }, h('span', {}, label), h('span', { class: 'n' }, n)) : null;
}

function fieldset(testid, legend, ...body) {
  return h('fieldset', { class: 'facet', part: 'facet', 'data-testid': testid }, h('legend', {}, legend), body);
}

function programFacet(view) {
  const { facets: f, selection: s, t } = view;
  return fieldset('facet-program', t.program,
    f.programs.map(([id, n]) => h('label', { class: 'option' },
      h('input', {
        type: 'checkbox', value: id, checked: s.programs.includes(id), 'data-key': `program:${id}`,
        on: {
          change: () => view.change((sel) => {
            sel.programs = sel.programs.includes(id) ? sel.programs.filter((p) => p !== id) : [...sel.programs, id];
          }),
        },
      }),
      h('span', {}, view.programLabel(id)),
      h('span', { class: 'n' }, n))),
    unknownRow(t.unclassified, f.program_unknown));
}

function regionFacet(view) {
  const { facets: f, t } = view;
  return fieldset('facet-region', t.region,
    h('ul', { class: 'tree' }, regionNodes(view, f.regions)),
    unknownRow(t.unknownRegion, f.region_unknown));
}

function regionNodes(view, nodes) {
  const { selection: s, t, open } = view;
  return nodes.map((node) => {
    // A municipality (上海市) is its own only city: its districts are shown under it, not under
    // a second 上海市; opening it opens that city.
    const [only] = node.children;
    const municipal = node.children.length === 1 && only.name === node.name && !node.hidden;
    const opens = municipal ? only.path : node.path;
    const children = municipal ? only.children : node.children;
    const isOpen = open.has(opens);
    const selected = s.regions.includes(node.path);
    const hasChildren = children.length > 0;
    return h('li', {},
      hasChildren && h('button', {
        type: 'button', class: 'toggle', 'data-key': `toggle:${node.path}`, 'aria-label': `${t.expand} ${node.name}`, 'aria-expanded': String(isOpen),
        on: {
          click: () => {
            if (!open.delete(opens)) open.add(opens);
            view.rerender();
          },
        },
      }, isOpen ? '▾' : '▸'),
      h('button', {
        type: 'button', class: selected ? 'region selected' : 'region', 'aria-pressed': String(selected), 'data-key': `region:${node.path}`,
        on: {
          click: () => view.change((sel) => {
            sel.regions = selected ? sel.regions.filter((r) => r !== node.path) : [...sel.regions, node.path];
          }),
        },
      }, node.name),
      h('span', { class: 'n' }, node.count),
      isOpen && hasChildren && h('ul', {}, regionNodes(view, children)));
  });
}

/** A click on a month: that month alone, or — when one month is chosen already — the range from it to this one. */
function pickMonth(sel, ym) {
  if (sel.from && sel.to && monthKey(sel.from) === monthKey(sel.to) && monthKey(sel.from) !== monthKey(ym)) {
    const [a, b] = monthKey(sel.from) < monthKey(ym) ? [sel.from, ym] : [ym, sel.from];
    sel.from = a;
    sel.to = b;
  } else {
    sel.from = ym;
    sel.to = ym;
  }
}

function dateFacet(view) {
  const { facets: f, selection: s, t } = view;
  const max = Math.max(1, ...f.months.map(([, n]) => n));
  const inside = (ym) => s.from && s.to && monthKey(s.from) <= monthKey(ym) && monthKey(ym) <= monthKey(s.to);
  return fieldset('facet-date', t.date,
    f.months.map(([label, n]) => {
      const ym = parseMonth(label);
      if (!ym) return null;
      const fill = h('span', { class: 'fill' });
      // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
      fill.style.width = `${(100 * n) / max}%`;
      const on = Boolean(inside(ym));
      return h('button', {
        type: 'button', class: on ? 'bar selected' : 'bar', title: t.monthTitle, 'aria-pressed': String(on), 'data-key': `month:${label}`,
        on: { click: () => view.change((sel) => pickMonth(sel, ym)) },
      }, h('span', { class: 'label' }, label), h('span', { class: 'track' }, fill), h('span', { class: 'n' }, n));
    }),
    f.years.map(([y, n]) => h('p', { class: 'option' }, h('span', {}, t.yearOnly(y)), h('span', { class: 'n' }, n))),
    unknownRow(t.unknownDate, f.date_unknown));
}
