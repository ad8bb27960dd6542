import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * The boot disk google_compute_instance makes from `boot_disk.initialize_params`, which is no
 * resource of the plan (SOURCES.md, "Dialects of public plans"): its key is judged with the
 * instance. Modelled on google 4.x–6.x plans (format 1.2) whose `boot_disk` has
 * `kms_key_self_link`, `source` and `disk_encryption_key_sha256` in `after_unknown` when the
 * configuration leaves them to the provider.
 */

const providers = { google: { project: constant('p'), region: constant('asia-northeast1') } };

function instance(
  name: string,
  bootDisk: Json,
  bootDiskUnknown: Json,
  expressions: Json,
  actions = ['create'],
): Change {
  return {
    address: `google_compute_instance.${name}`,
    actions,
    ...(actions[0] === 'no-op' && { before: { name, zone: 'asia-northeast1-b', machine_type: 'e2-medium' } }),
    after: {
      name,
      zone: 'asia-northeast1-b',
      machine_type: 'e2-medium',
      boot_disk: [
        {
          auto_delete: true,
          disk_encryption_key_raw: null,
          initialize_params: [{ image: 'debian-cloud/debian-12', size: 20 }],
          mode: 'READ_WRITE',
          ...bootDisk,
        },
      ],
    },
    afterUnknown: {
      id: true,
      boot_disk: [
        {
          device_name: true,
          disk_encryption_key_sha256: true,
          initialize_params: [{ labels: true, type: true }],
          ...bootDiskUnknown,
        },
      ],
    },
    expressions: {
      name: constant(name),
      boot_disk: [{ initialize_params: [{ image: constant('debian-cloud/debian-12') }], ...expressions }],
    },
  };
}

describe('google_compute_instance boot disk keys', () => {
  const key = {
    address: 'google_kms_crypto_key.boot',
    after: { name: 'boot', purpose: 'ENCRYPT_DECRYPT', rotation_period: '7776000s' },
    afterUnknown: { id: true, key_ring: true },
    expressions: { name: constant('boot'), key_ring: ref('var.key_ring') },
  };
  const document = plan(
    [
      key,
      instance('google_key', {}, { kms_key_self_link: true, source: true }, {}),
      instance(
        'key_of_the_plan',
        {},
        { kms_key_self_link: true, source: true },
        { kms_key_self_link: ref('google_kms_crypto_key.boot.id', 'google_kms_crypto_key.boot') },
      ),
      instance(
        'attached_disk',
        {},
        { kms_key_self_link: true, source: true },
        { source: ref('google_compute_disk.boot.id') },
      ),
      instance(
        'existing',
        {
          kms_key_self_link:
            'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1',
          source: 'https://www.googleapis.com/compute/v1/projects/p/zones/asia-northeast1-b/disks/existing',
          disk_encryption_key_sha256: '',
        },
        { device_name: false, disk_encryption_key_sha256: false, initialize_params: [{}] },
        {},
        ['no-op'],
      ),
    ],
    { formatVersion: '1.2', terraformVersion: '1.9.8', providers },
  );
  const verdict = async (name: string) =>
    findingOf(
      await scanDocument(document),
      'common.classification.cmk-at-rest',
      `google_compute_instance.${name}`,
    );

  it('fails a new boot disk whose key the configuration leaves to the provider: Google’s own', async () => {
    const finding = await verdict('google_key');
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence[1]?.path).toBe(
      'google_compute_instance.google_key.boot_disk.0.kms_key_self_link',
    );
  });

  it('passes a boot disk under a key of the plan, and an existing one under a Cloud KMS key', async () => {
    expect((await verdict('key_of_the_plan')).status).toBe('PASS');
    expect((await verdict('existing')).status).toBe('PASS');
  });

  it('leaves a disk attached by source to that disk: unknown while the plan cannot show its key', async () => {
    expect((await verdict('attached_disk')).status).toBe('UNKNOWN');
  });
});
