// The summary's charts as SVG: stacked bars and the trend line. Labels and tooltips are SVG
// text nodes (textContent), never markup.
import { el, svg, svgText, svgTitle } from './dom.js';
import { chartLabel } from './format.js';
/** @import { HistoryPoint, Status } from './types.js' */

/**
 * One bar: its label, its tooltip, its segments (value and the class that colours it), and
 * what a click on it does (none: the bar is not a link).
 * @typedef {{
 *   label: string,
 *   title: string,
 *   segments: readonly { value: number, cls: string }[],
 *   onClick?: () => void,
 * }} Bar
 */

/** A titled chart with its legend. @param {string} title @param {Element} chart @param {Element} legendNode */
export function chartBox(title, chart, legendNode) {
  return el('div', { class: 'chart' }, el('h3', {}, title), chart, legendNode);
}

/** A legend: one coloured key and its word per entry. @param {readonly [key: string, text: string][]} entries @param {...Node} more */
export function legend(entries, ...more) {
  return el(
    'div',
    { class: 'legend' },
    ...entries.map(([key, text]) => el('span', {}, el('i', { class: `k-${key}` }), text)),
    ...more,
  );
}

/** Horizontal stacked bars, one row per item; `empty` when there is none. @param {readonly Bar[]} items @param {string} empty */
export function barChart(items, empty) {
  if (items.length === 0) return el('p', { class: 'small' }, empty);
  const rowH = 20;
  const labelW = 230;
  const width = 640;
  const barW = width - labelW - 50;
  const max = Math.max(1, ...items.map((it) => it.segments.reduce((n, s) => n + s.value, 0)));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${items.length * rowH + 4}`, role: 'img' });
  items.forEach((it, i) => {
    const y = i * rowH + 2;
    const g = svg('g', it.onClick ? { class: 'clickable', tabindex: '0' } : {});
    g.append(
      svgTitle(it.title),
      svgText({ x: labelW - 6, y: y + 13, 'text-anchor': 'end' }, chartLabel(it.label)),
    );
    let x = labelW;
    let total = 0;
    for (const seg of it.segments) {
      if (seg.value <= 0) continue;
      const w = (seg.value / max) * barW;
      g.append(svg('rect', { x, y: y + 2, width: Math.max(w, 1), height: rowH - 6, class: `s-${seg.cls}` }));
      x += w;
      total += seg.value;
    }
    g.append(svgText({ x: x + 4, y: y + 13 }, String(total)));
    const onClick = it.onClick;
    if (onClick) {
      g.addEventListener('click', onClick);
      g.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') onClick();
      });
    }
    chart.append(g);
  });
  return chart;
}

/**
 * FAIL and UNKNOWN over the scans, oldest first; `empty` with fewer than two scans.
 * @param {readonly HistoryPoint[]} points @param {string} empty
 * @param {(point: HistoryPoint, status: Status) => string} tooltip
 */
export function trendChart(points, empty, tooltip) {
  if (points.length < 2) return el('p', { class: 'small' }, empty);
  const width = 640;
  const height = 180;
  const pad = { l: 40, r: 10, t: 10, b: 34 };
  const max = Math.max(1, ...points.map((p) => Math.max(p.byStatus.FAIL, p.byStatus.UNKNOWN)));
  /** @param {number} i */
  const x = (i) => pad.l + (i * (width - pad.l - pad.r)) / (points.length - 1);
  /** @param {number} v */
  const y = (v) => pad.t + (1 - v / max) * (height - pad.t - pad.b);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  chart.append(svg('line', { class: 'axis', x1: pad.l, x2: width - pad.r, y1: y(0), y2: y(0) }));
  chart.append(svgText({ x: pad.l - 4, y: y(max) + 4, 'text-anchor': 'end' }, String(max)));
  for (const s of /** @type {const} */ (['FAIL', 'UNKNOWN'])) {
    chart.append(
      svg('polyline', {
        class: `line-${s}`,
        points: points.map((p, i) => `${x(i)},${y(p.byStatus[s])}`).join(' '),
      }),
    );
    points.forEach((p, i) => {
      chart.append(
        svg('circle', { cx: x(i), cy: y(p.byStatus[s]), r: 3, class: `s-${s}` }, svgTitle(tooltip(p, s))),
      );
    });
  }
  points.forEach((p, i) => {
    const anchor = i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
    chart.append(svgText({ x: x(i), y: height - 16, 'text-anchor': anchor }, String(p.at).slice(0, 10)));
  });
  return chart;
}
