/**
 * Lookup tables over the news-agency list (text/lexicons/agencies.ts): folded credit forms (and full names) → the
 * agency's label, in the fold profile of the caller.
 */
import { NEWS_AGENCIES } from './lexicons/agencies.ts';
import { normalizeText, type FoldProfile } from './normalize.ts';

export interface AgencyFormOptions {
  /** Include full names («وكالة الأنباء السعودية») besides the credit forms. */
  readonly fullNames: boolean;
  /** Include the agencies whose credit form is also an everyday word («قنا», «بنا»; see the lexicon). */
  readonly alsoAWord: boolean;
}

/** Folded form (white space collapsed) → agency label. */
export function agencyForms(profile: FoldProfile, options: AgencyFormOptions): ReadonlyMap<string, string> {
  const forms = new Map<string, string>();
  for (const agency of NEWS_AGENCIES) {
    if (agency.alsoAWord && !options.alsoAWord) continue;
    for (const form of [...agency.credits, ...(options.fullNames ? (agency.fullNames ?? []) : [])]) {
      forms.set(normalizeText(form, profile).replace(/\s+/gu, ' ').trim(), agency.name);
    }
  }
  return forms;
}
