import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { codegenTypeScriptVersion, GENERATED_FILE, generateApiTypes } from '../../../codegen/generate';

/** The console's API types are generated from the server's routes: a stale file fails here (`npm run generate:api`). */
describe('generated API types', () => {
  it('equal a fresh generation from the OpenAPI document', { timeout: 60_000 }, async () => {
    expect(codegenTypeScriptVersion()).toMatch(/^5\./);
    const expected = await generateApiTypes();
    const actual = await readFile(GENERATED_FILE, 'utf8');
    expect(actual === expected, 'web/src/api/generated/openapi.ts is stale: run npm run generate:api').toBe(true);
  });
});
