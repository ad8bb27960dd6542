import { describe, expect, it } from 'vitest';
import { type Change, constant, plan } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * The EBS volumes an `aws_instance` launches with, which Config records apart from the
 * instance, judged as volumes of their own (`aws_instance.x.root_block_device`,
 * `aws_instance.x.ebs_block_device["/dev/sdh"]`). Shapes of public `terraform show -json`
 * output found through code search: states with `root_block_device = [{ device_name =
 * "/dev/sda1", encrypted = false, kms_key_id = "", volume_id = … }]`, and plans whose root
 * block is left out (the whole block known only after apply).
 */
const DISK = 'common.encryption.disk-at-rest';
const instance = (after: Record<string, unknown>, afterUnknown: Record<string, unknown>): Change => ({
  address: 'aws_instance.app',
  after: { ami: 'ami-0abcdef1234567890', instance_type: 't3.small', ...after },
  afterUnknown: { id: true, arn: true, ...afterUnknown },
  expressions: { ami: constant('ami-0abcdef1234567890') },
});
const byDefault = (enabled: boolean): Change => ({
  address: 'aws_ebs_encryption_by_default.this',
  after: { enabled },
  afterUnknown: { id: true },
  expressions: { enabled: constant(enabled) },
});
const scan = (changes: Change[]) =>
  scanDocument(plan(changes, { providers: { aws: { region: constant('ap-northeast-1') } } }));

describe('aws_instance block devices', () => {
  it('judges a root volume the configuration leaves unencrypted, by its encrypted attribute', async () => {
    const scanned = await scan([
      instance(
        { root_block_device: [{ encrypted: false, volume_size: 30, volume_type: 'gp3' }] },
        { root_block_device: [{ device_name: true, kms_key_id: true, volume_id: true }] },
      ),
    ]);
    const finding = findingOf(scanned, DISK, 'aws_instance.app.root_block_device');
    expect(finding.status).toBe('FAIL');
    expect(JSON.stringify(finding.evidence)).toContain('aws_instance.app.root_block_device.0.encrypted');
  });

  it('leaves a root volume left out of the configuration unknown: the AMI’s snapshot decides', async () => {
    const scanned = await scan([instance({ root_block_device: [] }, { root_block_device: true })]);
    expect(findingOf(scanned, DISK, 'aws_instance.app.root_block_device').status).toBe('UNKNOWN');
    // Encryption by default off does not decide it either: the AMI's snapshot may be encrypted.
    const off = await scan([
      instance({ root_block_device: [] }, { root_block_device: true }),
      byDefault(false),
    ]);
    expect(findingOf(off, DISK, 'aws_instance.app.root_block_device').status).toBe('UNKNOWN');
  });

  it('takes the Region’s encryption by default, when the plan turns it on, for a root volume left out', async () => {
    const scanned = await scan([
      instance({ root_block_device: [] }, { root_block_device: true }),
      byDefault(true),
    ]);
    const finding = findingOf(scanned, DISK, 'aws_instance.app.root_block_device');
    expect(finding.status).toBe('PASS');
    expect(JSON.stringify(finding.evidence)).toContain('aws_ebs_encryption_by_default.this.enabled');
  });

  it('judges each ebs_block_device by its device name; an empty one follows encryption by default', async () => {
    const device = (name: string, encrypted: boolean | null) => ({
      device_name: name,
      encrypted,
      snapshot_id: null,
      volume_size: 100,
    });
    const scanned = await scan([
      instance(
        {
          root_block_device: [{ encrypted: true, volume_size: 20 }],
          ebs_block_device: [device('/dev/sdh', false), device('/dev/sdi', null)],
        },
        {
          root_block_device: [{ kms_key_id: true }],
          ebs_block_device: [{ kms_key_id: true }, { encrypted: true, kms_key_id: true, snapshot_id: true }],
        },
      ),
      byDefault(false),
    ]);
    expect(findingOf(scanned, DISK, 'aws_instance.app.root_block_device').status).toBe('PASS');
    expect(findingOf(scanned, DISK, 'aws_instance.app.ebs_block_device["/dev/sdh"]').status).toBe('FAIL');
    // `snapshot_id` known only after apply: the volume may be made from an encrypted snapshot.
    expect(findingOf(scanned, DISK, 'aws_instance.app.ebs_block_device["/dev/sdi"]').status).toBe('UNKNOWN');
  });

  it('judges an existing instance’s unencrypted root volume as kept, and none for an instance store root', async () => {
    const root = [{ device_name: '/dev/sda1', encrypted: false, kms_key_id: '', volume_id: 'vol-0a1b2c3d' }];
    const existing = {
      ...instance({ id: 'i-0123', root_block_device: root, tags: { Name: 'app' } }, {}),
      actions: ['update'],
      before: { ami: 'ami-0abcdef1234567890', id: 'i-0123', root_block_device: root, tags: {} },
    };
    const finding = findingOf(await scan([existing]), DISK, 'aws_instance.app.root_block_device');
    expect(finding.status).toBe('FAIL');
    expect(finding.change).not.toBe('introduced');
    const store = await scan([instance({ root_block_device: [] }, {})]);
    expect(store.resources.some((r) => r.id.includes('root_block_device'))).toBe(false);
  });
});
