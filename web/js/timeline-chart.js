// Inline SVG timeline chart (no library, no network): one dot per entry on a time axis that runs
// right (oldest) to left (newest), like the page's reading direction. Dots link to the entry below.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 900;
const ROW = 18;
const PAD = { side: 40, top: 20, bottom: 36 };

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Milliseconds of the middle of the period "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export function periodMiddle(date) {
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return Date.UTC(year, 6, 1);
  if (!day) return Date.UTC(year, month - 1, 15);
  return Date.UTC(year, month - 1, day);
}

/** Ticks: years when the span is long, months otherwise. */
function ticks(min, max) {
  const years = (max - min) / (365.25 * 864e5);
  const out = [];
  const start = new Date(min);
  if (years > 2) {
    for (let y = start.getUTCFullYear(); Date.UTC(y, 0, 1) <= max; y++) if (Date.UTC(y, 0, 1) >= min) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
  } else {
    const step = years > 1 ? 3 : 1;
    for (let m = start.getUTCMonth(), y = start.getUTCFullYear(); Date.UTC(y, m, 1) <= max; m += step) {
      const t = Date.UTC(y, m, 1);
      if (t >= min) out.push({ t, label: `${new Date(t).getUTCMonth() + 1}/${new Date(t).getUTCFullYear()}` });
    }
  }
  return out;
}

/**
 * The chart for `entries` [{date, text}] (dated only). `idFor(i)` gives the DOM id of entry i's list item.
 */
export function timelineChart(entries, idFor) {
  const dated = entries.map((e, i) => ({ ...e, i, t: periodMiddle(e.date) }));
  const first = Math.min(...dated.map((e) => e.t));
  const last = Math.max(...dated.map((e) => e.t));
  // At least two months wide, centred on the entries, so one date does not sit on the edge.
  const span = Math.max(last - first, 864e5 * 60);
  const min = first - (span - (last - first)) / 2;
  const x = (t) => WIDTH - PAD.side - ((t - min) / span) * (WIDTH - 2 * PAD.side);
  const stack = new Map();
  const placed = dated.map((e) => {
    const key = Math.round(x(e.t) / 12);
    const level = stack.get(key) ?? 0;
    stack.set(key, level + 1);
    return { ...e, cx: x(e.t), level };
  });
  const levels = Math.max(1, ...stack.values());
  const axisY = PAD.top + levels * ROW;
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${axisY + PAD.bottom}`, class: 'timeline-chart', role: 'img', 'aria-label': 'مخطط زمني للأحداث' });
  root.append(svg('line', { x1: PAD.side / 2, x2: WIDTH - PAD.side / 2, y1: axisY, y2: axisY, class: 'axis' }));
  for (const tick of ticks(min, min + span)) {
    const tx = x(tick.t);
    root.append(svg('line', { x1: tx, x2: tx, y1: axisY, y2: axisY + 5, class: 'tick' }));
    root.append(svg('text', { x: tx, y: axisY + 20, class: 'tick-label', 'text-anchor': 'middle' }, tick.label));
  }
  for (const e of placed) {
    const link = svg('a', { href: `#${idFor(e.i)}`, class: 'point' });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      document.getElementById(idFor(e.i))?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    });
    link.append(svg('circle', { cx: e.cx, cy: axisY - 8 - e.level * ROW, r: 6 }));
    link.append(svg('title', {}, `${e.date}: ${e.text}`));
    root.append(link);
  }
  return root;
}
