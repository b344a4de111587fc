import { describe, expect, it } from 'vitest';
import { parseJsonlLine } from './jsonl.ts';

function errorOf(line: string): string {
  const result = parseJsonlLine(line);
  if (result.ok) throw new Error('expected an error');
  expect(result.error.code).toBe('input/malformed');
  return result.error.message;
}

describe('parseJsonlLine', () => {
  it('reads a text record with its url and fetch time, ignoring other fields', () => {
    const line = JSON.stringify({
      url: 'https://example.com/news/1',
      text: 'عنوان الخبر\nقال الوزير إن المحادثات مستمرة.',
      fetched_at: '2013-02-09T10:00:00+02:00',
      outlet: 'مثال',
    });
    expect(parseJsonlLine(line)).toEqual({
      ok: true,
      value: {
        url: 'https://example.com/news/1',
        body: 'عنوان الخبر\nقال الوزير إن المحادثات مستمرة.',
        contentType: 'text/plain',
        fetchedAt: '2013-02-09T08:00:00.000Z',
      },
    });
  });

  it('reads an html record without url; an unparsable date becomes null', () => {
    const result = parseJsonlLine('{"html":"<p>نص</p>","fetched_at":"أمس"}');
    expect(result).toEqual({
      ok: true,
      value: { url: null, body: '<p>نص</p>', contentType: 'text/html', fetchedAt: null },
    });
  });

  it('names the field or the rule a malformed record breaks', () => {
    expect(errorOf('{"text": 5}')).toContain('JSONL record field "text": expected a string, got number.');
    expect(errorOf('{"url": "", "text": "نص"}')).toContain('JSONL record field "url": expected a non-empty string.');
    expect(errorOf('{"html": "<p>أ</p>", "text": "أ"}')).toContain('exactly one of "html" or "text"');
    expect(errorOf('{}')).toContain('exactly one of "html" or "text"');
    expect(errorOf('[1, 2]')).toContain('JSONL record expected an object, got array.');
    expect(errorOf('null')).toContain('JSONL record expected an object, got null.');
    expect(errorOf('{"text": ')).toContain('Not valid JSON');
  });
});
