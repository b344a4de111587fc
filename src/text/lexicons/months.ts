/**
 * Month and weekday names in every system Arabic news uses, keyed by normalised form
 * (see text/normalize.ts: alef forms folded, ى→ي, no tashkeel). Frozen data, no logic.
 * Gregorian: Egyptian/Gulf (يناير), Levantine/Iraqi Syriac (كانون الثاني), Maghrebi (جانفي, يناير/ينير).
 */

/** Gregorian month names → month number 1–12. Multi-word names use a single space. */
export const GREGORIAN_MONTHS: ReadonlyMap<string, number> = new Map([
  // 1 January
  ['يناير', 1],
  ['كانون الثاني', 1],
  ['جانفي', 1],
  ['جانفييه', 1],
  ['ينير', 1],
  ['كانون ثاني', 1],
  // 2 February
  ['فبراير', 2],
  ['شباط', 2],
  ['فيفري', 2],
  ['فبرير', 2],
  ['فبراير', 2],
  // 3 March
  ['مارس', 3],
  ['اذار', 3],
  ['مارش', 3],
  // 4 April
  ['ابريل', 4],
  ['نيسان', 4],
  ['افريل', 4],
  ['ابريل', 4],
  // 5 May
  ['مايو', 5],
  ['ايار', 5],
  ['ماي', 5],
  ['مايس', 5],
  // 6 June
  ['يونيو', 6],
  ['يونيه', 6],
  ['حزيران', 6],
  ['جوان', 6],
  ['يونيوز', 6],
  // 7 July
  ['يوليو', 7],
  ['يوليه', 7],
  ['تموز', 7],
  ['جويلية', 7],
  ['يوليوز', 7],
  ['جويليه', 7],
  // 8 August
  ['اغسطس', 8],
  ['اب', 8],
  ['اوت', 8],
  ['غشت', 8],
  ['اغسطوس', 8],
  // 9 September
  ['سبتمبر', 9],
  ['ايلول', 9],
  ['شتنبر', 9],
  ['سيبتمبر', 9],
  // 10 October
  ['اكتوبر', 10],
  ['تشرين الاول', 10],
  ['اكتوبر', 10],
  ['تشرين اول', 10],
  // 11 November
  ['نوفمبر', 11],
  ['تشرين الثاني', 11],
  ['نونبر', 11],
  ['تشرين ثاني', 11],
  ['نوفمبر', 11],
  // 12 December
  ['ديسمبر', 12],
  ['كانون الاول', 12],
  ['دجنبر', 12],
  ['كانون اول', 12],
  ['دیسمبر', 12],
]);

/** English month names and abbreviations (lower-case) → month number. */
export const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** Hijri month names → month number 1–12. */
export const HIJRI_MONTHS: ReadonlyMap<string, number> = new Map([
  ['محرم', 1],
  ['صفر', 2],
  ['ربيع الاول', 3],
  ['ربيع الثاني', 4],
  ['ربيع الاخر', 4],
  ['جمادي الاولي', 5],
  ['جمادي الاول', 5],
  ['جمادي الثانية', 6],
  ['جمادي الاخرة', 6],
  ['جمادي الثاني', 6],
  ['رجب', 7],
  ['شعبان', 8],
  ['رمضان', 9],
  ['شوال', 10],
  ['ذو القعدة', 11],
  ['ذي القعدة', 11],
  ['ذو الحجة', 12],
  ['ذي الحجة', 12],
]);

/** Weekday names → JS `Date.getUTCDay()` number (Sunday = 0). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['الاحد', 0],
  ['احد', 0],
  ['الاثنين', 1],
  ['اثنين', 1],
  ['الثلاثاء', 2],
  ['ثلاثاء', 2],
  ['الاربعاء', 3],
  ['اربعاء', 3],
  ['الخميس', 4],
  ['خميس', 4],
  ['الجمعة', 5],
  ['جمعة', 5],
  ['السبت', 6],
  ['سبت', 6],
]);

/** English weekday names (lower-case) → `getUTCDay()` number. */
export const ENGLISH_WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0],
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
]);

/** Arabic ordinal day words used in dates («السابع من أكتوبر») → day number. */
export const ORDINAL_DAYS: ReadonlyMap<string, number> = new Map([
  ['الاول', 1],
  ['الثاني', 2],
  ['الثالث', 3],
  ['الرابع', 4],
  ['الخامس', 5],
  ['السادس', 6],
  ['السابع', 7],
  ['الثامن', 8],
  ['التاسع', 9],
  ['العاشر', 10],
  ['الحادي عشر', 11],
  ['الثاني عشر', 12],
  ['الثالث عشر', 13],
  ['الرابع عشر', 14],
  ['الخامس عشر', 15],
  ['السادس عشر', 16],
  ['السابع عشر', 17],
  ['الثامن عشر', 18],
  ['التاسع عشر', 19],
  ['العشرين', 20],
  ['الحادي والعشرين', 21],
  ['الثاني والعشرين', 22],
  ['الثالث والعشرين', 23],
  ['الرابع والعشرين', 24],
  ['الخامس والعشرين', 25],
  ['السادس والعشرين', 26],
  ['السابع والعشرين', 27],
  ['الثامن والعشرين', 28],
  ['التاسع والعشرين', 29],
  ['الثلاثين', 30],
  ['الحادي والثلاثين', 31],
]);

/** Longest names first, for building alternations that prefer «كانون الثاني» over «كانون». */
export function namesLongestFirst(map: ReadonlyMap<string, number>): string[] {
  return [...new Set(map.keys())].sort((a, b) => b.length - a.length);
}
