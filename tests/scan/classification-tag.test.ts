import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../src/model/parameters.ts';
import type { Resource } from '../../src/model/resource.ts';
import { checkContext, Inventory } from '../../src/scan/inventory.ts';

const resource = (tags: Record<string, string>): Resource => ({
  provider: 'azure',
  account: '00000000-0000-4000-8000-000000000001',
  region: 'japaneast',
  nativeType: 'microsoft.storage/storageaccounts',
  kansaType: 'storage.account',
  id: `/subscriptions/00000000-0000-4000-8000-000000000001/resourcegroups/rg/providers/microsoft.storage/storageaccounts/st${JSON.stringify(tags).length}`,
  name: 'st',
  tags,
  facts: {},
  origin: { file: 'test-input' },
});

const classOf = (tags: Record<string, string>) =>
  checkContext(new Inventory(), DEFAULT_PARAMETERS, new Date()).classification(resource(tags));

describe('the classification tag', () => {
  it.each([
    ['3', 3],
    ['1', 1],
    ['3 (secret)', 3],
    ['2 - 社外秘', 2],
    // As the government's standards name the classes, in half- and full-width digits.
    ['機密性3', 3],
    ['機密性３', 3],
    ['機密性１情報', 1],
    ['機密性2情報', 2],
    ['機密性 2', 2],
    ['機密性３（要保護）', 3],
    // A sub-class some bodies use (機密性2A, 2B) is class 2.
    ['機密性2A', 2],
    ['class2', 2],
    ['Class 2', 2],
    ['CLASS-3', 3],
    ['C2', 2],
    ['c1', 1],
    [' 2 ', 2],
    ['２', 2],
  ])('reads %j as class %i, the tag as evidence', (value, level) => {
    expect(classOf({ Confidentiality: value })).toMatchObject({
      source: 'explicit',
      value: level,
      path: 'tags.Confidentiality',
    });
  });

  // Present but no class kansa reads: unknown, never the default (which is for untagged resources).
  it.each(['4', '12', '機密性4', '2,3', '2 or 3', '2.5', 'secret', '', 'C', '機密性', '[object Object]'])(
    'reads %j as no class: unknown',
    (value) => {
      const level = classOf({ confidentiality: value });
      expect(level).toMatchObject({ source: 'unknown', path: 'tags.confidentiality' });
      expect(level.source === 'unknown' && level.note.en).toContain(JSON.stringify(value));
    },
  );

  it('gives the default class to a resource without the tag, saying so', () => {
    expect(classOf({ owner: 'somebody' })).toMatchObject({
      source: 'default',
      value: DEFAULT_PARAMETERS.classification.default,
      path: 'tags.confidentiality',
    });
  });

  // A Config query that did not SELECT tags: the resource may be tagged, so its class is unknown.
  it('gives no class to a resource whose record does not carry its tags', () => {
    const untold = { ...resource({}), tagsUnread: true as const };
    const level = checkContext(new Inventory(), DEFAULT_PARAMETERS, new Date()).classification(untold);
    expect(level).toMatchObject({ source: 'unknown', path: 'tags.confidentiality' });
  });

  it('reads the class of a resource whose records carry its tags in one of them', () => {
    const inventory = new Inventory();
    inventory.add({ ...resource({}), tagsUnread: true });
    inventory.add(resource({}));
    inventory.add({ ...resource({ confidentiality: '3' }), id: resource({}).id });
    const [merged] = inventory.all();
    expect(merged?.tagsUnread).toBeUndefined();
    expect(checkContext(inventory, DEFAULT_PARAMETERS, new Date()).classification(merged!)).toMatchObject({
      source: 'explicit',
      value: 3,
    });
  });

  it('takes the higher class when the key is written twice', () => {
    expect(classOf({ Confidentiality: '1', confidentiality: '機密性3' })).toMatchObject({ value: 3 });
  });
});
