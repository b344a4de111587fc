/**
 * The `marsad ner --conll` text contract: one token per line (first column; extra columns ignored),
 * blank line between sentences; output `token<TAB>tag`, exactly one line per input line, blanks kept.
 */

/** Sentences of tokens plus, per input line, which sentence/token it holds (null for a blank line). */
export interface ConllInput {
  readonly sentences: readonly (readonly string[])[];
  readonly lines: readonly ({ readonly sentence: number; readonly token: number } | null)[];
}

/** Splits the first column of each non-blank line into sentences. A trailing newline adds no line. */
export function parseConllInput(text: string): ConllInput {
  const rawLines = text.split(/\r?\n/u);
  if (rawLines.length > 0 && rawLines[rawLines.length - 1] === '') rawLines.pop();
  const sentences: string[][] = [];
  const lines: ({ sentence: number; token: number } | null)[] = [];
  let current: string[] | null = null;
  for (const raw of rawLines) {
    const token = raw.trim().split(/[\t ]+/u)[0] ?? '';
    if (token === '') {
      current = null;
      lines.push(null);
      continue;
    }
    if (!current) {
      current = [];
      sentences.push(current);
    }
    lines.push({ sentence: sentences.length - 1, token: current.length });
    current.push(token);
  }
  return { sentences, lines };
}

/** Formats the tags back, line by line: `token<TAB>tag` or an empty line. */
export function formatConllOutput(input: ConllInput, tags: readonly (readonly string[])[]): string {
  const out = input.lines.map((line) => {
    if (!line) return '';
    return `${input.sentences[line.sentence]![line.token]!}\t${tags[line.sentence]?.[line.token] ?? 'O'}`;
  });
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
