/**
 * Arabic cardinal number words, keyed by normalised form (alef folded, no tashkeel): «خمسة وعشرون» → 25,
 * «ثلاثة آلاف» → 3000, «مئتين» → 200. Vague amounts («عشرات», «آلاف») are in vague.ts.
 */

/** Additive words: units, teens parts, tens and hundreds. */
export const NUMBER_VALUES: ReadonlyMap<string, number> = new Map([
  ['واحد', 1],
  ['واحدة', 1],
  ['اثنان', 2],
  ['اثنين', 2],
  ['اثنتان', 2],
  ['اثنتين', 2],
  ['اثنا', 2],
  ['اثني', 2],
  ['اثنتا', 2],
  ['احد', 1],
  ['احدي', 1],
  ['ثلاث', 3],
  ['ثلاثة', 3],
  ['اربع', 4],
  ['اربعة', 4],
  ['خمس', 5],
  ['خمسة', 5],
  ['ست', 6],
  ['ستة', 6],
  ['سبع', 7],
  ['سبعة', 7],
  ['ثمان', 8],
  ['ثماني', 8],
  ['ثمانية', 8],
  ['تسع', 9],
  ['تسعة', 9],
  ['عشر', 10],
  ['عشرة', 10],
  ['عشرون', 20],
  ['عشرين', 20],
  ['ثلاثون', 30],
  ['ثلاثين', 30],
  ['اربعون', 40],
  ['اربعين', 40],
  ['خمسون', 50],
  ['خمسين', 50],
  ['ستون', 60],
  ['ستين', 60],
  ['سبعون', 70],
  ['سبعين', 70],
  ['ثمانون', 80],
  ['ثمانين', 80],
  ['تسعون', 90],
  ['تسعين', 90],
  ['مئة', 100],
  ['مائة', 100],
  ['مئتان', 200],
  ['مئتين', 200],
  ['مائتان', 200],
  ['مائتين', 200],
  ['ثلاثمئة', 300],
  ['ثلاثمائة', 300],
  ['اربعمئة', 400],
  ['اربعمائة', 400],
  ['خمسمئة', 500],
  ['خمسمائة', 500],
  ['ستمئة', 600],
  ['ستمائة', 600],
  ['سبعمئة', 700],
  ['سبعمائة', 700],
  ['ثمانمئة', 800],
  ['ثمانمائة', 800],
  ['تسعمئة', 900],
  ['تسعمائة', 900],
]);

/** Multiplying words: «ثلاثة آلاف» = 3 × 1000; alone, «ألف» = 1000. Duals carry their own 2×. */
export const SCALE_VALUES: ReadonlyMap<string, number> = new Map([
  ['الف', 1e3],
  ['الفا', 1e3],
  ['الاف', 1e3],
  ['الفان', 2e3],
  ['الفين', 2e3],
  ['مليون', 1e6],
  ['مليونا', 1e6],
  ['ملايين', 1e6],
  ['مليونان', 2e6],
  ['مليونين', 2e6],
  ['مليار', 1e9],
  ['مليارا', 1e9],
  ['مليارات', 1e9],
  ['ملياران', 2e9],
  ['مليارين', 2e9],
  ['بليون', 1e9],
  ['تريليون', 1e12],
]);

/** Plural scales need a multiplier 3–10 before them: «آلاف» alone is the vague "thousands". */
const PLURAL_SCALES: ReadonlySet<string> = new Set(['الاف', 'ملايين', 'مليارات']);
const DUAL_SCALES: ReadonlySet<string> = new Set(['الفان', 'الفين', 'مليونان', 'مليونين', 'ملياران', 'مليارين']);
/** «أحد» / «إحدى» mean "one of" unless followed by «عشر(ة)». */
const TEEN_ONLY: ReadonlySet<string> = new Set(['احد', 'احدي', 'اثنا', 'اثني', 'اثنتا']);

const ALL_WORDS = [...NUMBER_VALUES.keys(), ...SCALE_VALUES.keys()].sort((a, b) => b.length - a.length);
/** One number word, optionally with the conjunction «و» attached («وعشرون»). */
export const NUMBER_WORD = `(?:و?(?:${ALL_WORDS.join('|')}))(?![\\p{L}\\p{M}\\p{N}])`;
/** A run of number words: «ثلاثة آلاف وخمسمئة», «خمسة وعشرين». Callers add the start boundary. */
export const NUMBER_WORDS = `${NUMBER_WORD}(?:\\s{1,3}${NUMBER_WORD}){0,5}`;

/** Arabic orders a compound number hundreds, units, tens: «مئة وخمسة وعشرون»; «عشرة وتسع» is not one number. */
type Rank = 'none' | 'hundred' | 'unit' | 'ten' | 'teen';
const FOLLOWS: ReadonlyMap<Rank, ReadonlySet<Rank>> = new Map<Rank, ReadonlySet<Rank>>([
  ['none', new Set<Rank>(['hundred', 'unit', 'ten'])],
  ['hundred', new Set<Rank>(['unit', 'ten'])],
  ['unit', new Set<Rank>(['ten'])],
  ['ten', new Set<Rank>()],
  ['teen', new Set<Rank>()],
]);

/** Value of a run of normalised number words, or null when the run is not a well-formed number. */
export function parseNumberWords(run: string): number | null {
  const words = run
    .trim()
    .split(/\s+/u)
    .map((word) =>
      word.length > 2 && word.startsWith('و') && !NUMBER_VALUES.has(word) && !SCALE_VALUES.has(word)
        ? word.slice(1)
        : word,
    );
  let total = 0;
  let current = 0;
  let last: Rank = 'none';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (TEEN_ONLY.has(word) && next !== 'عشر' && next !== 'عشرة') return null;
    const additive = NUMBER_VALUES.get(word);
    if (additive !== undefined) {
      const isTeen: boolean = (word === 'عشر' || word === 'عشرة') && last === 'unit';
      const rank: Rank = isTeen ? 'teen' : additive >= 100 ? 'hundred' : additive >= 20 ? 'ten' : 'unit';
      if (!isTeen && !FOLLOWS.get(last)!.has(rank)) return null;
      current += isTeen ? 10 : additive;
      last = rank;
      continue;
    }
    last = 'none';
    const scale = SCALE_VALUES.get(word);
    if (scale === undefined) return null;
    if (PLURAL_SCALES.has(word) && (current < 3 || current > 10)) return null;
    if (DUAL_SCALES.has(word)) {
      if (current !== 0) return null;
      total += scale;
      continue;
    }
    total += (current === 0 ? 1 : current) * scale;
    current = 0;
  }
  const value = total + current;
  return value > 0 ? value : null;
}
