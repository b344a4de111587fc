/**
 * The one list of news agencies (wire services), as printed: the credit forms a byline or credit line uses
 * («رويترز», «(وام)», «أ ف ب», «AFP») and the full names («وكالة الأنباء السعودية»). Frozen data; users fold the
 * names with their profile (extract/: credit lines and cited sources; corpus/dedup: wire copy across outlets).
 *
 * `alsoAWord`: the credit form is also an everyday word or name — «قنا» the Egyptian city of Qena, «بنا» (with us),
 * «وفا» (loyalty), «سبأ» (Sheba), «العمانية» (Omani, f.), «ومع» (and with), «فارس» (a first name). Such a form names
 * the agency only where the text is already known to cite a source (a cited-source name), never in free text.
 */

export interface NewsAgency {
  /** Label the agency is reported under. */
  readonly name: string;
  readonly credits: readonly string[];
  readonly fullNames?: readonly string[];
  readonly alsoAWord?: boolean;
}

export const NEWS_AGENCIES: readonly NewsAgency[] = [
  // international wires
  { name: 'رويترز', credits: ['رويترز', 'رويتر', 'Reuters'] },
  { name: 'فرانس برس', credits: ['فرانس برس', 'أ ف ب', 'اف ب', 'AFP'] },
  { name: 'أسوشيتد برس', credits: ['أسوشيتد برس', 'أسوشيتيد برس', 'أسوشيتدبرس', 'أسوشييتد برس', 'أ ب'] },
  { name: 'د ب أ', credits: ['د ب أ', 'DPA'] },
  { name: 'يو بي آي', credits: ['يو بي آي'] },
  { name: 'الأناضول', credits: ['الأناضول', 'Anadolu'], fullNames: ['وكالة الأناضول'] },
  { name: 'شينخوا', credits: ['شينخوا', 'Xinhua'] },
  { name: 'سبوتنيك', credits: ['سبوتنيك'] },
  { name: 'ريا نوفوستي', credits: ['ريا نوفوستي'] },
  { name: 'يونهاب', credits: ['يونهاب'] },
  { name: 'كيودو', credits: ['كيودو'] },
  { name: 'إرنا', credits: ['إرنا', 'إيرنا'] },
  { name: 'تسنيم', credits: ['تسنيم'] },
  { name: 'فارس', credits: ['فارس'], alsoAWord: true },
  { name: 'بلومبرغ', credits: ['بلومبرغ', 'بلومبيرغ', 'Bloomberg'] },
  // Arab national agencies
  { name: 'واس', credits: ['واس'], fullNames: ['وكالة الأنباء السعودية'] },
  { name: 'أ ش أ', credits: ['أ ش أ'], fullNames: ['وكالة أنباء الشرق الأوسط'] },
  { name: 'وام', credits: ['وام', 'WAM'], fullNames: ['وكالة أنباء الإمارات'] },
  { name: 'قنا', credits: ['قنا'], fullNames: ['وكالة الأنباء القطرية'], alsoAWord: true },
  { name: 'كونا', credits: ['كونا', 'KUNA'], fullNames: ['وكالة الأنباء الكويتية'] },
  { name: 'بترا', credits: ['بترا'], fullNames: ['وكالة الأنباء الأردنية'] },
  { name: 'سانا', credits: ['سانا'], fullNames: ['الوكالة العربية السورية للأنباء'] },
  { name: 'بنا', credits: ['بنا'], fullNames: ['وكالة أنباء البحرين'], alsoAWord: true },
  { name: 'العمانية', credits: ['العمانية'], fullNames: ['وكالة الأنباء العمانية'], alsoAWord: true },
  { name: 'واع', credits: ['واع'], fullNames: ['وكالة الأنباء العراقية'] },
  { name: 'وفا', credits: ['وفا'], alsoAWord: true },
  { name: 'سبأ', credits: ['سبأ'], alsoAWord: true },
  { name: 'واج', credits: ['واج'] },
  { name: 'ومع', credits: ['ومع'], alsoAWord: true },
];
