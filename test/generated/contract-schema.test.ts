import { expect, it } from 'vitest';
import { buildContractJsonSchema } from '../../src/api/json-schema';

/** The JSON Schema published for backend teams is generated from the zod contract; `npm run generate` rewrites it. */
it('the published JSON Schema is generated from the current contract', async () => {
  const text = `${JSON.stringify(buildContractJsonSchema(), null, 2)}\n`;
  await expect(text).toMatchFileSnapshot('../../public/contract/api-v1.schema.json');
});
