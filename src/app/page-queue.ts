/** Team mode's job queue (PostgreSQL, pg-boss) as the CLI sees it: the adapter lives in src/queue/. */
export { openPageQueue } from '../queue/page-queue.ts';
export type * from '../queue/page-queue.ts';
