/**
 * News agencies whose copy outlets re-run verbatim ("wire copy"), keyed by folded name (see text/terms.ts foldText).
 * Frozen data: name variants → one canonical agency label. Used to tell wire duplicates from independent reporting.
 */
import { foldText } from '../text/terms.ts';

const AGENCY_VARIANTS: readonly (readonly [canonical: string, variants: readonly string[]])[] = [
  ['واس', ['واس', 'وكاله الانباء السعوديه']], // Saudi Press Agency
  ['رويترز', ['رويترز', 'رويتر']], // Reuters
  ['فرانس برس', ['فرانس برس', 'ا ف ب', 'اف ب']], // AFP
  ['أسوشيتد برس', ['اسوشيتد برس', 'اسوشيتدبرس', 'ا ب', 'اسوشييتد برس']], // AP
  ['أ ش أ', ['ا ش ا', 'وكاله انباء الشرق الاوسط']], // MENA (Egypt)
  ['الأناضول', ['الاناضول', 'وكاله الاناضول']], // Anadolu
  ['د ب أ', ['د ب ا']], // dpa
  ['يو بي آي', ['يو بي اي']], // UPI
  ['وام', ['وام', 'وكاله انباء الامارات']], // WAM (UAE)
  ['قنا', ['قنا', 'وكاله الانباء القطريه']], // QNA (Qatar)
  ['كونا', ['كونا', 'وكاله الانباء الكويتيه']], // KUNA (Kuwait)
  ['بترا', ['بترا', 'وكاله الانباء الاردنيه']], // Petra (Jordan)
  ['سانا', ['سانا', 'الوكاله العربيه السوريه للانباء']], // SANA (Syria)
  ['بنا', ['بنا', 'وكاله انباء البحرين']], // BNA (Bahrain)
  ['العمانية', ['العمانيه', 'وكاله الانباء العمانيه']], // ONA (Oman)
  ['واع', ['واع', 'وكاله الانباء العراقيه']], // INA (Iraq)
  ['وفا', ['وفا']], // WAFA (Palestine)
  ['سبأ', ['سبا']], // Saba (Yemen)
  ['شينخوا', ['شينخوا', 'شينخوا']], // Xinhua
  ['سبوتنيك', ['سبوتنيك']], // Sputnik
  ['إرنا', ['ارنا']], // IRNA
];

const VARIANT_TO_AGENCY: ReadonlyMap<string, string> = new Map(
  AGENCY_VARIANTS.flatMap(([canonical, variants]) => variants.map((v) => [v, canonical] as const)),
);
/** Longest variants first so «وكالة الأنباء السعودية» wins over a shorter overlapping name. */
const AGENCY_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[وبل]|ال)?(${[...VARIANT_TO_AGENCY.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Canonical agency of a cited-source name («وكالة “رويترز”» → «رويترز»), or null when it is no known agency. */
export function agencyOf(name: string): string | null {
  const folded = foldText(name).replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/gu, ' ').trim();
  for (const match of folded.matchAll(AGENCY_RE)) {
    const agency = VARIANT_TO_AGENCY.get(match[1]!);
    if (agency) return agency;
  }
  return null;
}

/** Agencies an article cites: from its cited sources, else named in the first or last 300 characters of the body. */
export function citedAgencies(citedSources: readonly string[] | undefined, body: string): string[] {
  const found = new Set<string>();
  for (const source of citedSources ?? []) {
    const agency = agencyOf(source);
    if (agency) found.add(agency);
  }
  if (found.size === 0) {
    const edges = body.length <= 600 ? body : `${body.slice(0, 300)}\n${body.slice(-300)}`;
    for (const line of edges.split('\n')) {
      const agency = agencyOf(line);
      if (agency) found.add(agency);
    }
  }
  return [...found].sort();
}
