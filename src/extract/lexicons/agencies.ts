/**
 * News agencies and their Arabic credit abbreviations («أ ف ب», «وام»), normalised. A credit such as
 * «(وام)» or «المصادر الإضافية • أ ب» names a cited wire service. Frozen data, no logic.
 * Names that are also ordinary words (ومع "and with", قنا the city of Qena, فارس a first name) are left out.
 */
export const NEWS_AGENCIES: ReadonlySet<string> = new Set([
  // international wires
  'رويترز', 'فرانس برس', 'ا ف ب', 'اف ب', 'ا ب', 'اسوشيتد برس', 'اسوشيتيد برس', 'د ب ا', 'الاناضول', 'شينخوا',
  'سبوتنيك', 'ريا نوفوستي', 'يونهاب', 'كيودو', 'ارنا', 'ايرنا', 'تسنيم', 'بلومبرغ', 'بلومبيرغ',
  // Arab national agencies
  'وام', 'واس', 'كونا', 'بترا', 'سانا', 'واع', 'واج', 'ا ش ا',
  // Latin forms
  'reuters', 'afp', 'dpa', 'anadolu', 'xinhua', 'wam', 'kuna', 'bloomberg',
]);
