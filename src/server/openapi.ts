/**
 * The OpenAPI 3.1 document served at GET /api/openapi.json, written by hand next to the routes.
 * Coupled to routes/*.ts (paths, parameters) and validate.ts (bounds); the API test checks every path here is routed.
 */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_QUERY_CHARS } from '../app/search.ts';
import { MAX_PAGES_PER_POST } from './routes/pages.ts';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './validate.ts';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description: string): Json => ({
  description,
  content: { 'application/json': { schema } },
});
const ERRORS: Json = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '404': { $ref: '#/components/responses/NotFound' },
};
const pathId = (what: string): Json => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `${what} id`,
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
});
const queryParam = (name: string, schema: Json, description: string, required = false): Json => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const PAGING = [
  queryParam(
    'limit',
    { type: 'integer', minimum: 1, maximum: MAX_LIST_LIMIT, default: DEFAULT_LIST_LIMIT },
    'Items per page',
  ),
  queryParam('offset', { type: 'integer', minimum: 0, default: 0 }, 'Items to skip'),
];
const STORYLINE_PARAM = queryParam('storyline', { type: 'string' }, 'Storyline id', true);

const SPAN: Json = {
  type: 'object',
  required: ['start', 'end'],
  properties: { start: { type: 'integer' }, end: { type: 'integer' } },
};

const SCHEMAS: Json = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['status', 'code', 'message'],
        properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  Span: SPAN,
  PageSubmission: {
    type: 'object',
    additionalProperties: false,
    description: 'Exactly one of html or text.',
    properties: {
      url: { type: 'string', maxLength: 2048 },
      html: { type: 'string' },
      text: { type: 'string' },
      fetchedAt: { type: 'string', format: 'date-time' },
    },
  },
  ArticleSummary: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      pageId: { type: 'string' },
      headline: { type: ['string', 'null'] },
      outlet: { type: ['string', 'null'] },
      url: { type: 'string' },
      published: { type: ['object', 'null'] },
      bodyChars: { type: 'integer' },
    },
  },
  Article: {
    type: 'object',
    description: 'Clean article; annotation offsets index body, removed[] offsets index the page text.',
    properties: {
      id: { type: 'string' },
      pageId: { type: 'string' },
      headline: { type: ['string', 'null'] },
      dek: { type: ['string', 'null'] },
      body: { type: 'string' },
      outlet: { type: ['string', 'null'] },
      published: { type: ['object', 'null'] },
      citedSources: { type: 'array', items: { type: 'string' } },
      annotations: {
        type: ['object', 'null'],
        properties: {
          entities: { type: 'array' },
          quantities: { type: 'array' },
          quotes: { type: 'array' },
          times: { type: 'array' },
        },
      },
      removed: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            reason: { type: ['string', 'null'] },
            start: { type: 'integer' },
            end: { type: 'integer' },
            text: { type: 'string' },
            scope: { enum: ['article', 'page'] },
          },
        },
      },
      storylineId: { type: ['string', 'null'] },
      pageTextUrl: { type: 'string' },
    },
  },
  Entity: {
    type: 'object',
    properties: {
      entityId: { type: 'string' },
      type: { enum: ['PERS', 'ORG', 'LOC', 'MISC'] },
      canonical: { type: 'string' },
      mentionCount: { type: 'integer' },
      articleCount: { type: 'integer' },
      joined: {
        type: 'array',
        description:
          'One entity only: person short forms listed under this full name («مبارك» under «حسني مبارك»); their mentions are included',
        items: {
          type: 'object',
          properties: {
            entityId: { type: 'string' },
            canonical: { type: 'string' },
            mentionCount: { type: 'integer' },
          },
        },
      },
    },
  },
  Storyline: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      label: { type: 'string' },
      firstDate: { type: ['string', 'null'] },
      lastDate: { type: ['string', 'null'] },
      articleCount: { type: 'integer' },
      eventClusterCount: { type: 'integer' },
      outlets: { type: 'array', items: { type: 'string' } },
    },
  },
  Source: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      url: { type: 'string' },
      name: { type: ['string', 'null'] },
      kind: { enum: ['feed', 'sitemap', 'site'] },
      endpoints: {
        type: 'array',
        items: { type: 'object', properties: { url: { type: 'string' }, kind: { enum: ['feed', 'sitemap'] } } },
      },
      everySeconds: { type: 'integer' },
      createdAt: { type: 'string' },
      nextRunAt: { type: 'string' },
      lastRunAt: { type: ['string', 'null'] },
      lastStatus: { enum: ['ok', 'partial', 'failed', null] },
      lastError: { type: ['string', 'null'] },
      itemsSeen: { type: 'integer' },
      itemsPending: { type: 'integer' },
      itemsFailed: { type: 'integer' },
      articlesStored: { type: 'integer' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            at: { type: 'string' },
            url: { type: ['string', 'null'] },
            code: { type: 'string' },
            message: { type: 'string' },
          },
        },
      },
      articlesPerDay: {
        type: 'array',
        items: { type: 'object', properties: { day: { type: 'string' }, articles: { type: 'integer' } } },
      },
    },
  },
  SearchResponse: {
    type: 'object',
    properties: {
      query: { type: 'string' },
      total: { type: 'integer' },
      page: { type: 'integer' },
      pageSize: { type: 'integer' },
      clauses: { type: 'array' },
      hits: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            articleId: { type: 'string' },
            headline: { type: ['string', 'null'] },
            headlineHighlights: { type: 'array', items: SPAN },
            outlet: { type: ['string', 'null'] },
            published: { type: ['string', 'null'] },
            score: { type: 'number' },
            snippet: {
              type: 'object',
              properties: {
                text: { type: 'string' },
                start: { type: 'integer' },
                end: { type: 'integer' },
                highlights: { type: 'array', items: SPAN },
              },
            },
          },
        },
      },
    },
  },
};

const PATHS: Json = {
  '/api/health': { get: { summary: 'Liveness and corpus size', responses: { '200': json({ type: 'object' }, 'OK') } } },
  '/api/openapi.json': {
    get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI 3.1 document') } },
  },
  '/api/pages': {
    post: {
      summary: `Ingest one page, or {pages: [...]} (at most ${MAX_PAGES_PER_POST})`,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              oneOf: [
                ref('PageSubmission'),
                {
                  type: 'object',
                  properties: { pages: { type: 'array', items: ref('PageSubmission'), maxItems: MAX_PAGES_PER_POST } },
                },
              ],
            },
          },
        },
      },
      responses: {
        '201': json({ type: 'object' }, 'Per-page results'),
        '400': { $ref: '#/components/responses/BadRequest' },
        '413': json(ref('Error'), 'Body too large'),
        '422': json({ type: 'object' }, 'Every page failed'),
        '503': json(ref('Error'), 'Ingest unavailable'),
        '401': json(ref('Error'), 'No valid API token'),
        '403': json(ref('Error'), 'A reader token may not write'),
        '421': json(ref('Error'), 'Host not served'),
      },
      security: [{ bearer: [] }],
    },
  },
  '/api/pages/{id}': {
    get: {
      summary: 'Page metadata and labelled spans',
      parameters: [pathId('Page')],
      responses: { '200': json({ type: 'object' }, 'Page'), ...ERRORS },
    },
  },
  '/api/pages/{id}/text': {
    get: {
      summary: 'The page text that page-level spans index',
      parameters: [pathId('Page')],
      responses: {
        '200': { description: 'Plain text', content: { 'text/plain': { schema: { type: 'string' } } } },
        ...ERRORS,
      },
    },
  },
  '/api/articles': {
    get: {
      summary: 'Articles, newest first',
      parameters: [...PAGING, queryParam('outlet', { type: 'string' }, 'Exact outlet name')],
      responses: {
        '200': json(
          {
            type: 'object',
            properties: { total: { type: 'integer' }, items: { type: 'array', items: ref('ArticleSummary') } },
          },
          'Articles',
        ),
        ...ERRORS,
      },
    },
  },
  '/api/articles/{id}': {
    get: {
      summary: 'One article (id or unique id prefix) with annotations and removed boilerplate',
      parameters: [pathId('Article')],
      responses: { '200': json(ref('Article'), 'Article'), ...ERRORS },
    },
  },
  '/api/entities': {
    get: {
      summary:
        "Linked entities, most mentioned first (then by canonical name and id); a person's short form is counted under the one full name it fits",
      parameters: [
        ...PAGING,
        queryParam('type', { enum: ['PERS', 'ORG', 'LOC', 'MISC'] }, 'Entity type'),
        queryParam('storyline', { type: 'string' }, 'Only entities of this storyline'),
        queryParam('after', { type: 'string' }, 'Keyset pagination: the nextCursor of the previous page'),
      ],
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              items: { type: 'array', items: ref('Entity') },
              nextCursor: {
                type: ['string', 'null'],
                description: 'Pass as `after` for the next page; null at the end',
              },
            },
          },
          'Entities',
        ),
        ...ERRORS,
      },
    },
  },
  '/api/entities/{id}': {
    get: {
      summary: 'One entity with name variants and mentions in context',
      parameters: [{ ...pathId('Entity'), schema: { type: 'string', maxLength: 200 } }],
      responses: { '200': json(ref('Entity'), 'Entity'), ...ERRORS },
    },
  },
  '/api/storylines': {
    get: {
      summary: 'Storylines, largest first',
      responses: {
        '200': json(
          { type: 'object', properties: { items: { type: 'array', items: ref('Storyline') } } },
          'Storylines',
        ),
      },
    },
  },
  '/api/storylines/{id}': {
    get: {
      summary: 'Storyline with event clusters, articles by outlet (duplicates folded), timeline and claims',
      parameters: [pathId('Storyline')],
      responses: { '200': json(ref('Storyline'), 'Storyline'), ...ERRORS },
    },
  },
  '/api/clusters': {
    get: {
      summary: 'Event clusters of the storylines (by storyline id, then their order in it); all of them without limit',
      parameters: [
        queryParam('limit', { type: 'integer', minimum: 1, maximum: 200 }, 'At most this many clusters'),
        queryParam('after', { type: 'string' }, 'Keyset pagination: the nextCursor of the previous page'),
      ],
      responses: {
        '200': json(
          {
            type: 'object',
            properties: {
              items: { type: 'array', items: { type: 'object' } },
              nextCursor: {
                type: ['string', 'null'],
                description: 'Pass as `after` for the next page; null at the end',
              },
            },
          },
          'Event clusters',
        ),
        ...ERRORS,
      },
    },
  },
  '/api/clusters/{id}': {
    get: {
      summary: 'One event cluster',
      parameters: [pathId('Event cluster')],
      responses: { '200': json({ type: 'object' }, 'Event cluster'), ...ERRORS },
    },
  },
  '/api/timeline': {
    get: {
      summary: 'Timeline of a storyline',
      parameters: [STORYLINE_PARAM],
      responses: { '200': json({ type: 'object' }, 'Timeline'), ...ERRORS },
    },
  },
  '/api/claims': {
    get: {
      summary: 'Claims of a storyline with sources and verdicts',
      parameters: [STORYLINE_PARAM],
      responses: { '200': json({ type: 'object' }, 'Claims'), ...ERRORS },
    },
  },
  '/api/sources': {
    get: {
      summary: 'Sources marsad watch follows, with counts and last run',
      responses: {
        '200': json({ type: 'object', properties: { items: { type: 'array', items: ref('Source') } } }, 'Sources'),
      },
    },
    post: {
      summary: 'Follow a feed, sitemap or site (discovered on its first watch round; the server fetches nothing)',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['url'],
              properties: {
                url: { type: 'string', format: 'uri' },
                name: { type: 'string' },
                every: { type: 'string', examples: ['15m'] },
              },
            },
          },
        },
      },
      responses: { '201': json(ref('Source'), 'The new source'), '400': { $ref: '#/components/responses/BadRequest' } },
    },
  },
  '/api/sources/{id}': {
    get: {
      summary: 'One source with its health: last fetch, status, next run, counts, errors with times, articles per day',
      parameters: [pathId('Source')],
      responses: { '200': json(ref('Source'), 'Source health'), ...ERRORS },
    },
    delete: {
      summary: 'Stop following a source (its articles stay)',
      parameters: [pathId('Source')],
      responses: { '204': { description: 'Removed' }, ...ERRORS },
    },
  },
  '/api/search': {
    get: {
      summary:
        'Full-text search: words (AND), "phrases", -exclusions, prefix*; spelling variants and inflections match',
      parameters: [
        queryParam('q', { type: 'string', minLength: 1, maxLength: MAX_QUERY_CHARS }, 'Query', true),
        queryParam('outlet', { type: 'string' }, 'Exact outlet name'),
        queryParam('from', { type: 'string', format: 'date' }, 'Published on or after'),
        queryParam('to', { type: 'string', format: 'date' }, 'Published on or before'),
        queryParam('entity', { type: 'string' }, 'Entity id'),
        queryParam('storyline', { type: 'string' }, 'Storyline id'),
        queryParam('page', { type: 'integer', minimum: 1, default: 1 }, '1-based page'),
        queryParam(
          'pageSize',
          { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
          'Hits per page',
        ),
      ],
      responses: {
        '200': json(ref('SearchResponse'), 'Ranked hits with highlighted snippets'),
        '400': { $ref: '#/components/responses/BadRequest' },
      },
    },
  },
};

/** The OpenAPI document (shared constant parts; serialise, do not mutate). */
export function openApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marsad API',
      version: '0.1.0',
      description:
        'Arabic-first news intelligence: articles, annotations, entities, storylines, timelines, claims and search. Errors are {error: {status, code, message}}. Every request must name a host the server answers for (421 otherwise); writes need an editor or admin token (Authorization: Bearer, `marsad tokens create`), reads need one when the server is bound beyond loopback.',
    },
    paths: PATHS,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'marsad tokens create --role reader|editor|admin' },
      },
      schemas: SCHEMAS,
      responses: {
        BadRequest: json(ref('Error'), 'Invalid parameters or body; the message names the field'),
        NotFound: json(ref('Error'), 'Unknown id'),
      },
    },
  };
}
