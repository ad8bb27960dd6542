import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * Persistent disk keys as google 4.x–6.x plans show them (SOURCES.md, "Dialects of public
 * plans"): `disk_encryption_key` with a Cloud KMS key (`kms_key_self_link`, a regional disk's
 * `kms_key_name`) or a customer-supplied one (`raw_key`, `rsa_encrypted_key`: sensitive, so the
 * plan shows them only as set; `sha256` computed by Google, known after apply).
 */

const providers = { google: { project: constant('p'), region: constant('asia-northeast1') } };

function disk(
  address: string,
  key: Json | undefined,
  keyUnknown: Json,
  keyExpressions: Json | undefined,
): Change {
  const regional = address.startsWith('google_compute_region_disk');
  return {
    address,
    after: {
      name: address.split('.')[1],
      size: 100,
      ...(regional ? { region: 'asia-northeast1' } : { zone: 'asia-northeast1-b' }),
      disk_encryption_key: key ? [key] : [],
    },
    afterUnknown: { id: true, self_link: true, disk_encryption_key: key ? [keyUnknown] : [] },
    // Terraform marks the provider's sensitive attributes whether set or not.
    afterSensitive: { disk_encryption_key: key ? [{ raw_key: true, rsa_encrypted_key: true }] : [] },
    expressions: {
      name: constant(address.split('.')[1]),
      ...(keyExpressions && { disk_encryption_key: [keyExpressions] }),
    },
  };
}

describe('google_compute_disk and google_compute_region_disk keys', () => {
  const document = plan(
    [
      disk(
        'google_compute_disk.raw_from_variable',
        { raw_key: 'Y29ycHVz', rsa_encrypted_key: null, kms_key_self_link: null },
        { sha256: true },
        { raw_key: ref('var.disk_key') },
      ),
      disk(
        'google_compute_disk.rsa_from_variable',
        { raw_key: null, rsa_encrypted_key: 'd3JhcHBlZA==', kms_key_self_link: null },
        { sha256: true },
        { rsa_encrypted_key: ref('var.wrapped_key') },
      ),
      disk(
        'google_compute_region_disk.raw_from_variable',
        { raw_key: 'Y29ycHVz', kms_key_name: null },
        { sha256: true },
        { raw_key: ref('var.disk_key') },
      ),
      disk(
        'google_compute_disk.null_variable',
        { raw_key: null, rsa_encrypted_key: null, kms_key_self_link: null },
        { sha256: true },
        { raw_key: ref('var.no_key') },
      ),
      disk('google_compute_disk.no_block', undefined, {}, undefined),
    ],
    {
      providers,
      variables: { disk_key: 'Y29ycHVz', wrapped_key: 'd3JhcHBlZA==', no_key: null },
    },
  );
  const verdict = async (address: string) =>
    findingOf(await scanDocument(document), 'common.classification.cmk-at-rest', address);

  it('counts a customer-supplied key from a root variable the plan records, though the key is sensitive', async () => {
    const raw = await verdict('google_compute_disk.raw_from_variable');
    expect(raw.status).toBe('PASS');
    expect(raw.evidence[1]?.path).toBe('google_compute_disk.raw_from_variable.disk_encryption_key.0.raw_key');
    expect(JSON.stringify(raw)).not.toContain('Y29ycHVz');
    expect((await verdict('google_compute_disk.rsa_from_variable')).status).toBe('PASS');
    expect((await verdict('google_compute_region_disk.raw_from_variable')).status).toBe('PASS');
  });

  it('fails a disk whose key variable was null, and one with no key block: Google’s own key', async () => {
    expect((await verdict('google_compute_disk.null_variable')).status).toBe('FAIL');
    expect((await verdict('google_compute_disk.no_block')).status).toBe('FAIL');
  });
});

describe('Cloud KMS keys the plan cannot show', () => {
  const document = plan(
    [
      disk(
        'google_compute_disk.key_read_on_apply',
        { raw_key: null, rsa_encrypted_key: null },
        { kms_key_self_link: true, sha256: true },
        { kms_key_self_link: ref('data.google_kms_crypto_key.disks.id', 'data.google_kms_crypto_key.disks') },
      ),
      disk(
        'google_compute_region_disk.key_from_sensitive_variable',
        { kms_key_name: 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k', raw_key: null },
        { sha256: true },
        { kms_key_name: ref('var.regional_key') },
      ),
      {
        address: 'google_sql_database_instance.key_of_another_module',
        after: { name: 'ledger', region: 'asia-northeast1', database_version: 'POSTGRES_15' },
        afterUnknown: { encryption_key_name: true, id: true, self_link: true },
        expressions: { encryption_key_name: ref('module.kms.keys["sql"]', 'module.kms.keys', 'module.kms') },
      },
    ],
    {
      providers,
      variables: { regional_key: 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k' },
    },
  );
  // The regional disk's key name is sensitive (a sensitive variable marks it).
  const changes = (document as { resource_changes: { address: string; change: Json }[] }).resource_changes;
  changes[1]!.change.after_sensitive = { disk_encryption_key: [{ kms_key_name: true, raw_key: true }] };

  it('counts a key the configuration sets, known after apply or sensitive, as a customer-managed key', async () => {
    const scanned = await scanDocument(document);
    for (const address of [
      'google_compute_disk.key_read_on_apply',
      'google_compute_region_disk.key_from_sensitive_variable',
      'google_sql_database_instance.key_of_another_module',
    ])
      expect(findingOf(scanned, 'common.classification.cmk-at-rest', address).status, address).toBe('PASS');
    expect(JSON.stringify(scanned.findings)).not.toContain('cryptoKeys/k');
  });
});

describe('google 6.x boot disk with an RSA-wrapped customer-supplied key', () => {
  it('counts disk_encryption_key_rsa from a root variable as the customer’s key', async () => {
    const document = plan(
      [
        {
          address: 'google_compute_instance.wrapped',
          after: {
            name: 'wrapped',
            zone: 'asia-northeast1-b',
            machine_type: 'e2-medium',
            boot_disk: [
              { auto_delete: true, disk_encryption_key_raw: null, disk_encryption_key_rsa: 'd3JhcHBlZA==' },
            ],
          },
          afterUnknown: {
            id: true,
            boot_disk: [{ disk_encryption_key_sha256: true, kms_key_self_link: true, source: true }],
          },
          afterSensitive: { boot_disk: [{ disk_encryption_key_raw: true, disk_encryption_key_rsa: true }] },
          expressions: { boot_disk: [{ disk_encryption_key_rsa: ref('var.wrapped_key') }] },
        },
      ],
      { providers, variables: { wrapped_key: 'd3JhcHBlZA==' } },
    );
    const finding = findingOf(
      await scanDocument(document),
      'common.classification.cmk-at-rest',
      'google_compute_instance.wrapped',
    );
    expect(finding.status).toBe('PASS');
  });
});
