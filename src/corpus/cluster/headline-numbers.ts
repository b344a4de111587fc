/**
 * Figures named in headlines («ضبط 751 طربة», «مصرع 12 شخصا»): two formulaic reports of the same kind of incident
 * (seizures, fires, crashes) share every word but their figures. A headline figure the cluster never named vetoes a merge.
 */
import { foldDigits } from '../../text/digits.ts';

/** Figures below this are ignored (counts like «طفلين/3 أشخاص» are revised as reports come in). */
export const MIN_HEADLINE_FIGURE = 10;
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;
// A run of digits with optional thousands separators (, ٬) or a decimal point (. ٫) between digits.
const FIGURE = /\p{Nd}+(?:[,.\u066B\u066C]\p{Nd}+)*/gu;

/** Distinct figures ≥ MIN_HEADLINE_FIGURE in a headline, ASCII digits, separators dropped; years are not figures. */
export function headlineFigures(headline: string | null): string[] {
  if (!headline) return [];
  const found = new Set<string>();
  for (const match of foldDigits(headline).matchAll(FIGURE)) {
    const figure = match[0].replace(/[,\u066C]/g, '').replace(/\u066B/g, '.');
    const value = Number(figure);
    if (!Number.isFinite(value) || value < MIN_HEADLINE_FIGURE) continue;
    if (Number.isInteger(value) && value >= YEAR_MIN && value <= YEAR_MAX && figure.length === 4) continue;
    found.add(figure);
  }
  return [...found];
}

/** True when the article's headline names figures and the cluster's headlines name figures, none of them shared. */
export function figuresConflict(article: readonly string[], cluster: ReadonlySet<string>): boolean {
  return article.length > 0 && cluster.size > 0 && !article.some((f) => cluster.has(f));
}
