/** Calendar checks shared by every boundary that accepts a date from outside (CLI options, API query). */

/** True when YYYY-MM-DD names a real calendar day (2024-02-29 yes, 2023-02-29 and 2013-13-45 no). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
