// Worker-thread entry for off-event-loop page analysis: registers the TypeScript loader in this thread (hooks are
// per thread), then runs src/server/analysis-worker-thread.ts.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker-thread.ts');
