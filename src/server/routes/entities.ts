/** Entities: the list (most mentioned first, optionally within a storyline) and one entity with variants and mentions in context. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EntityAliasReader } from '../../app/entity-aliases.ts';
import type { EntityMentionRecord } from '../../store/entity-types.ts';
import type { Store } from '../../store/store.ts';
import type { ServerDeps } from '../deps.ts';
import { cursorParam, encodeCursor } from '../cursor.ts';
import { HttpError } from '../http-errors.ts';
import { ID, PAGING, parseRequest } from '../validate.ts';

/** Mentions returned with an entity: enough for a page, bounded for entities like «العراق». */
export const MAX_ENTITY_MENTIONS = 100;
/** Characters of context on each side of a mention (about eight Arabic words). */
const CONTEXT_CHARS = 60;

/** Keyset position: the last entity of the previous page (its mention count, canonical name and id). */
const ENTITY_CURSOR = z.tuple([z.number().int().min(0), z.string().max(500), z.string().min(1).max(200)]);

const LIST_QUERY = PAGING.extend({
  type: z.enum(['PERS', 'ORG', 'LOC', 'MISC']).optional(),
  storyline: ID.optional(),
  after: cursorParam(ENTITY_CURSOR).optional(),
}).strict();
const ENTITY_PARAMS = z.object({ id: z.string().min(1).max(200) });

/** A mention with the context around it; `start`/`end` locate the mention inside `context.text`. */
interface MentionInContext extends EntityMentionRecord {
  readonly context: {
    readonly text: string;
    readonly start: number;
    readonly end: number;
    readonly truncatedStart: boolean;
    readonly truncatedEnd: boolean;
  };
}

/** Moves a context edge outwards to the nearest whitespace or line end (at most 20 chars), so no word is cut. */
function widenToSpace(body: string, offset: number, direction: -1 | 1): number {
  let at = offset;
  for (let steps = 0; steps < 20; steps++) {
    if (at <= 0 || at >= body.length) return Math.max(0, Math.min(body.length, at));
    if (/\s/u.test(direction < 0 ? body[at - 1]! : body[at]!)) return at;
    at += direction;
  }
  return offset;
}

async function withContext(store: Store, mentions: readonly EntityMentionRecord[]): Promise<MentionInContext[]> {
  const bodies = new Map<string, string>();
  const out: MentionInContext[] = [];
  for (const mention of mentions) {
    if (!bodies.has(mention.articleId))
      bodies.set(mention.articleId, (await store.getArticle(mention.articleId))?.body ?? '');
    const body = bodies.get(mention.articleId)!;
    // Context stays inside the mention's paragraph and never cuts a word.
    const paragraphStart = body.lastIndexOf('\n', mention.start - 1) + 1;
    const newline = body.indexOf('\n', mention.end);
    const paragraphEnd = newline < 0 ? body.length : newline;
    const from = Math.max(paragraphStart, widenToSpace(body, Math.max(0, mention.start - CONTEXT_CHARS), -1));
    const to = Math.min(paragraphEnd, widenToSpace(body, Math.min(body.length, mention.end + CONTEXT_CHARS), 1));
    const context = {
      text: body.slice(from, to),
      start: mention.start - from,
      end: mention.end - from,
      truncatedStart: from > paragraphStart,
      truncatedEnd: to < paragraphEnd,
    };
    out.push({ ...mention, context });
  }
  return out;
}

export function registerEntityRoutes(app: FastifyInstance, deps: ServerDeps, aliases: EntityAliasReader): void {
  app.get('/api/entities', { config: { dependsOn: ['entities', 'stories'] } }, async (request) => {
    const query = parseRequest(LIST_QUERY, request.query, 'query');
    const articleIds =
      query.storyline === undefined ? undefined : await deps.stories.storylineArticleIds(query.storyline);
    const after = query.after && { mentionCount: query.after[0], canonical: query.after[1], entityId: query.after[2] };
    // One more than asked tells whether a next page exists.
    const rows = await deps.store.listEntities({
      limit: query.limit + 1,
      offset: query.offset,
      type: query.type,
      articleIds,
      aliases: (await aliases.current()).list,
      ...(after ? { after } : {}),
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > items.length && last ? encodeCursor([last.mentionCount, last.canonical, last.entityId]) : null;
    return { limit: query.limit, offset: query.offset, items, nextCursor };
  });

  app.get('/api/entities/:id', { config: { dependsOn: ['entities', 'articles'] } }, async (request) => {
    const { id } = parseRequest(ENTITY_PARAMS, request.params, 'path');
    // An alias answers with the entity it is listed under; `joined` names the aliases whose mentions are included.
    const known = await aliases.current();
    const entityId = known.targetOf(id) ?? id;
    const joinedIds = known.joinedInto(entityId);
    const entity = await deps.store.getEntity(entityId, MAX_ENTITY_MENTIONS, joinedIds);
    if (!entity) throw new HttpError(404, 'not-found', `No entity with id ${id}.`);
    const joined = [];
    for (const joinedId of joinedIds) {
      const alias = await deps.store.getEntity(joinedId, 0);
      if (alias)
        joined.push({ entityId: alias.entityId, canonical: alias.canonical, mentionCount: alias.mentionCount });
    }
    return { ...entity, joined, mentions: await withContext(deps.store, entity.mentions) };
  });
}
