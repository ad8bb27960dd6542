import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/base/input-error.ts';
import { gcpAssetList } from '../../../src/sources/gcp/asset-list.ts';
import { ANCESTORS, PROJECT_NAME, type ReadResource } from './records.ts';

/** `gcloud asset list --format=json` output: JSON names (camelCase) and enum names. */
const listed = [
  {
    ancestors: ANCESTORS,
    assetType: 'cloudresourcemanager.googleapis.com/Project',
    iamPolicy: {
      auditConfigs: [
        { auditLogConfigs: [{ logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }], service: 'allServices' },
      ],
      bindings: [{ members: ['user:admin@city.example.jp'], role: 'roles/owner' }],
      etag: 'BwYh3kPq9xM=',
      version: 1,
    },
    name: PROJECT_NAME,
    updateTime: '2026-11-20T01:00:00.000000Z',
  },
  {
    ancestors: ANCESTORS,
    assetType: 'storage.googleapis.com/Bucket',
    name: '//storage.googleapis.com/docs',
    resource: {
      data: { name: 'docs', location: 'ASIA1', iamConfiguration: { publicAccessPrevention: 'enforced' } },
      discoveryDocumentUri: 'https://www.googleapis.com/discovery/v1/apis/storage/v1/rest',
      discoveryName: 'Bucket',
      location: 'asia1',
      parent: PROJECT_NAME,
      version: 'v1',
    },
    updateTime: '2026-11-20T01:00:00.000000Z',
  },
];

function read(document: unknown) {
  const skipped: { reason: string; index?: number }[] = [];
  const ctx = {
    file: 'assets.json',
    skip: (reason: string, where?: { index?: number }) => skipped.push({ reason, ...where }),
  };
  return { resources: [...gcpAssetList.read(document, ctx)], skipped };
}

describe('gcp-asset-list', () => {
  it('recognises the gcloud array and the ListAssets page, not other clouds or search results', () => {
    expect(gcpAssetList.matches(listed)).toBe(true);
    expect(
      gcpAssetList.matches({ assets: listed, nextPageToken: 'x', readTime: '2026-11-20T01:00:00Z' }),
    ).toBe(true);
    expect(gcpAssetList.matches({ readTime: '2026-11-20T01:00:00Z' })).toBe(true);
    expect(gcpAssetList.matches([])).toBe(false);
    expect(
      gcpAssetList.matches({
        count: 1,
        data: [{ id: '/subscriptions/x' }],
        skip_token: null,
        total_records: 1,
      }),
    ).toBe(false);
    expect(gcpAssetList.matches({ fileVersion: '1.0', configurationItems: [] })).toBe(false);
    expect(
      gcpAssetList.matches([
        {
          name: '//storage.googleapis.com/b',
          assetType: 'storage.googleapis.com/Bucket',
          project: 'projects/1',
        },
      ]),
    ).toBe(false);
  });

  it('reads camelCase envelopes and string log types, with item indexes as origin', () => {
    const { resources } = read(listed);
    const [project, bucket] = resources as [ReadResource, ReadResource];
    expect(project.facts.auditConfigs).toMatchObject({
      source: 'explicit',
      path: 'iamPolicy.auditConfigs',
      value: [{ service: 'allServices', logConfigs: [{ logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }] }],
    });
    expect(project.facts.publicBindings).toMatchObject({ path: 'iamPolicy.bindings', value: [] });
    expect(bucket).toMatchObject({ region: 'asia1', origin: { file: 'assets.json', index: 1 } });
    expect(bucket.facts.publicAccessPrevention).toMatchObject({ source: 'explicit', value: 'enforced' });
  });

  it('reads a ListAssets page and an empty page', () => {
    expect(read({ assets: listed, readTime: '2026-11-20T01:00:00Z' }).resources).toHaveLength(2);
    expect(read({ readTime: '2026-11-20T01:00:00Z' }).resources).toHaveLength(0);
  });

  it('skips items that are not assets and rejects a non-array assets field', () => {
    const { resources, skipped } = read([listed[1], 'oops']);
    expect(resources).toHaveLength(1);
    expect(skipped).toEqual([{ reason: 'record is not a JSON object', index: 1 }]);
    expect(() => read({ assets: {}, readTime: 'x' })).toThrow(InputError);
  });

  // `gcloud asset list` (and ListAssets, `gcloud asset export`) without `--content-type` writes
  // each asset's name, type, ancestors and update time only: no settings and no labels, so the
  // resource's class and marks are not known either. The Node client's dump of such an answer
  // carries an empty `orgPolicy: []` and no `resource`.
  it('reads an asset listed without a content type as listed only, noting why', () => {
    const bare = {
      ancestors: ANCESTORS,
      assetType: 'storage.googleapis.com/Bucket',
      name: '//storage.googleapis.com/bare',
      updateTime: '2026-11-20T01:00:00Z',
    };
    const nodeDump = {
      ...bare,
      name: '//storage.googleapis.com/bare-node',
      orgPolicy: [],
      resource: null,
      iamPolicy: null,
    };
    const notes: string[] = [];
    const ctx = { file: 'assets.json', skip: () => {}, note: (note: string) => notes.push(note) };
    const resources = [...gcpAssetList.read([bare, nodeDump, ...listed], ctx)];
    expect(resources.map((resource) => [resource.id, resource.listedOnly])).toEqual([
      ['//storage.googleapis.com/bare', true],
      ['//storage.googleapis.com/bare-node', true],
      [expect.stringContaining('projects'), undefined],
      ['//storage.googleapis.com/docs', undefined],
    ]);
    expect(notes).toEqual([
      expect.stringContaining('//storage.googleapis.com/bare: no content'),
      expect.stringContaining('//storage.googleapis.com/bare-node: no content'),
    ]);
  });
});
