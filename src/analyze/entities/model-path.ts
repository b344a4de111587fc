/** Where the committed NER model file lives (coupled to scripts/train-ner.ts, which writes it). */
import { packagePath } from '../../core/package-files.ts';

export const MODEL_PATH = packagePath('src', 'analyze', 'entities', 'model', 'ner.json.gz');
