/** `marsad ner` as a use case: token-per-line text tagged in the ANERcorp BIO scheme, or the entities of plain text. */
import { formatConllOutput, parseConllInput } from '../analyze/entities/conll-format.ts';
import { recognizeEntities, tagConll } from '../analyze/entities/recognize.ts';

/** `token<TAB>tag` for every token line of `text` (one token per line, blank line between sentences); blank lines kept. */
export function tagConllText(text: string): string {
  const input = parseConllInput(text);
  return formatConllOutput(input, tagConll(input.sentences));
}

/** The named entities of a plain text, in text order. */
export function entitiesOfText(text: string): ReturnType<typeof recognizeEntities> {
  return recognizeEntities(text);
}
