import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../src/model/parameters.ts';
import { type Resource, tagsHeldElsewhere } from '../../src/model/resource.ts';
import { checkContext, Inventory } from '../../src/scan/inventory.ts';
import { toResource } from '../../src/sources/azure/adapters/index.ts';

const LIST_BUCKETS = tagsHeldElsewhere('aws s3api list-buckets', 'aws s3api get-bucket-tagging');

function bucket(name: string, file: string, tags: Record<string, string>, unrecorded: boolean): Resource {
  return {
    provider: 'aws',
    account: '246813579024',
    region: 'ap-northeast-1',
    kansaType: 'storage.bucket',
    nativeType: 'AWS::S3::Bucket',
    id: `arn:aws:s3:::${name}`,
    name,
    tags,
    facts: {},
    origin: { file, index: 0 },
    ...(unrecorded && { unknownTags: LIST_BUCKETS }),
  };
}

function merged(...records: Resource[]): Resource {
  const inventory = new Inventory();
  for (const record of records) inventory.add(record);
  return inventory.byId('aws', records[0]!.id)!;
}

const classOf = (resource: Resource) =>
  checkContext(new Inventory(), DEFAULT_PARAMETERS, new Date()).classification(resource);

describe('a record whose format carries no tags (Resource.unknownTags)', () => {
  it('has no class known, never the default, the note naming what holds the tags', () => {
    const level = classOf(bucket('city-juki', 'list-buckets.json', {}, true));
    expect(level).toMatchObject({ source: 'unknown', path: 'tags.confidentiality' });
    expect(level.source === 'unknown' && level.note.en).toMatch(/get-bucket-tagging holds them/);
  });

  it('shares one frozen unknown class between the resources of one format', () => {
    const a = classOf(bucket('city-a', 'list-buckets.json', {}, true));
    const b = classOf(bucket('city-b', 'list-buckets.json', {}, true));
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('keeps a classification tag it carries after all', () => {
    expect(classOf(bucket('city-c', 'x.json', { 機密性: '3' }, true))).toMatchObject({
      source: 'explicit',
      value: 3,
    });
  });

  it('stays unrecorded when every record of the resource is so', () => {
    const resource = merged(
      bucket('city-d', 'list-buckets.json', {}, true),
      bucket('city-d', 'get-bucket-encryption_city-d.json', {}, true),
    );
    expect(resource.unknownTags).toBe(LIST_BUCKETS);
    expect(classOf(resource).source).toBe('unknown');
  });

  it.each([
    ['first', true, false],
    ['second', false, true],
  ])('is lifted by a record that carries tags, read %s', (_, first, second) => {
    const resource = merged(bucket('city-e', 'a.json', {}, first), bucket('city-e', 'b.json', {}, second));
    expect(resource.unknownTags).toBeUndefined();
    // The tags were read and none names a class: the default class.
    expect(classOf(resource)).toMatchObject({
      source: 'default',
      value: DEFAULT_PARAMETERS.classification.default,
    });
  });
});

describe('a Resource Graph row (az graph query)', () => {
  const id =
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-juki/providers/Microsoft.Storage/storageAccounts/stjuki';
  const row = { id, name: 'stjuki', type: 'microsoft.storage/storageaccounts', location: 'japaneast' };
  const read = (record: Record<string, unknown>) => {
    const resource = toResource(record, { file: 'graph.json' }, undefined, 'graph');
    if ('skip' in resource) throw new Error(resource.skip);
    return resource;
  };

  it('projected without tags says nothing of them: the class is not known', () => {
    const resource = read({ ...row, properties_supportsHttpsTrafficOnly: true });
    expect(resource.unknownTags).toMatchObject({
      en: expect.stringMatching(/Resource Graph query that does not project tags/),
    });
    expect(classOf(resource).source).toBe('unknown');
  });

  it.each([
    ['null (no tags)', null],
    ['an object', { owner: 'shimin-ka' }],
  ])('with a tags column, %s, shows the tags: the default class', (_, tags) => {
    const resource = read({ ...row, tags, properties: {} });
    expect(resource.unknownTags).toBeUndefined();
    expect(classOf(resource).source).toBe('default');
  });

  it('read from an ARM listing (whose records leave out tags only when there are none) takes the default', () => {
    const resource = toResource({ ...row, properties: {} }, { file: 'arm.json' });
    expect('skip' in resource || resource.unknownTags).toBeFalsy();
  });
});
