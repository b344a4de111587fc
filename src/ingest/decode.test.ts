import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, checkText, type DecodeOptions } from './decode.ts';
import { growsLinearly } from '../core/testing/growth.ts';

const LIMIT = { maxBytes: 1_000_000 };
const ARABIC =
  'أعلنت وزارة الصحة في عمّان، اليوم الإثنين، تسجيل ١٢ إصابة جديدة.\nوقال المتحدث باسم الوزارة إن «الوضع تحت السيطرة».\n';
const HTML = `<!DOCTYPE html><html lang="ar"><head><meta charset="windows-1256"><title>خبر</title></head><body><p>${ARABIC}</p></body></html>`;

function decodeOk(bytes: Uint8Array, options: DecodeOptions = LIMIT) {
  const result = decodeBytes(bytes, options);
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function decodeError(bytes: Uint8Array, options: DecodeOptions = LIMIT) {
  const result = decodeBytes(bytes, options);
  if (result.ok) throw new Error(`expected failure, got text in ${result.value.encoding}`);
  return result.error;
}

describe('decodeBytes: encodings', () => {
  it('decodes UTF-8 without BOM', () => {
    const value = decodeOk(Buffer.from(ARABIC, 'utf8'));
    expect(value).toEqual({
      text: ARABIC,
      encoding: 'utf-8',
      contentType: 'text/plain',
      decoding: { encoding: 'utf-8', method: 'utf-8', replaced: 0, warning: null },
    });
  });

  it('strips a UTF-8 BOM', () => {
    const value = decodeOk(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARABIC, 'utf8')]));
    expect(value.text).toBe(ARABIC);
    expect(value.encoding).toBe('utf-8');
  });

  it('decodes UTF-16LE and UTF-16BE with BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARABIC, 'utf16le')]);
    expect(decodeOk(le)).toMatchObject({ text: ARABIC, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeOk(be)).toMatchObject({ text: ARABIC, encoding: 'utf-16be' });
  });

  it('recognises BOM-less UTF-16LE and UTF-16BE Arabic instead of calling it binary', () => {
    expect(decodeOk(Buffer.from(ARABIC, 'utf16le'))).toMatchObject({ text: ARABIC, encoding: 'utf-16le' });
    // Dense Arabic with “curly quotes” and few spaces: high bytes are mostly 0x06, few NULs.
    const dense = 'أكدت“الهيئة العامة للإحصاء”ارتفاع معدلات التضخم–خلال الربع الأخير–بنسبة ملحوظة.'.repeat(8);
    const be = Buffer.from(dense, 'utf16le').swap16();
    expect(decodeOk(be)).toMatchObject({ text: dense, encoding: 'utf-16be' });
  });

  it('falls back to windows-1256 for Arabic bytes that are not UTF-8', () => {
    const bytes = iconv.encode('قالت الحكومة إن الاجتماع المقبل سيعقد في القاهرة الأسبوع المقبل.', 'windows-1256');
    const value = decodeOk(bytes);
    expect(value.encoding).toBe('windows-1256');
    expect(value.text).toBe('قالت الحكومة إن الاجتماع المقبل سيعقد في القاهرة الأسبوع المقبل.');
  });

  it('honours a declared charset and sniffs HTML', () => {
    const value = decodeOk(iconv.encode(HTML, 'windows-1256'));
    expect(value).toMatchObject({ encoding: 'windows-1256', contentType: 'text/html' });
    expect(value.text).toContain('«الوضع تحت السيطرة»');
  });

  it('decodes with the declared charset even when it is not windows-1256', () => {
    const page =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6"></head><body><p>عاد الهدوء إلى المدينة</p></body></html>';
    const value = decodeOk(iconv.encode(page, 'iso-8859-6'));
    expect(value.encoding).toBe('iso-8859-6');
    expect(value.text).toBe(page);
  });

  it('keeps UTF-8 with one stray invalid byte as UTF-8, replacing only that byte', () => {
    const text = ARABIC.repeat(10);
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xd8])]); // a character cut in half at the end
    const value = decodeOk(bytes);
    expect(value.encoding).toBe('utf-8');
    expect(value.text).toBe(text + '\uFFFD');
  });

  it('prefers valid UTF-8 over a stale windows-1256 declaration', () => {
    const value = decodeOk(Buffer.from(HTML, 'utf8'));
    expect(value.encoding).toBe('utf-8');
    expect(value.text).toBe(HTML);
  });

  it('NFC-normalises decomposed text', () => {
    const decomposed = 'ا\u0653لاف المتظاهرين'; // alef + madda above → آ
    expect(decodeOk(Buffer.from(decomposed, 'utf8')).text).toBe('آلاف المتظاهرين');
  });

  it('uses the content type it is given, unless a .txt file plainly holds an HTML document', () => {
    const tagged = '<p>نص</p><p>نص</p><p>نص</p><b>نص</b><i>نص</i>';
    expect(decodeOk(Buffer.from(tagged, 'utf8')).contentType).toBe('text/html');
    expect(decodeOk(Buffer.from(tagged, 'utf8'), { ...LIMIT, contentType: 'text/plain' }).contentType).toBe(
      'text/plain',
    );
    const page = '\n<!doctype html><html><body><p>خبر</p></body></html>';
    expect(decodeOk(Buffer.from(page, 'utf8'), { ...LIMIT, contentType: 'text/plain' }).contentType).toBe('text/html');
    expect(decodeOk(Buffer.from('خبر <b>عاجل</b>', 'utf8'), { ...LIMIT, contentType: 'text/html' }).contentType).toBe(
      'text/html',
    );
  });
});

describe('decodeBytes: bad input', () => {
  it('rejects empty and whitespace-only input', () => {
    expect(decodeError(new Uint8Array()).code).toBe('input/empty');
    expect(decodeError(Buffer.from(' \n\t \r\n', 'utf8')).code).toBe('input/empty');
  });

  it('rejects input over the size limit before decoding', () => {
    const error = decodeError(Buffer.from(ARABIC, 'utf8'), { maxBytes: 20 });
    expect(error.code).toBe('input/too-large');
    expect(error.message).toContain('limit 20');
  });

  it('rejects binary formats and NUL-bearing bytes', () => {
    expect(decodeError(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1')).code).toBe('input/binary');
    expect(decodeError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])).code).toBe('input/binary');
    const noisy = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256));
    expect(decodeError(noisy).code).toBe('input/binary');
  });

  it('accepts a real article with a few SUB characters left by an old charset conversion', () => {
    const text = `${ARABIC}\u001a${ARABIC}\u001a${ARABIC}`;
    expect(decodeOk(Buffer.from(text, 'utf8')).text).toBe(text);
  });

  it('rejects text full of control characters', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(decodeError(bytes).code).toBe('input/binary');
  });

  it('rejects non-UTF-8 bytes that do not read as Arabic', () => {
    const latin1 = iconv.encode('Der Außenminister sprach über die Lage in Köln und Zürich.', 'latin1');
    expect(decodeError(latin1).code).toBe('input/undecodable');
  });

  it('rejects UTF-8 with a BOM but invalid sequences', () => {
    expect(decodeError(Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28, 0x41])).code).toBe('input/undecodable');
  });

  it('rejects HTML that shows no text', () => {
    expect(
      decodeError(Buffer.from('<html><head><script>var a = 1;</script></head><body><div></div></body></html>')).code,
    ).toBe('input/malformed');
    const truncated = decodeError(Buffer.from('<!DOCTYPE html><html><body><!-- <p>خبر عاجل عن الانتخابات</p>'));
    expect(truncated.code).toBe('input/malformed');
    expect(truncated.message).toContain('unclosed comment');
  });

  it('accepts HTML with recoverable errors', () => {
    const value = decodeOk(Buffer.from('<html><body><p>افتتح الوزير المعرض <b>الدولي للكتاب</p><p>يوم السبت', 'utf8'));
    expect(value.contentType).toBe('text/html');
  });
});

describe('checkText', () => {
  it('measures the size limit in UTF-8 bytes', () => {
    const text = 'سلام'; // 4 letters, 8 bytes
    expect(checkText(text, { maxBytes: 8 }).ok).toBe(true);
    const result = checkText(text, { maxBytes: 7 });
    expect(result.ok ? null : result.error.code).toBe('input/too-large');
  });

  it('rejects NUL characters inside a JSON string', () => {
    const result = checkText('نص\u0000مخفي', LIMIT);
    expect(result.ok ? null : result.error.code).toBe('input/binary');
  });

  it('scans a long run of unclosed angle brackets in linear time', () => {
    const check = (k: number) =>
      checkText('<html>' + '<a'.repeat(50_000 * k), { maxBytes: 10_000_000, contentType: 'text/html' });
    const result = check(4);
    expect(result.ok ? null : result.error.code).toBe('input/malformed');
    expect(growsLinearly(check)).toBe(true);
  });
});

describe('decodeBytes: a few bad bytes in UTF-8 never turn a page into mojibake', () => {
  const PARAGRAPH =
    'قالت وزارة الصحة إن حملة التطعيم الموسمية ستبدأ في المدارس الحكومية مطلع الشهر المقبل، وتشمل أكثر من مليون طالب.\n';
  /** ~8 KB of UTF-8 Arabic with `bad` invalid bytes (0xFF, never valid in UTF-8) between paragraphs in the middle. */
  function corrupted(bad: number): Buffer {
    const paragraphs = Array.from({ length: 40 }, () => Buffer.from(PARAGRAPH, 'utf8'));
    for (let i = 0; i < bad; i++) paragraphs.splice(10 + i * 2, 0, Buffer.from([0xff]));
    return Buffer.concat(paragraphs);
  }

  for (const bad of [1, 3, 8, 13]) {
    it(`keeps an 8 KB Arabic page with ${bad} invalid byte(s) as UTF-8 and records a warning`, () => {
      const value = decodeOk(corrupted(bad));
      expect(value.encoding).toBe('utf-8');
      expect(value.decoding).toMatchObject({ method: 'utf-8-repaired', replaced: bad });
      expect(value.decoding.warning).toContain(`${bad} invalid UTF-8 byte sequence`);
      expect(value.text).toContain('حملة التطعيم الموسمية');
      expect(value.text.match(/\uFFFD/gu)?.length).toBe(bad);
    });
  }

  it('still reads undeclared windows-1256 Arabic as windows-1256, with the guess recorded', () => {
    const value = decodeOk(iconv.encode(PARAGRAPH.repeat(40), 'windows-1256'));
    expect(value.encoding).toBe('windows-1256');
    expect(value.decoding.method).toBe('windows-1256-detected');
    expect(value.decoding.warning).toContain('windows-1256');
    expect(value.text).toBe(PARAGRAPH.repeat(40));
  });

  it('records exact decodings without a warning', () => {
    expect(decodeOk(Buffer.from(PARAGRAPH, 'utf8')).decoding).toEqual({
      encoding: 'utf-8',
      method: 'utf-8',
      replaced: 0,
      warning: null,
    });
    const bom = decodeOk(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PARAGRAPH, 'utf16le')])).decoding;
    expect(bom).toMatchObject({ method: 'bom', encoding: 'utf-16le', warning: null });
  });
});
