import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateValidators } from '../../scripts/generate-validators.ts';

describe('the generated schema validators', () => {
  it('are ajv standalone code of the schemas as they are now (npm run validators)', () => {
    for (const [file, text] of generateValidators()) {
      const committed = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      expect(committed, `${file} is stale: run npm run validators`).toBe(text);
    }
  });
});
