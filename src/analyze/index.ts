/**
 * Annotation entry point (issue 3): one article body → entities, quantities, quotes and times, each
 * indexing `body`. Layers run in a fixed order because later layers read earlier ones (see LAYERS).
 */
import type {
  ArticleAnnotations,
  EntityMention,
  QuantityMention,
  QuoteMention,
  TimeMention,
} from '../core/annotation.ts';
import type { PublishedDate } from '../core/article.ts';
import { recognizeEntities } from './entities/recognize.ts';
import { linkEntities, type RawMention } from './entities/link.ts';
import { listableEntities } from './entities/not-listed.ts';
import { findQuantities } from './quantities/index.ts';
import { findQuotes } from './quotes/index.ts';
import { findTimes } from './temporal/index.ts';
import { parseAnchor } from './temporal/resolve.ts';
import { normalizeView, type TextView } from '../text/normalize.ts';

export interface AnnotateInput {
  readonly body: string;
  /** Publication date (an extraction `PublishedDate` or 'YYYY-MM-DD'); null leaves relative times unresolved. */
  readonly published: PublishedDate | string | null;
  readonly outlet: string | null;
}

export interface AnnotateOptions {
  /** Named-entity recognizer; defaults to the trained tagger (entities/recognize.ts). Tests inject hand-made mentions. */
  readonly recognize?: (text: string) => readonly RawMention[];
}

interface Draft {
  /** The normalised matching view of the body, built once and shared by the layers. */
  readonly view: TextView;
  times: TimeMention[];
  entities: EntityMention[];
  quantities: QuantityMention[];
  quotes: QuoteMention[];
}

interface Layer {
  readonly name: Exclude<keyof Draft, 'view'>;
  run(input: AnnotateInput, draft: Draft, options: AnnotateOptions): void;
}

/** Shorter outlet names («24») are too likely to occur by chance. */
const MIN_OUTLET_CHARS = 3;

// Order matters: quantities skip time spans («عام 2011», «100 يوم»), and quote speakers link to entities.
const LAYERS: readonly Layer[] = [
  {
    name: 'times',
    run: (input, draft) => {
      draft.times = outsideOutletName(findTimes(input.body, anchorOf(input.published), draft.view), input);
    },
  },
  {
    name: 'entities',
    run: (input, draft, options) => {
      draft.entities = linkEntities((options.recognize ?? recognizeEntities)(input.body), input.body);
    },
  },
  {
    name: 'quantities',
    run: (input, draft) => {
      draft.quantities = findQuantities(input.body, { exclude: draft.times, view: draft.view });
      // An amount's unit («دولار», «شخصاً») and a formula's «الله» were tagged as names; they are not listed entities.
      draft.entities = listableEntities(draft.entities, draft.quantities, input.body);
    },
  },
  {
    name: 'quotes',
    run: (input, draft) => {
      draft.quotes = findQuotes(input.body, draft.entities, draft.view);
    },
  },
];

/** Annotates one article body. Pure apart from the default recognizer's one-time model load. */
export function annotateArticle(input: AnnotateInput, options: AnnotateOptions = {}): ArticleAnnotations {
  const draft: Draft = { view: normalizeView(input.body), times: [], entities: [], quantities: [], quotes: [] };
  for (const layer of LAYERS) layer.run(input, draft, options);
  return { entities: draft.entities, quantities: draft.quantities, quotes: draft.quotes, times: draft.times };
}

/** «عين اليوم – متابعات»: a time word inside the outlet's own name («اليوم», «الغد») is not a time. */
function outsideOutletName(times: TimeMention[], input: AnnotateInput): TimeMention[] {
  const outlet = input.outlet?.trim() ?? '';
  if (outlet.length < MIN_OUTLET_CHARS || times.length === 0) return times;
  const names: { start: number; end: number }[] = [];
  for (let at = input.body.indexOf(outlet); at >= 0; at = input.body.indexOf(outlet, at + outlet.length))
    names.push({ start: at, end: at + outlet.length });
  return times.filter((time) => !names.some((name) => time.start >= name.start && time.end <= name.end));
}

function anchorOf(published: AnnotateInput['published']): ReturnType<typeof parseAnchor> {
  if (published === null) return null;
  return parseAnchor(typeof published === 'string' ? published : published.date);
}
