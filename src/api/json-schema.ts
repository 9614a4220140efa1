import {
  CONTRACT_VERSION,
  conflictBodySchema,
  endpoints,
  errorResponseSchema,
  type EndpointSpec,
} from './contract';
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
  for (const [name, spec] of Object.entries(endpoints)) {
    const endpoint: EndpointSpec = spec;
    const responseName = `${name}Response`;
    const route: Record<string, unknown> = {
      name,
      method: endpoint.method,
      path: endpoint.path,
      status: endpoint.status ?? 200,
      signIn: endpoint.public ? 'not needed' : 'required (401 without a session, 403 without the role)',
    };
    if (endpoint.status !== 204) {
      defs[responseName] = z.toJSONSchema(endpoint.response, { io: 'output', unrepresentable: 'any' });
      route.response = `#/$defs/${responseName}`;
    }
    const errors: Record<string, string> = {};
    if (endpoint.query) {
      const queryName = `${name}Query`;
      defs[queryName] = z.toJSONSchema(endpoint.query, { io: 'input', unrepresentable: 'any' });
      route.query = `#/$defs/${queryName}`;
      errors['422'] = '#/$defs/errorResponse';
    }
    if (endpoint.request) {
      const requestName = `${name}Request`;
      defs[requestName] = z.toJSONSchema(endpoint.request, { io: 'input', unrepresentable: 'any' });
      route.request = `#/$defs/${requestName}`;
      errors['422'] = '#/$defs/errorResponse';
    }
    if (endpoint.versioned) errors['409'] = `#/$defs/conflictResponse (current: ${responseName})`;
    if (Object.keys(errors).length > 0) route.errors = errors;
    routes.push(route);
  }
  defs.errorResponse = z.toJSONSchema(errorResponseSchema, { io: 'output' });
  defs.conflictResponse = z.toJSONSchema(conflictBodySchema, { io: 'output', unrepresentable: 'any' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `safeguarding-board-dashboard/api/${CONTRACT_VERSION}/contract.schema.json`,
    title: `Safeguarding board dashboard API ${CONTRACT_VERSION}`,
    description:
      'Every response is JSON. Paths are relative to the API base URL (default /api/v1). Errors (4xx, 5xx) have the errorResponse body; 422 adds fieldErrors; 409 (a save based on an old version) has conflictResponse with the record as it now stands. Writes must send a same-origin Origin header and Content-Type: application/json.',
    'x-endpoints': routes,
    $defs: defs,
  };
}
