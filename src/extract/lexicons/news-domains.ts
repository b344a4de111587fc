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
  ['elfagr.org', 'الفجر'],
  ['elfagr.com', 'الفجر'],
  ['tahrirnews.com', 'التحرير'],
  ['alahram.org.eg', 'الأهرام'],
  ['fj-p.com', 'الحرية والعدالة'],
  ['fjponline.com', 'الحرية والعدالة'],
  ['bbc.com/arabic', 'بي بي سي عربي'],
  ['bbc.co.uk/arabic', 'بي بي سي عربي'],
  // Gulf
  ['okaz.com.sa', 'عكاظ'],
  ['alriyadh.com', 'الرياض'],
  ['spa.gov.sa', 'واس'],
  ['sabq.org', 'سبق'],
  ['aleqt.com', 'الاقتصادية'],
  ['al-jazirah.com', 'الجزيرة'],
  ['al-madina.com', 'المدينة'],
  ['alwatan.com.sa', 'الوطن السعودية'],
  ['alyaum.com', 'اليوم'],
  ['alweeam.com.sa', 'الوئام'],
  ['3alyoum.com', 'عين اليوم'],
  ['arreyadi.com.sa', 'الرياضي'],
  ['arriyadiyah.com', 'الرياضية'],
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

/**
 * The outlet name of a host («www.youm7.com» → «اليوم السابع»), trying the host, then its parent domains. With a
 * URL path, a «host/section» entry («bbc.com/arabic») is tried first, for outlets that live under a shared host.
 */
export function outletOfHost(host: string, path = ''): string | null {
  const section = /^\/([^/?#]+)/u.exec(path)?.[1]?.toLowerCase() ?? null;
  let candidate = normalizeHost(host);
  while (candidate.includes('.')) {
    const name =
      (section === null
        ? undefined
        : (extra.get(`${candidate}/${section}`) ?? DOMAINS.get(`${candidate}/${section}`))) ??
      extra.get(candidate) ??
      DOMAINS.get(candidate);
    if (name) return name;
    candidate = candidate.slice(candidate.indexOf('.') + 1);
  }
  return null;
}

/** The registry's outlet name for a page's web address (host, parent domains, «host/section»), or null. */
export function outletOfUrl(url: string | null | undefined): string | null {
  const parsed = webAddress(url);
  return parsed ? outletOfHost(parsed.host, parsed.path) : null;
}

/**
 * The bare site host of a page's web address («https://www.example-news.com/a/1» → «example-news.com»), the
 * weakest outlet evidence: the site, named as its address names it. Null for anything that is not an http(s) URL
 * with a dotted host name (a file path, «-», an IP address).
 */
export function siteHostOfUrl(url: string | null | undefined): string | null {
  return webAddress(url)?.host ?? null;
}

function webAddress(url: string | null | undefined): { host: string; path: string } | null {
  if (!url || !/^https?:\/\//iu.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = normalizeHost(parsed.hostname);
  if (!/^[a-z0-9-]*[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+$/u.test(host)) return null;
  return { host, path: parsed.pathname };
}

/** Every outlet name of the registry (with the config file's additions), for recognising a name read from a page. */
export function knownOutletNames(): ReadonlySet<string> {
  return new Set([...DOMAINS.values(), ...extra.values()]);
}

function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .trim()
    .replace(/^(?:www\d?|m|amp|mobile)\./u, '')
    .replace(/\.$/u, '');
}
