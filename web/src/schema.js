// Schema loading: introspection first, the published SDL as a fallback.
import { buildSchema, getIntrospectionQuery } from 'graphql';

/**
 * Loads the schema GraphiQL should use.
 *
 * It runs the introspection query against the GraphQL endpoint. If the
 * server refuses introspection (or the request fails), it downloads the SDL
 * from sdlURL and builds the schema from it, so the editor still completes
 * and validates queries and the explorer still lists fields.
 *
 * @returns {Promise<{schema: import('graphql').GraphQLSchema | import('graphql').IntrospectionQuery | undefined, source: string, error?: string}>}
 */
export async function loadSchema(endpoint, sdlURL) {
  let introspectionError;
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }),
    });
    const body = await res.json();
    if (body && body.data && body.data.__schema) {
      return { schema: body.data, source: 'introspection' };
    }
    introspectionError = JSON.stringify(body && body.errors ? body.errors : body);
  } catch (e) {
    introspectionError = String(e);
  }
  try {
    const res = await fetch(sdlURL, { headers: { Accept: 'text/plain' } });
    if (!res.ok) throw new Error(`${sdlURL}: HTTP ${res.status}`);
    const schema = buildSchema(await res.text());
    return { schema, source: 'sdl' };
  } catch (e) {
    // Let GraphiQL try introspection itself and show its own error.
    return { schema: undefined, source: 'none', error: `introspection: ${introspectionError}; sdl: ${e}` };
  }
}
