import { defineRoute } from '../route.js';

/** The OpenAPI document, generated from the route tables' zod schemas on first request and kept. */
let document: unknown;

export const openApi = defineRoute({
  method: 'GET',
  path: '/api/v1/openapi.json',
  summary: 'This API as an OpenAPI 3.1 document',
  tags: ['meta'],
  async handle() {
    if (!document) {
      // Imported lazily: the generator reads every context's routes, which import this module in turn.
      const [{ buildOpenApiDocument }, { BOUNDED_CONTEXTS }] = await Promise.all([
        import('../openapi.js'),
        import('../contexts.js'),
      ]);
      document = buildOpenApiDocument(BOUNDED_CONTEXTS.flatMap((context) => context.routes));
    }
    return { body: document, headers: { 'cache-control': 'public, max-age=300' } };
  },
});
