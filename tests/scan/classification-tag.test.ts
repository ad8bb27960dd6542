import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../src/model/parameters.ts';
import type { Resource } from '../../src/model/resource.ts';
import { checkContext, Inventory } from '../../src/scan/inventory.ts';
import { TAGS_NOT_CARRIED } from '../../src/sources/aws/config-item.ts';

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

  // The guideline's own name for the classification, whatever key the parameters name: a GCP
  // label key may be it too (keys take international characters).
  it('reads a 機密性 tag as the classification tag', () => {
    expect(classOf({ 機密性: '3' })).toMatchObject({ source: 'explicit', value: 3, path: 'tags.機密性' });
    expect(classOf({ ' 機密性 ': '機密性２情報' })).toMatchObject({ source: 'explicit', value: 2 });
    expect(classOf({ confidentiality: '1', 機密性: '３' })).toMatchObject({ value: 3 });
    expect(classOf({ 機密性: 'secret' })).toMatchObject({ source: 'unknown', path: 'tags.機密性' });
    // A secret document's grade is class 3 (the standards' 機密性3情報).
    for (const grade of ['極秘', '秘', '極秘文書', '秘密文書', '特定秘密'])
      expect(classOf({ 機密性: grade })).toMatchObject({ source: 'explicit', value: 3, path: 'tags.機密性' });
    expect(classOf({ 機密性: '極秘扱い' })).toMatchObject({ source: 'unknown' });
    expect(classOf({ 機密性区分: '3' })).toMatchObject({
      source: 'explicit',
      value: 3,
      path: 'tags.機密性区分',
    });
    expect(classOf({ 機密性レベル: 'C3' })).toMatchObject({ source: 'explicit', value: 3 });
    // Another word after it is another tag (a note, a date), not the class.
    expect(classOf({ 機密性見直し日: '2025-04-01' })).toMatchObject({ source: 'default' });
  });

  // A Config query that did not SELECT tags: the resource may be tagged, so its class is unknown.
  it('gives no class to a resource whose record does not carry its tags', () => {
    const untold = { ...resource({}), unknownTags: TAGS_NOT_CARRIED };
    const level = checkContext(new Inventory(), DEFAULT_PARAMETERS, new Date()).classification(untold);
    expect(level).toMatchObject({ source: 'unknown', path: 'tags.confidentiality' });
  });

  // A plan's `機密性 = var.level`: the guideline's own key, known only after apply, may name any class.
  it('gives no class to a resource whose 機密性 tag is known only after apply', () => {
    const pending = { ...resource({ owner: 'somebody' }), unknownTags: ['機密性'] };
    const level = checkContext(new Inventory(), DEFAULT_PARAMETERS, new Date()).classification(pending);
    expect(level).toMatchObject({ source: 'unknown', path: 'tags.機密性' });
  });

  it('reads the class of a resource whose records carry its tags in one of them', () => {
    const inventory = new Inventory();
    inventory.add({ ...resource({}), unknownTags: TAGS_NOT_CARRIED });
    inventory.add(resource({}));
    inventory.add({ ...resource({ confidentiality: '3' }), id: resource({}).id });
    const [merged] = inventory.all();
    expect(merged?.unknownTags).toBeUndefined();
    expect(checkContext(inventory, DEFAULT_PARAMETERS, new Date()).classification(merged!)).toMatchObject({
      source: 'explicit',
      value: 3,
    });
  });

  // A plan's keys known only after apply and a record without tags: a key stays unknown only
  // where every record of the resource leaves it unknown.
  it('keeps unknown only the tags no record of the resource tells', () => {
    const merged = (...unknownTags: Resource['unknownTags'][]) => {
      const inventory = new Inventory();
      for (const keys of unknownTags) inventory.add({ ...resource({}), ...(keys && { unknownTags: keys }) });
      return inventory.all()[0]?.unknownTags;
    };
    expect(merged(TAGS_NOT_CARRIED, ['confidentiality', 'Owner'])).toEqual(['confidentiality', 'Owner']);
    expect(merged(['confidentiality', 'Owner'], ['owner', 'env'])).toEqual(['Owner']);
    expect(merged(['confidentiality'], ['owner'])).toBeUndefined();
    expect(merged(TAGS_NOT_CARRIED, TAGS_NOT_CARRIED)).toBe(TAGS_NOT_CARRIED);
    expect(merged(TAGS_NOT_CARRIED, undefined)).toBeUndefined();
  });

  it('takes the higher class when the key is written twice', () => {
    expect(classOf({ Confidentiality: '1', confidentiality: '機密性3' })).toMatchObject({ value: 3 });
  });
});
