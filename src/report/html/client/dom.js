// Building the page from text only. Every text from the findings file reaches the page through
// textContent or createTextNode: resource names, tags and evidence are attacker-controlled.
// Never innerHTML, never a handler attribute, never a URL built from data.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A child of el(): a node, or a string or number (a text node, never markup); nothing for
 * null, undefined, false and ''. Arrays are flattened one level.
 * @typedef {Node | string | number | null | undefined | false} Child
 * @typedef {Child | readonly Child[]} Children
 * @typedef {Readonly<Record<string, string | null | undefined>>} Attributes
 */

/**
 * An element with fixed attributes (null and undefined leave one out) and text-only children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {Attributes} [attrs] @param {...Children} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {}))
    if (v !== undefined && v !== null) node.setAttribute(k, v);
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
  return node;
}

/** Replaces a node's children (the same child rules as el). @param {Element} node @param {...Children} children */
export function fill(node, ...children) {
  node.replaceChildren(...el('div', {}, ...children).childNodes);
}

/**
 * An SVG element; attribute values are numbers or fixed strings, children nodes or text.
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag @param {Readonly<Record<string, string | number>>} [attrs] @param {...(Node | string)} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const child of children)
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** An SVG text element holding `text`. @param {Readonly<Record<string, string | number>>} attrs @param {string} text */
export function svgText(attrs, text) {
  const node = svg('text', attrs);
  node.textContent = text;
  return node;
}

/** An SVG tooltip. @param {string} text */
export function svgTitle(text) {
  const node = svg('title');
  node.textContent = text;
  return node;
}
