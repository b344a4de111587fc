/**
 * A small registry of Arabic news sites: host → the outlet's own Arabic name. Used only when a page names no
 * site itself (og:site_name, JSON-LD publisher, application-name). Facts, extensible with `withOutletDomains`
 * (a config file of more hosts, read at the edge: `MARSAD_OUTLET_DOMAINS`, see docs/extract.md).
 */
const DOMAINS: ReadonlyMap<string, string> = new Map([
  ['aljazeera.net', 'الجزيرة نت'],
  ['alarabiya.net', 'العربية'],
  ['arabic.cnn.com', 'CNN بالعربية'],
  ['skynewsarabia.com', 'سكاي نيوز عربية'],
  ['independentarabia.com', 'اندبندنت عربية'],
  ['alquds.co.uk', 'القدس العربي'],
  ['aawsat.com', 'الشرق الأوسط'],
  ['arabic.rt.com', 'RT عربي'],
  ['alhurra.com', 'الحرة'],
  ['almayadeen.net', 'الميادين'],
  // Egypt
  ['youm7.com', 'اليوم السابع'],
  ['ahram.org.eg', 'الأهرام'],
  ['gate.ahram.org.eg', 'بوابة الأهرام'],
  ['masrawy.com', 'مصراوي'],
  ['almasryalyoum.com', 'المصري اليوم'],
  ['shorouknews.com', 'الشروق'],
  ['elwatannews.com', 'الوطن'],
  ['akhbarelyom.com', 'أخبار اليوم'],
  ['alwafd.news', 'الوفد'],
  ['vetogate.com', 'فيتو'],
  ['elbalad.news', 'صدى البلد'],
  ['dostor.org', 'الدستور'],
  // Gulf
  ['okaz.com.sa', 'عكاظ'],
  ['alriyadh.com', 'الرياض'],
  ['spa.gov.sa', 'واس'],
  ['sabq.org', 'سبق'],
  ['aleqt.com', 'الاقتصادية'],
  ['albayan.ae', 'البيان'],
  ['alkhaleej.ae', 'الخليج'],
  ['emaratalyoum.com', 'الإمارات اليوم'],
  ['wam.ae', 'وام'],
  ['alqabas.com', 'القبس'],
  ['alraimedia.com', 'الراي'],
  ['kuna.net.kw', 'كونا'],
  ['alwatan.com.qa', 'الوطن'],
  ['al-sharq.com', 'الشرق'],
  ['alayam.com', 'الأيام'],
  ['omandaily.om', 'عمان'],
  // Levant and Iraq
  ['annahar.com', 'النهار'],
  ['al-akhbar.com', 'الأخبار'],
  ['alghad.com', 'الغد'],
  ['petra.gov.jo', 'بترا'],
  ['ammonnews.net', 'عمون'],
  ['sana.sy', 'سانا'],
  ['enabbaldi.net', 'عنب بلدي'],
  ['alsumaria.tv', 'السومرية'],
  ['shafaq.com', 'شفق نيوز'],
  ['wafa.ps', 'وفا'],
  // Maghreb
  ['hespress.com', 'هسبريس'],
  ['elkhabar.com', 'الخبر'],
  ['echoroukonline.com', 'الشروق أونلاين'],
  ['aps.dz', 'وأج'],
  ['mosaiquefm.net', 'موزاييك أف أم'],
  ['alwasat.ly', 'بوابة الوسط'],
]);

let extra: ReadonlyMap<string, string> = new Map();

/**
 * Reads a config file of more hosts (`{"host": "اسم الموقع", …}`, e.g. from `MARSAD_OUTLET_DOMAINS`) and adds them.
 * The caller reads the file (I/O stays at the edge). Throws a clear error on a malformed file.
 */
export function loadOutletDomains(json: string): void {
  const data: unknown = JSON.parse(json);
  if (
    !data ||
    typeof data !== 'object' ||
    Array.isArray(data) ||
    Object.values(data).some((v) => typeof v !== 'string')
  ) {
    throw new Error('The outlet domains file must be a JSON object of host → outlet name strings.');
  }
  withOutletDomains(data as Record<string, string>);
}

/** Adds hosts (e.g. from a config file) to the registry; later calls replace earlier additions. */
export function withOutletDomains(domains: Readonly<Record<string, string>>): void {
  extra = new Map(Object.entries(domains).map(([host, name]) => [normalizeHost(host), name.trim()]));
}

/** The outlet name of a host («www.youm7.com» → «اليوم السابع»), trying the host, then its parent domains. */
export function outletOfHost(host: string): string | null {
  let candidate = normalizeHost(host);
  while (candidate.includes('.')) {
    const name = extra.get(candidate) ?? DOMAINS.get(candidate);
    if (name) return name;
    candidate = candidate.slice(candidate.indexOf('.') + 1);
  }
  return null;
}

function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .trim()
    .replace(/^(?:www\d?|m|amp|mobile)\./u, '')
    .replace(/\.$/u, '');
}
