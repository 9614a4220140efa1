import { CONTRACT_VERSION, endpoints, errorResponseSchema } from './contract';
import { z } from './zod';

/**
 * The API contract as one JSON Schema document (draft 2020-12), for teams who build the board's
 * API. Each endpoint's response and request bodies are named definitions; `x-endpoints` maps the
 * HTTP routes to them. Cross-field rules (for example "a completed audit needs a completion date")
 * live in the zod schemas and are summarised in each definition's description where they apply.
 */
export function buildContractJsonSchema(): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  const routes: Record<string, unknown>[] = [];
  for (const [name, endpoint] of Object.entries(endpoints)) {
    const responseName = `${name}Response`;
    defs[responseName] = z.toJSONSchema(endpoint.response, { io: 'output', unrepresentable: 'any' });
    const route: Record<string, unknown> = {
      name,
      method: endpoint.method,
      path: endpoint.path,
      response: `#/$defs/${responseName}`,
    };
    if ('request' in endpoint) {
      const requestName = `${name}Request`;
      defs[requestName] = z.toJSONSchema(endpoint.request, { io: 'input', unrepresentable: 'any' });
      route.request = `#/$defs/${requestName}`;
      route.errors = { '422': '#/$defs/errorResponse' };
    }
    routes.push(route);
  }
  defs.errorResponse = z.toJSONSchema(errorResponseSchema, { io: 'output' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `safeguarding-board-dashboard/api/${CONTRACT_VERSION}/contract.schema.json`,
    title: `Safeguarding board dashboard API ${CONTRACT_VERSION}`,
    description:
      'Every response is JSON. Paths are relative to the API base URL (default /api/v1). Errors (4xx, 5xx) have the errorResponse body; 422 adds fieldErrors.',
    'x-endpoints': routes,
    $defs: defs,
  };
}
