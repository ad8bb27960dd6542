import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_CONFIG_TYPES } from '../../src/sources/aws/adapters/index.ts';
import { ADAPTERS } from '../../src/sources/azure/adapters/index.ts';
import { NATIVE_TYPES } from '../../src/sources/gcp/adapters/index.ts';

const DOC = readFileSync(path.resolve(import.meta.dirname, '../../docs/resource-types.md'), 'utf8');

/** The rows of the "Read" table of one cloud's section. */
function readTable(section: string): string[] {
  const start = DOC.indexOf(`## ${section}`);
  const table = DOC.slice(DOC.indexOf('### Read', start), DOC.indexOf('### Recognised', start));
  return [...table.matchAll(/^\| `([^`]+)` \| ([a-z.-]+) \|$/gm)].map((m) => `${m[1]} ${m[2]}`);
}

describe('docs/resource-types.md', () => {
  it('lists every Cloud Asset type kansa reads, with its kansa type', () => {
    expect(readTable('Google Cloud').sort()).toEqual(
      Object.entries(NATIVE_TYPES)
        .map(([type, native]) => `${type} ${native.kansaType}`)
        .sort(),
    );
  });

  it('lists every AWS Config type kansa reads', () => {
    expect(readTable('AWS').map((row) => row.split(' ')[0])).toEqual([...KNOWN_CONFIG_TYPES]);
  });

  it('lists every Azure type kansa reads, with its kansa type', () => {
    expect(readTable('Azure').sort()).toEqual(
      [...ADAPTERS].map(([type, adapter]) => `${type} ${adapter.kansaType}`).sort(),
    );
  });
});
