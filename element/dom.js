// Building DOM nodes without ever parsing HTML: every string becomes a text node or an
// attribute value, so article text, titles and file names can never become markup.

/**
 * Create an element. `props`: attributes (a `true` value gives an empty attribute; `null`,
 * `undefined` and `false` leave it out), `on: { event: handler }`. Children are nodes or
 * strings (text); arrays are flattened, `null`/`false` skipped.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (value !== null && value !== undefined && value !== false) {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Append nodes and strings (as text) to `parent`. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace the children of `parent`. */
export function fill(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}

/** `url` if it is an absolute http(s) address; anything else (`javascript:`, `data:`) is not a link. */
export function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
