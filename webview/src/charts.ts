/**
 * Charts as plain SVG built with DOM calls, no charting library. Why: the dashboards need
 * horizontal bars, stacked bars, a Gantt strip and a grid — a few hundred lines here versus
 * 200+ KB for a general library — and plain SVG is accessible where canvas is not: each chart
 * is `role="img"` with a `<title>` and a `<desc>` that states the numbers, values are printed
 * as text beside the bars (colour is never the only signal), every chart has a table behind it,
 * and colours come from CSS classes mapped to VS Code theme variables, so light, dark and
 * high-contrast themes apply without re-rendering.
 */
import type { SourceRef } from '../../src/core/dashboard/types';
import { displayWidth, truncate } from '../../src/core/format/text';
import { s } from './dom';
import { allWhole, niceTicks } from './ticks';

export type Colour = 'green' | 'yellow' | 'red' | 'blue' | 'orange' | 'purple' | 'grey';

export interface Segment {
  value: number;
  colour: Colour;
}

export interface Marker {
  value: number;
  label: string;
}

export interface BarRow {
  label: string;
  /** Printed right of the plot. */
  value: string;
  /** One thin bar per entry (grouped); each bar stacks its segments. */
  bars: Segment[][];
  markers?: Marker[];
  /** Hover text. */
  tooltip?: string;
  ref?: SourceRef;
}

export interface ChartBase {
  title: string;
  /** The numbers in words, for screen readers. */
  desc: string;
  onOpen?: (ref: SourceRef) => void;
}

export interface BarChartSpec extends ChartBase {
  rows: BarRow[];
  max?: number;
  tick: (v: number) => string;
}

const WIDTH = 760;
const LABEL_W = 210;
const PLOT_X = LABEL_W + 8;
/** Rough width of 11.5px text per character, to size the label and value columns. */
const CHAR_W = 7.2;
let chartSeq = 0;

/** Columns, not UTF-16 units: a CJK character is about twice as wide as a Latin one. */
const textWidth = (texts: string[], min: number, max: number) => Math.round(Math.min(max, Math.max(min, ...texts.map((t) => displayWidth(t) * CHAR_W + 10))));

function frame(spec: ChartBase, height: number): SVGSVGElement {
  const id = `chart-${++chartSeq}`;
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: WIDTH,
    height,
    role: 'img',
    'aria-labelledby': `${id}-t ${id}-d`,
    class: 'chart',
    preserveAspectRatio: 'xMinYMin meet',
  });
  svg.appendChild(s('title', { id: `${id}-t` }, spec.title));
  svg.appendChild(s('desc', { id: `${id}-d` }, spec.desc));
  return svg;
}

function clickable(g: SVGGElement, ref: SourceRef | undefined, onOpen: ((ref: SourceRef) => void) | undefined): void {
  if (!ref || !onOpen) return;
  // Mouse convenience only: keyboard users reach the same rows through the table view.
  g.setAttribute('class', `${g.getAttribute('class') ?? ''} hit`.trim());
  g.addEventListener('click', () => onOpen(ref));
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  const m = v / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
}

/** Horizontal bars: one row per item, optional grouped bars, stacked segments and markers. */
export function barChart(spec: BarChartSpec): SVGSVGElement {
  const barH = (n: number) => (n <= 1 ? 14 : 9);
  const rowH = (r: BarRow) => Math.max(22, r.bars.length * (barH(r.bars.length) + 2) + 8);
  const top = 22;
  const height = top + spec.rows.reduce((t, r) => t + rowH(r), 0) + 6;
  const svg = frame(spec, height);
  const dataMax = Math.max(
    0,
    ...spec.rows.flatMap((r) => [...r.bars.map((b) => b.reduce((t, x) => t + Math.max(0, x.value), 0)), ...(r.markers ?? []).map((m) => m.value)]),
  );
  const max = spec.max ?? niceMax(dataMax);
  const labelW = textWidth(
    spec.rows.map((r) => truncate(r.label, 30)),
    60,
    LABEL_W,
  );
  const valueW = textWidth(
    spec.rows.map((r) => r.value),
    60,
    320,
  );
  const plotX = labelW + 8;
  const plotW = WIDTH - plotX - valueW - 12;
  const x = (v: number) => plotX + (Math.max(0, Math.min(v, max)) / max) * plotW;
  const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
  const values = spec.rows.flatMap((r) => r.bars.flatMap((b) => b.map((x) => x.value)));
  const ticks = niceTicks(max, allWhole(values));
  ticks.forEach((v, i) => {
    axis.appendChild(s('line', { x1: x(v), x2: x(v), y1: top - 4, y2: height - 4, class: 'grid' }));
    axis.appendChild(s('text', { x: x(v), y: top - 8, 'text-anchor': i === 0 ? 'start' : 'middle', class: 'tick' }, spec.tick(v)));
  });
  svg.appendChild(axis);
  let y = top;
  for (const r of spec.rows) {
    const h = rowH(r);
    const g = s('g', { class: 'row' });
    if (r.tooltip) g.appendChild(s('title', {}, r.tooltip));
    g.appendChild(s('rect', { x: 0, y, width: WIDTH, height: h, class: 'row-bg' }));
    g.appendChild(s('text', { x: labelW, y: y + h / 2 + 4, 'text-anchor': 'end', class: 'label' }, truncate(r.label, 30)));
    const bh = barH(r.bars.length);
    let by = y + (h - (r.bars.length * (bh + 2) - 2)) / 2;
    for (const bar of r.bars) {
      let acc = 0;
      for (const seg of bar) {
        if (seg.value <= 0) continue;
        const x0 = x(acc);
        acc += seg.value;
        g.appendChild(s('rect', { x: x0, y: by, width: Math.max(1, x(acc) - x0), height: bh, class: `bar fill-${seg.colour}` }));
      }
      by += bh + 2;
    }
    for (const m of r.markers ?? []) {
      const mx = x(m.value);
      g.appendChild(s('line', { x1: mx, x2: mx, y1: y + 2, y2: y + h - 2, class: 'marker' }, s('title', {}, m.label)));
    }
    g.appendChild(s('text', { x: WIDTH - valueW, y: y + h / 2 + 4, class: 'value' }, r.value));
    clickable(g, r.ref, spec.onOpen);
    svg.appendChild(g);
    y += h;
  }
  return svg;
}

export interface GanttRow {
  label: string;
  sub?: string;
  start?: string;
  end?: string;
  colour: Colour;
  milestones: { date: string; state: 'done' | 'open' | 'overdue'; label: string }[];
  tooltip?: string;
  ref?: SourceRef;
}

export interface GanttSpec extends ChartBase {
  start: string;
  end: string;
  today: string;
  todayLabel: string;
  rows: GanttRow[];
  month: (iso: string) => string;
}

const dayMs = 86400000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / dayMs;

/** Projects as bars from start to due on a date axis, milestones as diamonds, a line at today. */
export function ganttChart(spec: GanttSpec): SVGSVGElement {
  const rowH = 26;
  const top = 34;
  const height = top + spec.rows.length * rowH + 8;
  const svg = frame(spec, height);
  const d0 = toDays(spec.start);
  const d1 = Math.max(toDays(spec.end), d0 + 1);
  const plotW = WIDTH - PLOT_X - 12;
  const x = (iso: string) => PLOT_X + ((toDays(iso) - d0) / (d1 - d0)) * plotW;
  const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
  const first = new Date(`${spec.start}T00:00:00Z`);
  const cursor = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
  const months: string[] = [];
  while (cursor.getTime() / dayMs <= d1) {
    months.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  // Label every 1, 2, 3, 6 or 12 months, aligned to January, so at most ten labels show.
  const every = [1, 2, 3, 6, 12, 24].find((n) => months.length / n <= 10) ?? 24;
  months.forEach((m) => {
    const month = Number(m.slice(5, 7)) - 1 + Number(m.slice(0, 4)) * 12;
    if (toDays(m) < d0 || month % every !== 0 || x(m) + 52 > WIDTH) return;
    axis.appendChild(s('line', { x1: x(m), x2: x(m), y1: top - 6, y2: height - 4, class: 'grid' }));
    axis.appendChild(s('text', { x: x(m) + 2, y: top - 10, class: 'tick' }, spec.month(m)));
  });
  svg.appendChild(axis);
  spec.rows.forEach((r, i) => {
    const y = top + i * rowH;
    const g = s('g', { class: 'row' });
    if (r.tooltip) g.appendChild(s('title', {}, r.tooltip));
    g.appendChild(s('rect', { x: 0, y, width: WIDTH, height: rowH, class: 'row-bg' }));
    g.appendChild(s('text', { x: LABEL_W, y: y + rowH / 2 + 4, 'text-anchor': 'end', class: 'label' }, truncate(r.label, 30)));
    if (r.start || r.end) {
      const a = x(r.start ?? r.end ?? spec.start);
      const b = x(r.end ?? spec.end);
      g.appendChild(s('rect', { x: a, y: y + 7, width: Math.max(2, b - a), height: rowH - 14, rx: 2, class: `bar fill-${r.colour}` }));
    }
    for (const m of r.milestones) {
      const mx = x(m.date);
      const cy = y + rowH / 2;
      g.appendChild(
        s(
          'path',
          { d: `M ${mx} ${cy - 6} L ${mx + 6} ${cy} L ${mx} ${cy + 6} L ${mx - 6} ${cy} Z`, class: `milestone ms-${m.state}` },
          s('title', {}, m.label),
        ),
      );
    }
    clickable(g, r.ref, spec.onOpen);
    svg.appendChild(g);
  });
  const tx = x(spec.today);
  svg.appendChild(s('line', { x1: tx, x2: tx, y1: top - 20, y2: height - 2, class: 'today' }));
  const nearEnd = tx + displayWidth(spec.todayLabel) * CHAR_W > WIDTH;
  svg.appendChild(s('text', { x: nearEnd ? tx - 3 : tx + 3, y: 11, 'text-anchor': nearEnd ? 'end' : 'start', class: 'today-label' }, spec.todayLabel));
  return svg;
}

export interface GridCell {
  text: string;
  colour: Colour;
  tooltip: string;
  ref?: SourceRef;
}

export interface GridSpec extends ChartBase {
  rows: { key: string; label: string }[];
  cols: { key: string; label: string }[];
  cell: (row: string, col: string) => GridCell | undefined;
}

/** A matrix of coloured cells with their values printed (training compliance by region × role). */
export function gridChart(spec: GridSpec): SVGSVGElement {
  const cellH = 30;
  const top = 84;
  // Column labels are rotated and run to the right: keep room for the last one.
  const colW = Math.min(110, (WIDTH - LABEL_W - 130) / Math.max(1, spec.cols.length));
  const height = top + spec.rows.length * cellH + 6;
  const svg = frame(spec, height);
  spec.cols.forEach((c, j) => {
    const cx = LABEL_W + 10 + j * colW + colW / 2;
    svg.appendChild(
      s('text', { x: cx, y: top - 8, 'text-anchor': 'start', class: 'tick col-label', transform: `rotate(-35 ${cx} ${top - 8})` }, truncate(c.label, 20)),
    );
  });
  spec.rows.forEach((r, i) => {
    const y = top + i * cellH;
    svg.appendChild(s('text', { x: LABEL_W, y: y + cellH / 2 + 4, 'text-anchor': 'end', class: 'label' }, truncate(r.label, 30)));
    spec.cols.forEach((c, j) => {
      const cell = spec.cell(r.key, c.key);
      const cx = LABEL_W + 10 + j * colW;
      if (!cell) {
        svg.appendChild(s('rect', { x: cx + 2, y: y + 2, width: colW - 4, height: cellH - 4, class: 'cell-empty' }));
        return;
      }
      const g = s('g', { class: 'row' }, s('title', {}, cell.tooltip));
      g.appendChild(s('rect', { x: cx + 2, y: y + 2, width: colW - 4, height: cellH - 4, rx: 2, class: `cell fill-${cell.colour}` }));
      g.appendChild(s('text', { x: cx + colW / 2, y: y + cellH / 2 + 4, 'text-anchor': 'middle', class: 'cell-text' }, cell.text));
      clickable(g, cell.ref, spec.onOpen);
      svg.appendChild(g);
    });
  });
  return svg;
}

export interface LineSeries {
  label: string;
  colour: Colour;
  points: { x: number; y: number }[];
  /** Dashed: a forecast or an expectation, not a measurement. */
  dashed?: boolean;
  /** Dots on the points (measurements). */
  dots?: boolean;
}

/** One small chart of a set: its own title, x range and ticks, and its lines. */
export interface LinePanel {
  title: string;
  /** x domain (days from the period's first day, months…). */
  xMax: number;
  xTicks: { x: number; label: string }[];
  series: LineSeries[];
  /** Printed under the panel's title (e.g. `forecast 868K, 87 %`). */
  caption?: string;
  tooltip?: string;
  ref?: SourceRef;
  /** A link at the panel's top right (e.g. `contributors ▾`), by mouse or keyboard; it does not open the source. */
  action?: { label: string; run: () => void };
}

export interface SmallMultiplesSpec extends ChartBase {
  panels: LinePanel[];
  tick: (v: number) => string;
  /** Panels to a row (default 2). */
  cols?: number;
  /** One y scale for every panel (from 0 to this), so panels compare by height; default: each its own. */
  yMax?: number;
}

/** The y value every panel of a set can share: the round maximum over all their lines. */
export function sharedMax(panels: readonly LinePanel[]): number {
  return niceMax(Math.max(0, ...panels.flatMap((p) => p.series.flatMap((l) => l.points.map((q) => q.y)))));
}

/**
 * Small line charts side by side, two to a row, each on its own scale from 0: KPI trends
 * (actuals, forecast dashed to the period end, the expected path) and budget burn (cumulative
 * spend against the phasing). The numbers are in `desc` and in the table behind the chart.
 */
export function smallMultiples(spec: SmallMultiplesSpec): SVGSVGElement {
  const cols = Math.max(1, spec.cols ?? 2);
  const panelW = WIDTH / cols;
  // Titles and captions fit the panel: about one column of text per 6.5 px.
  const fit = Math.max(12, Math.floor((panelW - 16) / 6.5));
  const panelH = 190;
  const rows = Math.max(1, Math.ceil(spec.panels.length / cols));
  const svg = frame(spec, rows * panelH);
  spec.panels.forEach((p, i) => {
    const ox = (i % cols) * panelW;
    const oy = Math.floor(i / cols) * panelH;
    const g = s('g', { class: 'row panel' });
    if (p.tooltip) g.appendChild(s('title', {}, p.tooltip));
    g.appendChild(s('rect', { x: ox, y: oy, width: panelW, height: panelH, class: 'row-bg' }));
    const actionW = p.action ? displayWidth(p.action.label) * 6.2 + 8 : 0;
    g.appendChild(s('text', { x: ox + 8, y: oy + 16, class: 'label' }, truncate(p.title, Math.max(8, fit - 2 - Math.ceil(actionW / 6.5)))));
    if (p.caption) g.appendChild(s('text', { x: ox + 8, y: oy + 31, class: 'tick' }, truncate(p.caption, Math.round(fit * 1.1))));
    const left = ox + 56;
    const right = ox + panelW - 14;
    const top = oy + 42;
    const bottom = oy + panelH - 24;
    const ys = p.series.flatMap((l) => l.points.map((q) => q.y));
    const yMax = spec.yMax ?? niceMax(Math.max(0, ...ys));
    const x = (v: number) => left + (Math.max(0, Math.min(v, p.xMax)) / Math.max(1, p.xMax)) * (right - left);
    const y = (v: number) => bottom - (Math.max(0, Math.min(v, yMax)) / yMax) * (bottom - top);
    const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
    for (const v of niceTicks(yMax, allWhole(ys))) {
      axis.appendChild(s('line', { x1: left, x2: right, y1: y(v), y2: y(v), class: 'grid' }));
      axis.appendChild(s('text', { x: left - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, spec.tick(v)));
    }
    for (const t of p.xTicks) axis.appendChild(s('text', { x: x(t.x), y: bottom + 15, 'text-anchor': 'middle', class: 'tick' }, t.label));
    g.appendChild(axis);
    for (const l of p.series) {
      if (l.points.length === 0) continue;
      const d = l.points.map((q, k) => `${k === 0 ? 'M' : 'L'}${x(q.x).toFixed(1)},${y(q.y).toFixed(1)}`).join(' ');
      g.appendChild(s('path', { d, class: `line stroke-${l.colour}${l.dashed ? ' dashed' : ''}` }, s('title', {}, l.label)));
      if (l.dots) for (const q of l.points) g.appendChild(s('circle', { cx: x(q.x), cy: y(q.y), r: 2.5, class: `dot fill-${l.colour}` }));
    }
    clickable(g, p.ref, spec.onOpen);
    svg.appendChild(g);
    if (p.action) svg.appendChild(panelAction(p.action, ox + panelW - 8, oy + 16));
  });
  return svg;
}

/** A text link in a chart, focusable, run by click, Enter or Space (never the panel's own click). */
function panelAction(action: { label: string; run: () => void }, x: number, y: number): SVGElement {
  const t = s('text', { x, y, 'text-anchor': 'end', class: 'action hit', tabindex: 0, role: 'button' }, action.label);
  t.addEventListener('click', (e) => {
    e.stopPropagation();
    action.run();
  });
  t.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (key !== 'Enter' && key !== ' ') return;
    e.preventDefault();
    action.run();
  });
  return t;
}
