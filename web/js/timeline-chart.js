// Inline SVG timeline chart (no library, no network). Entries sit in date order from right (oldest) to
// left (newest), evenly spaced per distinct date so a decade of background and a busy week stay legible;
// a labelled rule marks each new year. Entries of the same date stack; each dot links to its list item.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const SIDE = 36;
/** Room on the left for the newest date's slanted label. */
const LEFT = 72;
const ROW = 16;
const TOP = 34;
const LABEL_SPACE = 64;

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Short label for a date at its precision: "2003", "1/2020", "24/1/2024". */
export function shortDate(date) {
  const [year, month, day] = date.split('-').map(Number);
  if (!month) return String(year);
  if (!day) return `${month}/${year}`;
  return `${day}/${month}/${year}`;
}

/** Distinct dates in ascending order with the entry indices of each. */
export function groupByDate(entries) {
  const groups = new Map();
  entries.forEach((entry, i) => groups.set(entry.date, [...(groups.get(entry.date) ?? []), i]));
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([date, indices]) => ({ date, indices }));
}

function point(entry, i, cx, cy, idFor) {
  const link = svg('a', { href: `#${idFor(i)}`, class: 'point' });
  link.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById(idFor(i))?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  });
  link.append(svg('circle', { cx, cy, r: 6 }), svg('title', {}, `${entry.date}: ${entry.text}`));
  return link;
}

/** The chart for dated `entries` [{date, text}]; `idFor(i)` is the DOM id of entry i's list item. */
export function timelineChart(entries, idFor) {
  const groups = groupByDate(entries);
  const levels = Math.max(1, ...groups.map((g) => g.indices.length));
  const axisY = TOP + levels * ROW + 4;
  const step = groups.length > 1 ? (WIDTH - SIDE - LEFT) / (groups.length - 1) : 0;
  const x = (k) => (groups.length > 1 ? WIDTH - SIDE - k * step : WIDTH / 2);
  const root = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${axisY + LABEL_SPACE}`,
    class: 'timeline-chart',
    role: 'img',
    'aria-label': 'مخطط زمني للأحداث',
    direction: 'ltr',
  });
  root.append(svg('line', { x1: SIDE / 2, x2: WIDTH - SIDE / 2, y1: axisY, y2: axisY, class: 'axis' }));
  let previousYear = null;
  groups.forEach((group, k) => {
    const cx = x(k);
    const year = group.date.slice(0, 4);
    if (year !== previousYear) {
      const rx = k === 0 ? cx + Math.min(step / 2, SIDE / 2) : cx + step / 2;
      root.append(svg('line', { x1: rx, x2: rx, y1: 8, y2: axisY, class: 'year-rule' }));
      root.append(svg('text', { x: rx - 4, y: 20, class: 'year-label', 'text-anchor': 'end' }, year));
      previousYear = year;
    }
    group.indices.forEach((i, level) => root.append(point(entries[i], i, cx, axisY - 10 - level * ROW, idFor)));
    root.append(
      svg(
        'text',
        {
          x: cx,
          y: axisY + 14,
          class: 'tick-label',
          'text-anchor': 'end',
          transform: `rotate(-40 ${cx} ${axisY + 14})`,
        },
        shortDate(group.date),
      ),
    );
  });
  return root;
}
