/**
 * DOM builders. Every document value reaches the page through `textContent` or `setAttribute`
 * on an allow-listed attribute name — never through innerHTML — so a title such as
 * `<img src=x onerror=…>` stays text.
 */

export type Child = Node | string | number | false | null | undefined;
export type Attrs = Record<string, string | number | boolean | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Event handlers, URLs and inline styles never come from attributes (data must not reach them). */
function checkAttr(name: string): void {
  if (/^on/i.test(name) || /^(href|src|srcdoc|action|formaction|xlink:href|style)$/i.test(name)) throw new Error(`attribute "${name}" is not allowed here`);
}

function apply(node: Element, attrs: Attrs | undefined, children: Child[]): void {
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue;
      checkAttr(k);
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(node, children);
}

export function append(node: Node, children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** An HTML element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs?: Attrs, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  apply(node, attrs, children);
  return node;
}

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  apply(node, attrs, children);
  return node;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}
