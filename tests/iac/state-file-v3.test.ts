import { describe, expect, it } from 'vitest';
import { localizeProblem } from '../../src/report/problem-text.ts';
import { unflattened } from '../../src/sources/terraform/flatmap.ts';
import { readStateFile } from '../../src/sources/terraform/state-file.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * State files of Terraform 0.7 to 0.11 (format version 3: `modules[].resources` by legacy
 * address, flat `primary.attributes`), read as Terraform 0.12's upgrade reads them
 * (internal/states/statefile/version3_upgrade.go), their flat attributes turned back into nested
 * values. The shapes of hashicorp/terraform testdata/roundtrip/v3-*.in.tfstate and of states
 * that aws provider 1.x and 2.x wrote (a security group's rules keyed by their set hash).
 */

const LINEAGE = 'f2968801-fa14-41ab-a044-224f3a4adf04';

const group = (cidr: string) => ({
  type: 'aws_security_group',
  depends_on: [],
  primary: {
    id: 'sg-0a1b2c3d',
    attributes: {
      arn: 'arn:aws:ec2:ap-northeast-1:123456789012:security-group/sg-0a1b2c3d',
      description: 'Managed by Terraform',
      'egress.#': '1',
      'egress.482069346.cidr_blocks.#': '1',
      'egress.482069346.cidr_blocks.0': '0.0.0.0/0',
      'egress.482069346.from_port': '0',
      'egress.482069346.protocol': '-1',
      'egress.482069346.self': 'false',
      'egress.482069346.to_port': '0',
      id: 'sg-0a1b2c3d',
      'ingress.#': '1',
      'ingress.2063172013.cidr_blocks.#': '1',
      'ingress.2063172013.cidr_blocks.0': cidr,
      'ingress.2063172013.from_port': '22',
      'ingress.2063172013.ipv6_cidr_blocks.#': '0',
      'ingress.2063172013.protocol': 'tcp',
      'ingress.2063172013.security_groups.#': '0',
      'ingress.2063172013.self': 'false',
      'ingress.2063172013.to_port': '22',
      name: 'admin',
      owner_id: '123456789012',
      'tags.%': '2',
      'tags.Name': 'admin',
      'tags.kubernetes.io/cluster/city': 'owned',
      vpc_id: 'vpc-0a1b2c3d',
    },
    meta: { schema_version: '1' },
    tainted: false,
  },
  deposed: [],
  provider: 'provider.aws',
});

const stateV3 = (modules: unknown[]) => ({
  version: 3,
  terraform_version: '0.11.14',
  serial: 9,
  lineage: LINEAGE,
  modules,
});
const rootModule = (resources: Record<string, unknown>, path = ['root']) => ({
  path,
  outputs: {},
  resources,
  depends_on: [],
});

describe('flat attributes of Terraform 0.11', () => {
  it('are turned back into nested values: lists, sets by hash, maps with dotted keys, blocks', () => {
    expect(unflattened(group('0.0.0.0/0').primary.attributes)).toEqual({
      arn: 'arn:aws:ec2:ap-northeast-1:123456789012:security-group/sg-0a1b2c3d',
      description: 'Managed by Terraform',
      // Without the schema, the protocol "-1" (a string attribute) reads as a number, as a port
      // does: the adapters read a protocol of either type.
      egress: [{ cidr_blocks: ['0.0.0.0/0'], from_port: 0, protocol: -1, self: false, to_port: 0 }],
      id: 'sg-0a1b2c3d',
      ingress: [
        {
          cidr_blocks: ['0.0.0.0/0'],
          from_port: 22,
          ipv6_cidr_blocks: [],
          protocol: 'tcp',
          security_groups: [],
          self: false,
          to_port: 22,
        },
      ],
      name: 'admin',
      // Twelve digits: an id, not a number.
      owner_id: '123456789012',
      tags: { Name: 'admin', 'kubernetes.io/cluster/city': 'owned' },
      vpc_id: 'vpc-0a1b2c3d',
    });
  });

  it('keeps a list in its positions, an empty list empty, and a block of one as a list of one', () => {
    expect(
      unflattened({
        'logging.#': '1',
        'logging.0.target_bucket': 'logs',
        'logging.0.target_prefix': '',
        'list.#': '3',
        'list.10': 'c',
        'list.2': 'b',
        'list.0': 'a',
        'none.#': '0',
        'labels.%': '0',
        port: '08',
        tls: '1.2',
      }),
    ).toEqual({
      logging: [{ target_bucket: 'logs', target_prefix: '' }],
      list: ['a', 'b', 'c'],
      none: [],
      labels: {},
      // A leading zero is no number helper/schema writes: text.
      port: '08',
      // A decimal stays text: a TLS version ("1.2") as often as a TypeFloat.
      tls: '1.2',
    });
  });
});

describe('state files of format version 3 (Terraform 0.7 to 0.11)', () => {
  it('are read as Terraform 0.12 upgrades them: modules, count indexes, providers, tainted, deposed, data', () => {
    const { instances, skipped, notes } = readStateFile(
      stateV3([
        rootModule({
          'aws_security_group.admin': group('0.0.0.0/0'),
          'data.aws_caller_identity.current': {
            type: 'aws_caller_identity',
            primary: { id: '2026-11-30', attributes: { account_id: '123456789012' } },
            provider: 'provider.aws',
          },
        }),
        rootModule(
          {
            'aws_ebs_volume.data.1': {
              type: 'aws_ebs_volume',
              primary: {
                id: 'vol-0b',
                attributes: { availability_zone: 'ap-northeast-1a', encrypted: 'true' },
                tainted: true,
              },
              deposed: [{ id: 'vol-0old', attributes: { id: 'vol-0old', encrypted: 'false' } }],
              provider: 'module.storage.provider.aws.osaka',
            },
          },
          ['root', 'storage'],
        ),
      ]),
      'terraform.tfstate',
    );
    expect(
      instances.map(({ address, moduleAddress, index, providerName, after }) => ({
        address,
        moduleAddress,
        index,
        providerName,
        encrypted: after.read('encrypted'),
        id: after.read('id'),
      })),
    ).toEqual([
      {
        address: 'aws_security_group.admin',
        moduleAddress: '',
        index: undefined,
        providerName: 'aws',
        encrypted: { state: 'absent' },
        id: { state: 'known', value: 'sg-0a1b2c3d' },
      },
      {
        address: 'module.storage.aws_ebs_volume.data[1]',
        moduleAddress: 'module.storage',
        index: 1,
        providerName: 'aws',
        encrypted: { state: 'known', value: true },
        // The object's first-class id, where its attributes hold none.
        id: { state: 'known', value: 'vol-0b' },
      },
    ]);
    expect(skipped.map(({ address }) => address)).toEqual([
      'data.aws_caller_identity.current',
      'module.storage.aws_ebs_volume.data[1]',
    ]);
    expect(skipped[1]!.reason).toMatch(/^deposed object 00000001 /);
    expect(notes).toEqual([expect.stringMatching(/^attributes in the flat form of Terraform 0\.11 /)]);
    expect(localizeProblem(notes[0]!, 'ja')).toMatch(/^Terraform 0\.11 の平坦な形式の属性です/);
  });

  it('are judged as the same state in version 4 would be', async () => {
    const open = await scanDocument(
      stateV3([rootModule({ 'aws_security_group.admin': group('0.0.0.0/0') })]),
      'terraform.tfstate',
    );
    expect(open.coverage.format).toBe('terraform-state');
    expect(open.coverage.error).toBeUndefined();
    expect(findingOf(open, 'aws.ec2.security-group-open-ports', 'aws_security_group.admin').status).toBe(
      'FAIL',
    );
    const closed = await scanDocument(
      stateV3([rootModule({ 'aws_security_group.admin': group('10.20.0.0/16') })]),
      'terraform.tfstate',
    );
    expect(findingOf(closed, 'aws.ec2.security-group-open-ports', 'aws_security_group.admin').status).toBe(
      'PASS',
    );
  });

  it("leaves unknown what the provider's schema of the time did not record (azurerm 1.x: anonymous blob access)", async () => {
    const account = {
      type: 'azurerm_storage_account',
      primary: {
        id: '/subscriptions/4d13c2e1-7a5b-4c3d-9e8f-0a1b2c3d4e5f/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/legacy',
        attributes: {
          name: 'legacy',
          location: 'japaneast',
          enable_https_traffic_only: 'true',
          'network_rules.#': '0',
        },
      },
      provider: 'provider.azurerm',
    };
    const scanned = await scanDocument(
      stateV3([rootModule({ 'azurerm_storage_account.legacy': account })]),
      'terraform.tfstate',
    );
    // The account may allow it or not: azurerm 1.x has no attribute for it, so the state cannot say.
    expect(
      findingOf(scanned, 'azure.storage.blob-public-access', 'azurerm_storage_account.legacy').status,
    ).toBe('UNKNOWN');
    expect(findingOf(scanned, 'azure.storage.https-only', 'azurerm_storage_account.legacy').status).toBe(
      'PASS',
    );
  });

  it('reads the attributes_flat of a version 4 state upgraded and not refreshed since', () => {
    const { instances, notes } = readStateFile(
      {
        version: 4,
        terraform_version: '0.12.31',
        serial: 10,
        lineage: LINEAGE,
        outputs: {},
        resources: [
          {
            mode: 'managed',
            type: 'aws_ebs_volume',
            name: 'data',
            provider: 'provider.aws',
            instances: [
              {
                schema_version: 0,
                attributes_flat: { id: 'vol-0a', encrypted: 'false', 'tags.%': '1', 'tags.system': 'city' },
              },
            ],
          },
        ],
      },
      'terraform.tfstate',
    );
    expect(instances.map(({ after }) => after.values)).toEqual([
      { id: 'vol-0a', encrypted: false, tags: { system: 'city' } },
    ]);
    expect(notes).toHaveLength(1);
  });

  it('refuses the formats before it (Terraform 0.6 and older), naming what to run', async () => {
    const v2 = await scanDocument({ version: 2, serial: 0, modules: [] }, 'terraform.tfstate');
    expect(v2.coverage.error).toMatch(
      /format version 2 \(Terraform 0\.6 or older\): kansa reads versions 3 \(Terraform 0\.7 to 0\.11\) and 4/,
    );
    expect(localizeProblem(v2.coverage.error!, 'ja')).toContain(
      '形式バージョン 2 の Terraform の状態ファイルです',
    );
  });
});
