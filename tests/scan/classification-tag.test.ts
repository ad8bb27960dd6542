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
    // As the government's standards name the classes, in half- and full-width digits.
    ['機密性3', 3],
    ['機密性３', 3],
    ['機密性１情報', 1],
    ['機密性 2', 2],
  ])('reads %s as class %i', (value, level) => {
    expect(classOf({ Confidentiality: value })).toBe(level);
  });

  it.each(['4', '12', '機密性4', 'secret', ''])('leaves %j to the default class', (value) => {
    expect(classOf({ confidentiality: value })).toBe(DEFAULT_PARAMETERS.classification.default);
  });
});
