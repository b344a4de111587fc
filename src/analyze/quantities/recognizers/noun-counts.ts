/**
 * Counts carried by the grammar of a noun phrase, not by a number: a noun with postposed «واحد/واحدة» («قطار
 * واحد», «طلقة واحدة») is one; «لقي طالب مصرعه» is one death, «لقي شخصان مصرعهما» two (the pronoun's number).
 * Not: «في وقت واحد», «بصوت واحد» (at once, unanimously) — a preposition before the noun; definite nouns; the
 * accusative «صفا واحدا» (an adverbial: in one line). A dual of a counted noun whose plural is broken is two
 * («قتيلين», «شخصان»): for those nouns the «-ين/-ان» ending cannot be a plural, unlike «مصابين» or «مواطنين».
 */
import type { Recognizer } from '../../recognizer.ts';
import type { AmountCandidate } from '../candidate.ts';

const ONE_AFTER_NOUN = /(?<noun>[\u0621-\u064A]{3,})\s{1,3}(?:واحد|واحدة|واحده)(?![\p{L}\p{M}])/uy;
/** «لقي/لقيت X مصرعه/حتفه»: the possessive pronoun gives the number (ه/ها one, هما two). */
const MET_DEATH =
  /(?:[وف]?لقي|[وف]?لقيت|[وف]?لقى)\s{1,3}(?<noun>[\u0621-\u064A]{3,})\s{1,3}(?:مصرع|حتف)(?<pronoun>هما|ها|ه)(?![\p{L}\p{M}])/uy;
/** Counted nouns with a broken plural (قتلى, جرحى, أشخاص…), so that their «-ين/-ان» forms are duals. */
const DUAL_NOUNS = ['قتيل', 'جريح', 'شخص', 'طفل', 'شهيد', 'رجل', 'جندي', 'شرطي', 'ضابط', 'شاب'];
/** «قتيلين», «وشخصان», «لطفلين»: an indefinite dual (an optional conjunction or preposition clitic). */
const DUAL = new RegExp(`(?:[وفبل]|لل)?(?<dual>(?:${DUAL_NOUNS.join('|')})(?:ين|ان|يين|يان))(?![\\p{L}\\p{M}])`, 'uy');
/** A preposition (or «في» before the noun) makes «noun واحد» an adverbial: «بصوت واحد», «في آن واحد». */
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:في|فى|على|علي|من|الى|إلى)\s{1,3}$/u;

export const nounCounts: Recognizer<AmountCandidate> = {
  rule: 'quantity/noun-count',
  pattern: new RegExp(
    `${MET_DEATH.source}|${ONE_AFTER_NOUN.source.replace('?<noun>', '?<single>')}|${DUAL.source}`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const end = match.index + match[0].length;
    if (groups.dual !== undefined) {
      return {
        start: end - groups.dual.length,
        end,
        rule: this.rule,
        value: 2,
        qualifier: 'exact',
        unit: groups.dual,
        nounForm: 'indefinite',
      };
    }
    if (groups.noun !== undefined) {
      return {
        start: match.index,
        end,
        rule: this.rule,
        value: groups.pronoun === 'هما' ? 2 : 1,
        qualifier: 'exact',
        unit: groups.noun,
        nounForm: 'indefinite',
      };
    }
    const noun = groups.single!;
    if (/^(?:ال|[وف]?[بلك]ال|[وف]?لل|[بلك])/u.test(noun)) return null;
    if (PREPOSITION_BEFORE.test(view.text.slice(Math.max(0, match.index - 8), match.index))) return null;
    return {
      start: match.index,
      end,
      rule: this.rule,
      value: 1,
      qualifier: 'exact',
      unit: noun,
      nounForm: 'indefinite',
    };
  },
};
