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

  // What a refresh reads back (a state, an existing resource's values): azurerm writes an unset
  // id as "".
  it('reads an existing disk’s and VM OS disk’s empty disk_encryption_set_id as none', async () => {
    const existing = (address: string, after: Json): Change => ({
      address,
      after,
      before: after,
      actions: ['no-op'],
      expressions: {},
    });
    const disk = existing('azurerm_managed_disk.kept', {
      id: '/subscriptions/7a3f5c2e-1b4d-4e6f-9a8b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.Compute/disks/kept',
      name: 'kept',
      location: 'japaneast',
      disk_encryption_set_id: '',
      tags: { confidentiality: '3' },
    });
    const vm = existing('azurerm_linux_virtual_machine.kept', {
      id: '/subscriptions/7a3f5c2e-1b4d-4e6f-9a8b-0c1d2e3f4a5b/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/kept',
      name: 'kept',
      location: 'japaneast',
      encryption_at_host_enabled: false,
      os_disk: [{ caching: 'ReadWrite', disk_encryption_set_id: '', secure_vm_disk_encryption_set_id: '' }],
      tags: { confidentiality: '3' },
    });
    const scanned = await scanDocument(
      plan([disk, vm], { providers: { azurerm: { features: constant([{}]) } } }),
    );
    expect(findingOf(scanned, CMK, 'azurerm_managed_disk.kept').status).toBe('FAIL');
    expect(findingOf(scanned, CMK, 'azurerm_linux_virtual_machine.kept').status).toBe('FAIL');
  });
});

const SECRET = 'common.classification.no-secret-data';
const statusOf = async (document: Json, check: string, address: string) =>
  findingOf(await scanDocument(document), check, address);

describe('AWS provider default_tags in tags_all', () => {
  const DEFAULTS = { confidentiality: '3', Project: 'records' };
  const aws = (defaultTags?: Json) => ({
    aws: {
      region: constant('ap-northeast-1'),
      ...(defaultTags && { default_tags: [{ tags: defaultTags }] }),
    },
  });
  // Shapes of the AWS provider 5.x: a bucket with no tags of its own shows tags null and
  // tags_all the provider's; one tag known only after apply leaves tags_all unknown whole.
  const bucket = (
    tags: Json | null,
    tagsUnknown: unknown,
    tagsAll: Json | undefined,
    expressions: Json = {},
  ): Change => ({
    address: 'aws_s3_bucket.records',
    after: {
      bucket: 'records',
      force_destroy: false,
      ...(tagsUnknown === true ? {} : { tags }),
      ...(tagsAll && { tags_all: tagsAll }),
    },
    afterUnknown: {
      id: true,
      arn: true,
      ...(tagsUnknown !== undefined && { tags: tagsUnknown }),
      tags_all: tagsAll ? {} : true,
    },
    expressions: { bucket: constant('records'), ...expressions },
  });

  it('reads tags_all where the plan knows it: the provider’s tags on a bucket without its own', async () => {
    const document = plan([bucket(null, undefined, DEFAULTS)], { providers: aws(constant(DEFAULTS)) });
    expect((await statusOf(document, SECRET, 'aws_s3_bucket.records')).status).toBe('FAIL');
  });

  it('works tags_all out from default_tags and the own tags the plan knows, when one value is known only after apply', async () => {
    const keyed = bucket({ Name: 'records' }, { KeyId: true }, undefined, {
      tags: ref('aws_kms_key.k.key_id', 'aws_kms_key.k'),
    });
    const finding = await statusOf(
      plan([keyed], { providers: aws(constant(DEFAULTS)) }),
      SECRET,
      'aws_s3_bucket.records',
    );
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence).toMatchObject([{ source: 'explicit', path: 'tags.confidentiality', value: 3 }]);
    // The own tag of the key, known only after apply, overrides the default: unknown.
    const own = bucket({ Name: 'records' }, { confidentiality: true }, undefined);
    const overridden = await statusOf(
      plan([own], { providers: aws(constant(DEFAULTS)) }),
      SECRET,
      'aws_s3_bucket.records',
    );
    expect(overridden.status).toBe('UNKNOWN');
    expect(overridden.messageId).toBe('classTagUnknown');
  });

  it('leaves the class unknown where the tags are a value known only after apply, or the defaults a local', async () => {
    const moduleTags = bucket(null, true, undefined, { tags: ref('module.meta.tags', 'module.meta') });
    expect(
      (
        await statusOf(
          plan([moduleTags], { providers: aws(constant(DEFAULTS)) }),
          SECRET,
          'aws_s3_bucket.records',
        )
      ).status,
    ).toBe('UNKNOWN');
    const keyed = bucket({ Name: 'records' }, { KeyId: true }, undefined);
    expect(
      (await statusOf(plan([keyed], { providers: aws(ref('local.tags')) }), SECRET, 'aws_s3_bucket.records'))
        .status,
    ).toBe('UNKNOWN');
    // A provider block without default_tags adds none: the own tags the plan knows are all.
    const classified = bucket({ confidentiality: '1' }, { KeyId: true }, undefined);
    expect(
      (await statusOf(plan([classified], { providers: aws() }), SECRET, 'aws_s3_bucket.records')).status,
    ).toBe('PASS');
  });
});

describe('google default_labels in effective_labels', () => {
  const google = {
    google: { project: constant('records'), default_labels: constant({ confidentiality: '3' }) },
  };
  const bucket = (labels: Json | null, labelsUnknown: unknown, effective: Json | undefined): Change => ({
    address: 'google_storage_bucket.records',
    after: {
      name: 'records',
      location: 'ASIA-NORTHEAST1',
      ...(labelsUnknown === true ? {} : { labels }),
      ...(effective && { effective_labels: effective, terraform_labels: effective }),
    },
    afterUnknown: {
      id: true,
      ...(labelsUnknown !== undefined && { labels: labelsUnknown }),
      effective_labels: effective ? {} : true,
      terraform_labels: effective ? {} : true,
    },
    expressions: { name: constant('records'), location: constant('ASIA-NORTHEAST1') },
  });

  it('reads effective_labels, which hold the provider’s labels beside the configuration’s own', async () => {
    const effective = { confidentiality: '3', 'goog-terraform-provisioned': 'true' };
    const document = plan([bucket(null, undefined, effective)], { providers: google });
    expect((await statusOf(document, SECRET, 'google_storage_bucket.records')).status).toBe('FAIL');
  });

  it('works them out from default_labels when a label is known only after apply', async () => {
    const stamped = bucket({ owner: 'records' }, { build: true }, undefined);
    expect(
      (await statusOf(plan([stamped], { providers: google }), SECRET, 'google_storage_bucket.records'))
        .status,
    ).toBe('FAIL');
    const own = bucket({ confidentiality: '1' }, { build: true }, undefined);
    expect(
      (await statusOf(plan([own], { providers: google }), SECRET, 'google_storage_bucket.records')).status,
    ).toBe('PASS');
  });
});

describe('google effective_labels of an existing resource known only after apply', () => {
  it('leaves unknown what labels set outside Terraform may say', async () => {
    const before = {
      name: 'records',
      location: 'ASIA-NORTHEAST1',
      labels: { owner: 'records' },
      terraform_labels: { owner: 'records' },
      effective_labels: { owner: 'records', confidentiality: '3' },
    };
    const updated: Change = {
      address: 'google_storage_bucket.records',
      actions: ['update'],
      before,
      after: { name: 'records', location: 'ASIA-NORTHEAST1', labels: { owner: 'records' } },
      afterUnknown: { labels: { build: true }, effective_labels: true, terraform_labels: true },
      expressions: { name: constant('records') },
    };
    const document = plan([updated], { providers: { google: { project: constant('records') } } });
    expect((await statusOf(document, SECRET, 'google_storage_bucket.records')).status).toBe('UNKNOWN');
  });
});

describe('azurerm tags known in part', () => {
  it('reads the tags the plan knows beside one known only after apply (timestamp())', async () => {
    const account: Change = {
      address: 'azurerm_storage_account.records',
      after: {
        name: 'strecords',
        location: 'japaneast',
        public_network_access_enabled: true,
        tags: { confidentiality: '1' },
      },
      afterUnknown: { id: true, network_rules: true, tags: { deployed_at: true } },
      expressions: { name: constant('strecords') },
    };
    const document = plan([account], { providers: { azurerm: { features: constant([{}]) } } });
    expect(
      (await statusOf(document, 'common.classification.closed-network', 'azurerm_storage_account.records'))
        .status,
    ).toBe('NOT_APPLICABLE');
  });
});
