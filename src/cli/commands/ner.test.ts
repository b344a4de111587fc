import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await main(args, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('marsad ner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-ner-'));

  it('writes token<TAB>tag, one line per input line, blank lines kept', async () => {
    const file = join(dir, 'in.conll');
    const input = 'استقبل O\nالملك O extra\nعبدالله\nالثاني\nفي\nعمان\n.\n\nوصل\nالوفد\n';
    writeFileSync(file, input);
    const { code, stdout } = await run(['ner', '--conll', file]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.length - 1).toBe(input.split('\n').length - 1);
    expect(lines[7]).toBe('');
    expect(lines.filter((l) => l !== '').every((l) => /^[^\t]+\t(O|[BI]-(PERS|ORG|LOC|MISC))$/u.test(l))).toBe(true);
    expect(lines[1]).toMatch(/^الملك\t/u);
  });

  it('prints entities of a text file as JSON lines', async () => {
    const file = join(dir, 'in.txt');
    writeFileSync(file, 'زار الرئيس التونسي مدينة صفاقس أمس.');
    const { code, stdout } = await run(['ner', '--text', file]);
    expect(code).toBe(0);
    const entities = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; type: string });
    expect(entities.some((e) => e.type === 'LOC')).toBe(true);
  });

  it('exits 2 without an input option and 1 for a missing file', async () => {
    expect((await run(['ner'])).code).toBe(2);
    expect((await run(['ner', '--conll', join(dir, 'missing.conll')])).code).toBe(1);
  });
});
