/** The ordered list of CLI verbs; each module registers one command on the program. */
import type { Command } from 'commander';
import type { CommandContext } from '../io.ts';
import { registerAnalyze } from './analyze.ts';
import { registerIngest } from './ingest.ts';
import { registerArticles } from './articles.ts';
import { registerArticle } from './article.ts';
import { registerNer } from './ner.ts';
import { registerCluster } from './cluster.ts';
import { registerStories } from './stories.ts';
import { registerStory } from './story.ts';
import { registerSearch } from './search.ts';
import { registerServe } from './serve.ts';
import { registerWorker } from './worker.ts';
import { registerQueue } from './queue.ts';
import { registerCheck } from './check.ts';
import { registerTokens } from './tokens.ts';
import { registerSources } from './sources.ts';
import { registerWatch } from './watch.ts';

export type RegisterCommand = (program: Command, context: CommandContext) => void;

export const COMMANDS: readonly RegisterCommand[] = [
  registerIngest,
  registerArticles,
  registerArticle,
  registerAnalyze,
  registerNer,
  registerCluster,
  registerStories,
  registerStory,
  registerSearch,
  registerServe,
  registerCheck,
  registerTokens,
  registerWorker,
  registerQueue,
  registerSources,
  registerWatch,
];
