/**
 * News agencies and their Arabic credit abbreviations («أ ف ب», «وام»), normalised. A credit such as
 * «(وام)» or «المصادر الإضافية • أ ب» names a cited wire service. Frozen data, no logic.
 */
export const NEWS_AGENCIES: ReadonlySet<string> = new Set([
  // international wires
  'رويترز', 'فرانس برس', 'وكالة فرانس برس', 'ا ف ب', 'اف ب', 'ا ب', 'اسوشيتد برس', 'اسوشيتيد برس', 'د ب ا', 'الاناضول',
  'شينخوا', 'تاس', 'سبوتنيك', 'ريا نوفوستي', 'افي', 'يونهاب', 'كيودو', 'ارنا', 'فارس', 'تسنيم', 'ايرنا', 'بلومبرغ', 'بلومبيرغ',
  // Arab national agencies
  'وام', 'واس', 'قنا', 'كونا', 'بترا', 'سانا', 'واع', 'سبا', 'ومع', 'واج', 'وات', 'العمانية', 'بنا', 'مينا', 'ا ش ا', 'سونا',
  'وفا', 'الوطنية للاعلام', 'لانا',
  // Latin forms
  'reuters', 'afp', 'ap', 'dpa', 'anadolu', 'xinhua', 'wam', 'spa', 'qna', 'kuna', 'mena', 'apa', 'efe', 'bloomberg',
]);
