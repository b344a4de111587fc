/**
 * Mentions the tagger finds that are not entities worth listing: the unit of an amount («20 مليون دولار», «سعر
 * الجنيه»: a currency or measure word of the quantity lexicon, or the counted noun of a found amount, «17 شخصاً»),
 * and the name of God in a set formula («إن شاء الله», «الحمد لله», «رحمه الله», «صلى الله عليه وسلم»), told by
 * the words around it. Such mentions are dropped from the entity layer, so they never reach entity lists, top
 * entities or the cluster features; the quantities keep the units.
 */
import type { EntityMention, QuantityMention } from '../../core/annotation.ts';
import { normalizeKey } from '../../text/normalize.ts';
import { unitOfWord } from '../quantities/unit.ts';
import { linkKey } from './link.ts';

/** Keys of the divine name as a linked mention («الله», «لله», «بالله» all key to «الله»). */
const DIVINE_NAME_KEYS: ReadonlySet<string> = new Set(['الله', 'لله', 'الله تعالي']);
/** Words right before the name in common formulae (link fold). General religious usage, not from any data set. */
const FORMULA_BEFORE: ReadonlySet<string> = new Set(
  [
    'شاء',
    'الحمد',
    'حمد',
    'رحمه',
    'رحمها',
    'رحمهم',
    'يرحمه',
    'يرحمها',
    'بإذن',
    'إذن',
    'بسم',
    'سبحان',
    'أستغفر',
    'استغفر',
    'حفظه',
    'حفظها',
    'حفظهم',
    'وفقه',
    'وفقهم',
    'جزاه',
    'جزاهم',
    'تقبل',
    'يتقبل',
    'صلى',
    'رضي',
    'إلا',
    'بعون',
    'أمام',
    'عند',
    'لوجه',
    'سبيل',
    'كتاب',
    'بيت',
    'قدر',
    'أعان',
    'اتقوا',
    'ندعو',
    'نسأل',
    'نحمد',
    'أنعم',
    'لعنه',
    'قاتله',
    'عبد',
    'فضل',
    'شكر',
    'توكل',
    'توكلنا',
    'يا',
    'ما',
    'حسبنا',
    'حسبي',
    'معاذ',
    'والله',
    'تالله',
    'رسول',
    'بيوت',
    'دين',
    'شرع',
    'نعمة',
    'رحمة',
    'بأمر',
    'أراد',
    'يشاء',
    'قال',
  ].map((w) => normalizeKey(w)),
);
/** Words right after the name in common formulae (link fold). */
const FORMULA_AFTER: ReadonlySet<string> = new Set(
  [
    'تعالى',
    'تعالي',
    'عز',
    'سبحانه',
    'أكبر',
    'عليه',
    'عنه',
    'عنها',
    'عنهم',
    'الرحمن',
    'العظيم',
    'ونعم',
    'وبركاته',
    'يرحمه',
    'خيرا',
    'خيراً',
    'أعلم',
    'المستعان',
    'ورسوله',
  ].map((w) => normalizeKey(w)),
);

/** The entity mentions worth listing: without amounts' units and formula mentions of the divine name. Pure. */
export function listableEntities(
  entities: readonly EntityMention[],
  quantities: readonly QuantityMention[],
  body: string,
): EntityMention[] {
  return entities.filter(
    (entity) => !insideAmount(entity, quantities) && !isUnitName(entity) && !isFormula(entity, body),
  );
}

/** The counted noun of an amount found around the mention («17 شخصاً»), not another name inside it. */
function insideAmount(entity: EntityMention, quantities: readonly QuantityMention[]): boolean {
  const first = linkKey(entity.text).split(' ')[0]!;
  return quantities.some(
    (q) => q.start <= entity.start && entity.end <= q.end && q.unit !== null && normalizeKey(q.unit) === first,
  );
}

/** «الدولار», «جنيه مصري», «بالريال السعودي»: a unit word first, at most one word after it. */
function isUnitName(entity: EntityMention): boolean {
  const tokens = linkKey(entity.text).split(' ');
  return tokens.length <= 2 && unitOfWord(tokens[0]!) !== null;
}

function isFormula(entity: EntityMention, body: string): boolean {
  if (!DIVINE_NAME_KEYS.has(linkKey(entity.text))) return false;
  const before = /(\p{L}+)[^\p{L}]{0,3}$/u.exec(body.slice(Math.max(0, entity.start - 30), entity.start))?.[1];
  const after = /^[^\p{L}]{0,3}(\p{L}+)/u.exec(body.slice(entity.end, entity.end + 30))?.[1];
  const key = (word: string | undefined): string => (word ? normalizeKey(word).replace(/^[وف](?=\S{3})/u, '') : '');
  return (
    FORMULA_BEFORE.has(key(before)) ||
    FORMULA_BEFORE.has(before ? normalizeKey(before) : '') ||
    FORMULA_AFTER.has(key(after)) ||
    FORMULA_AFTER.has(after ? normalizeKey(after) : '') ||
    /لله$/u.test(entity.text)
  );
}
