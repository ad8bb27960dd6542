import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDINGS_LINE_SCHEMA } from '../../src/report/findings-schema.ts';

describe('the findings schema', () => {
  it('is published as generated from its one source (node scripts/generate-findings-schema.ts)', () => {
    const published = readFileSync(new URL('../../src/report/findings-schema.json', import.meta.url), 'utf8');
    expect(published).toBe(`${JSON.stringify(FINDINGS_LINE_SCHEMA, null, 2)}\n`);
  });
});
