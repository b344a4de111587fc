/** Where the committed NER model file lives (coupled to scripts/train-ner.ts, which writes it). */
import { fileURLToPath } from 'node:url';

export const MODEL_PATH = fileURLToPath(new URL('./model/ner.json.gz', import.meta.url));
