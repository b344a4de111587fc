import { describe, expect, it } from 'vitest';
import { formatConllOutput, parseConllInput } from './conll-format.ts';

describe('CoNLL input and output', () => {
  it('keeps one output line per input line, ignores extra columns and preserves blank lines', () => {
    const text = 'زار B-X\tfoo\nالوزير\n\n\nدمشق O\r\n';
    const input = parseConllInput(text);
    expect(input.sentences).toEqual([['زار', 'الوزير'], ['دمشق']]);
    const output = formatConllOutput(input, [['O', 'O'], ['B-LOC']]);
    expect(output).toBe('زار\tO\nالوزير\tO\n\n\nدمشق\tB-LOC\n');
    expect(output.split('\n').length - 1).toBe(text.split(/\r?\n/u).length - 1);
  });

  it('treats whitespace-only lines as sentence breaks and handles empty input', () => {
    expect(parseConllInput('أ\n  \t\nب\n').sentences).toEqual([['أ'], ['ب']]);
    expect(formatConllOutput(parseConllInput(''), [])).toBe('');
  });
});
