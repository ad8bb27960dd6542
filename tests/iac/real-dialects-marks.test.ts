import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * What marks a planned resource (its tags and labels, with the providers' defaults merged in)
 * and the keys that encrypt its data, as plans of the AWS provider 5.x, google 6.x and azurerm
 * 4.x show them (SOURCES.md, "Dialects of public plans").
 */
const CMK = 'common.classification.cmk-at-rest';

describe('an azurerm_managed_disk whose disk encryption set is known only after apply', () => {
  const disk = (expressions: Json): Change => ({
    address: 'azurerm_managed_disk.data',
    after: {
      create_option: 'Empty',
      disk_size_gb: 128,
      location: 'japaneast',
      name: 'data',
      resource_group_name: 'rg',
      storage_account_type: 'Premium_ZRS',
      tags: { confidentiality: '3' },
    },
    afterUnknown: { id: true, disk_encryption_set_id: true, tags: {} },
    expressions: { create_option: constant('Empty'), ...expressions },
  });
  const status = async (expressions: Json) =>
    findingOf(
      await scanDocument(plan([disk(expressions)], { providers: { azurerm: { features: constant([{}]) } } })),
      CMK,
      'azurerm_managed_disk.data',
    ).status;

  it('uses a customer-managed key where the configuration names the set', async () => {
    expect(
      await status({
        disk_encryption_set_id: ref('azurerm_disk_encryption_set.des.id', 'azurerm_disk_encryption_set.des'),
      }),
    ).toBe('PASS');
  });

  it('stays unknown where the configuration does not say', async () => {
    expect(await status({})).toBe('UNKNOWN');
  });
});
