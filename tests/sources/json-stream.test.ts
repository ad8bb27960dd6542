import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/model/resource.ts';
import { jsonValues } from '../../src/sources/json-stream.ts';
import { readInputFile } from '../../src/sources/read-inputs.ts';

/**
 * Several JSON documents one after another, each pretty-printed: `jq '.[]' export.json` prints a
 * list's items so, and policy-library's gcp_glb_external_ip fixture holds its assets so.
 */
const asset = (bucket: string, uniform: boolean) => ({
  name: `//storage.googleapis.com/${bucket}`,
  asset_type: 'storage.googleapis.com/Bucket',
  resource: {
    data: {
      name: bucket,
      location: 'ASIA-NORTHEAST1',
      iamConfiguration: { uniformBucketLevelAccess: { enabled: uniform } },
    },
  },
  ancestors: ['projects/123456789012'],
});
const pretty = (value: unknown) => JSON.stringify(value, null, 2);

describe('jsonValues', () => {
  it('splits values written one after another, with the line each starts on', () => {
    const text = `${pretty({ a: '}{"' })}\n${pretty([1, { b: 'x\\"]' }])}\n\n${pretty({ c: 3 })}\n`;
    expect(jsonValues(text)).toEqual([
      { value: { a: '}{"' }, line: 1 },
      { value: [1, { b: 'x\\"]' }], line: 4 },
      { value: { c: 3 }, line: 11 },
    ]);
  });

  it('is no stream for one document, malformed JSON or a scalar between values', () => {
    expect(jsonValues(pretty({ a: 1 }))).toBeUndefined();
    expect(jsonValues(`${pretty({ a: 1 })}\n]\n`)).toBeUndefined();
    expect(jsonValues(`${pretty({ a: 1 })}\n${pretty({ b: 2 }).slice(0, -1)}`)).toBeUndefined();
    expect(jsonValues(`${pretty({ a: 1 })}\n42\n${pretty({ b: 2 })}`)).toBeUndefined();
  });
});

describe('a file of JSON documents one after another', () => {
  it('is read as the array of them, by the format that reads the array', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-json-stream-'));
    const file = path.join(dir, 'buckets.json');
    await writeFile(file, `${pretty(asset('city-a', true))}\n${pretty(asset('city-b', false))}\n`);
    const resources: Resource[] = [];
    const coverage = await readInputFile(file, (resource) => resources.push(resource));
    expect(coverage).toMatchObject({ format: 'gcp-asset-list', resources: 2 });
    expect(coverage.error).toBeUndefined();
    expect(resources.map((r) => r.id)).toEqual([
      '//storage.googleapis.com/city-a',
      '//storage.googleapis.com/city-b',
    ]);
  });

  it('keeps the syntax error of a document that is malformed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-json-stream-'));
    const file = path.join(dir, 'broken.json');
    await writeFile(file, `${pretty([asset('city-a', true)])}\n\n]\n`);
    const coverage = await readInputFile(file, () => undefined);
    expect(coverage.error).toMatch(/unexpected content after the end of the JSON document/);
  });
});
