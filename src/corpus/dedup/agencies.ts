/**
 * Wire agencies an article cites (the agency list of text/lexicons/agencies.ts, `cluster`-folded): used to tell wire
 * duplicates from independent reporting.
 */
import { agencyForms } from '../../text/agencies.ts';
import { foldText } from '../text/terms.ts';

/** Longest forms first so «وكالة الأنباء السعودية» wins over a shorter overlapping name; one leading clitic or «ال» allowed. */
function agencyPattern(forms: ReadonlyMap<string, string>): RegExp {
  const alternation = [...forms.keys()].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:[وبل]|ال)?(${alternation})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Every form, the everyday-word ones («قنا») included: for names already cited as sources. */
const CITED_FORMS = agencyForms('cluster', { fullNames: true, alsoAWord: true });
const CITED_RE = agencyPattern(CITED_FORMS);
/** Forms safe in free text (the edges of a body), where «قنا» is the city of Qena. */
const TEXT_FORMS = agencyForms('cluster', { fullNames: true, alsoAWord: false });
const TEXT_RE = agencyPattern(TEXT_FORMS);

function findAgency(text: string, pattern: RegExp, forms: ReadonlyMap<string, string>): string | null {
  const folded = foldText(text)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  for (const match of folded.matchAll(pattern)) {
    const agency = forms.get(match[1]!);
    if (agency) return agency;
  }
  return null;
}

/** Canonical agency of a cited-source name («وكالة “رويترز”» → «رويترز»), or null when it is no known agency. */
export function agencyOf(name: string): string | null {
  return findAgency(name, CITED_RE, CITED_FORMS);
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
      const agency = findAgency(line, TEXT_RE, TEXT_FORMS);
      if (agency) found.add(agency);
    }
  }
  return [...found].sort();
}
