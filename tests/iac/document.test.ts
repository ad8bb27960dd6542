import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TerraformConfiguration } from '../../src/sources/terraform/configuration.ts';
import { readInstances } from '../../src/sources/terraform/document.ts';
import { terraformDocumentKind } from '../../src/sources/terraform/kind.ts';
import { TfValues } from '../../src/sources/terraform/tf-values.ts';
import { findingOf, scanDocument, scanFile } from './helpers.ts';

describe('terraform show -json detection', () => {
  it('tells a plan, a state and an empty state by their shape', () => {
    expect(
      terraformDocumentKind({ format_version: '1.2', terraform_version: '1.9.8', planned_values: {} }),
    ).toBe('plan');
    expect(
      terraformDocumentKind({
        format_version: '1.0',
        terraform_version: '1.9.8',
        values: { root_module: {} },
      }),
    ).toBe('state');
    expect(terraformDocumentKind({ format_version: '1.0', terraform_version: '1.9.8' })).toBe('state');
    // A plan trimmed by hand, without format_version.
    expect(
      terraformDocumentKind({ planned_values: { root_module: { resources: [] } }, configuration: {} }),
    ).toBe('plan');
    // Terraform 0.12–1.0 wrote format_version 0.1 and 0.2.
    expect(
      terraformDocumentKind({ format_version: '0.1', terraform_version: '0.12.25', resource_changes: [] }),
    ).toBe('plan');
  });

  it('does not take other JSON for Terraform (a raw .tfstate, a future major version, an export)', () => {
    expect(terraformDocumentKind({ version: 4, terraform_version: '1.9.8', resources: [] })).toBeUndefined();
    expect(terraformDocumentKind({ format_version: '2.0', planned_values: {} })).toBeUndefined();
    expect(terraformDocumentKind({ configurationItems: [] })).toBeUndefined();
    expect(terraformDocumentKind([{ format_version: '1.2' }])).toBeUndefined();
  });
});

describe('values with unknown and sensitive marks', () => {
  const values = new TfValues(
    { name: 'a', rule: [{ ports: ['22'], cidr: null }], password: 'hidden', tags: { env: 'prod' } },
    { rule: [{ cidr: true }], id: true },
    { password: true, tags: {} },
  );

  it('reads known, unknown (known after apply), sensitive and absent attributes', () => {
    expect(values.read('name')).toEqual({ state: 'known', value: 'a' });
    expect(values.read('rule.0.ports')).toEqual({ state: 'known', value: ['22'] });
    expect(values.read('rule.0.cidr')).toEqual({ state: 'unknown' });
    // A block with an unknown value inside is not fully known.
    expect(values.read('rule')).toEqual({ state: 'unknown' });
    expect(values.read('id')).toEqual({ state: 'unknown' });
    expect(values.read('password')).toEqual({ state: 'sensitive' });
    expect(values.read('description')).toEqual({ state: 'absent' });
    expect(values.read('tags.env')).toEqual({ state: 'known', value: 'prod' });
  });

  it('reads a text only when it is known and not empty (a state writes an unset id as "")', () => {
    const texts = new TfValues({ name: 'a', id: '', count: 2, tags: { env: 'prod' } }, { arn: true }, {});
    expect(texts.knownText('name')).toBe('a');
    expect(texts.knownText('tags.env')).toBe('prod');
    expect(texts.knownText('id')).toBeUndefined();
    expect(texts.knownText('count')).toBeUndefined();
    expect(texts.knownText('arn')).toBeUndefined();
    expect(values.knownText('password')).toBeUndefined();
    expect(texts.knownText('description')).toBeUndefined();
  });
});

describe('resource changes', () => {
  const change = (address: string, actions: string[], mode = 'managed') => ({
    address,
    mode,
    type: address.split('.').at(-2),
    name: 'x',
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions,
      before: actions.join() === 'create' ? null : { id: 'old' },
      after: actions.includes('create') || actions[0] !== 'delete' ? { id: 'new' } : null,
      after_unknown: {},
    },
  });

  it('reads creates, updates, replacements, no-ops and deletions; skips forgets and data sources', () => {
    const { instances, skipped } = readInstances({
      format_version: '1.2',
      resource_changes: [
        change('aws_ebs_volume.a', ['create']),
        change('aws_ebs_volume.b', ['update']),
        change('aws_ebs_volume.c', ['delete', 'create']),
        change('aws_ebs_volume.d', ['create', 'delete']),
        change('aws_ebs_volume.e', ['no-op']),
        change('aws_ebs_volume.f', ['delete']),
        change('aws_ebs_volume.g', ['forget']),
        change('data.aws_ami.h', ['read'], 'data'),
        change('aws_ebs_volume.i', ['explode']),
        'not a change',
      ],
    });
    expect(instances.map((i) => [i.address, i.action, i.before !== undefined])).toEqual([
      ['aws_ebs_volume.a', 'create', false],
      ['aws_ebs_volume.b', 'update', true],
      ['aws_ebs_volume.c', 'replace', true],
      ['aws_ebs_volume.d', 'replace', true],
      ['aws_ebs_volume.e', 'no-op', false],
      // Kept for linking: a deleted split resource changes what it configured.
      ['aws_ebs_volume.f', 'delete', true],
    ]);
    expect(skipped.map((s) => s.reason)).toEqual([
      'removed from the state without being destroyed (forget)',
      'data source: it reads, it does not deploy',
      'unrecognised change actions [explode]',
      'not a JSON object',
    ]);
  });

  it('reads planned_values (with child modules) when a plan has no resource_changes', () => {
    const { instances } = readInstances({
      format_version: '1.2',
      planned_values: {
        root_module: {
          child_modules: [
            {
              address: 'module.a',
              resources: [
                {
                  address: 'module.a.aws_kms_key.k',
                  mode: 'managed',
                  type: 'aws_kms_key',
                  name: 'k',
                  values: { is_enabled: true },
                },
              ],
            },
          ],
        },
      },
    });
    expect(instances.map((i) => [i.address, i.moduleAddress, i.action])).toEqual([
      ['module.a.aws_kms_key.k', 'module.a', 'create'],
    ]);
  });
});

describe('configuration references', () => {
  const config = new TerraformConfiguration({
    provider_config: {
      aws: { name: 'aws', expressions: { region: { constant_value: 'ap-northeast-1' } } },
      'module.site:aws': { name: 'aws', module_address: 'module.site' },
    },
    root_module: {
      resources: [
        {
          address: 'aws_s3_bucket.shared',
          type: 'aws_s3_bucket',
          name: 'shared',
          provider_config_key: 'aws',
        },
      ],
      module_calls: {
        site: {
          source: './site',
          expressions: { bucket: { references: ['aws_s3_bucket.shared.id', 'aws_s3_bucket.shared'] } },
          module: {
            resources: [
              {
                address: 'aws_s3_bucket_policy.p',
                type: 'aws_s3_bucket_policy',
                name: 'p',
                provider_config_key: 'module.site:aws',
                expressions: { bucket: { references: ['var.bucket'] } },
              },
              {
                address: 'aws_s3_bucket_acl.a',
                type: 'aws_s3_bucket_acl',
                name: 'a',
                expressions: { bucket: { references: ['module.inner.id', 'module.inner'] } },
              },
            ],
            module_calls: {
              inner: {
                source: './inner',
                module: {
                  resources: [{ address: 'aws_s3_bucket.b', type: 'aws_s3_bucket', name: 'b' }],
                  outputs: {
                    id: {
                      expression: {
                        references: ['aws_s3_bucket.b[0].id', 'aws_s3_bucket.b[0]', 'aws_s3_bucket.b'],
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  const instance = (address: string, moduleAddress: string, type: string) =>
    ({
      address,
      moduleAddress,
      type,
      name: address.split('.').at(-1)!.replace(/\[.*$/, ''),
      index: undefined,
      providerName: '',
      action: 'create',
      after: new TfValues({}, undefined, undefined),
      before: undefined,
    }) as const;

  it('follows a module variable to what the caller passes', () => {
    const policy = instance(
      'module.site["x"].aws_s3_bucket_policy.p',
      'module.site["x"]',
      'aws_s3_bucket_policy',
    );
    expect(config.referencesOf(policy, 'bucket')).toEqual([{ base: 'aws_s3_bucket.shared' }]);
    expect(config.moduleSources('module.site["x"]')).toEqual(['./site']);
  });

  it('follows a module output into the child module instance, keeping the instance key', () => {
    const acl = instance('module.site.aws_s3_bucket_acl.a', 'module.site', 'aws_s3_bucket_acl');
    expect(config.referencesOf(acl, 'bucket')).toEqual([
      { base: 'module.site.module.inner.aws_s3_bucket.b', key: 0 },
    ]);
  });

  it('finds the root provider block for a module resource whose key names a module-local entry', () => {
    // The module's entry holds only its required_providers (no `expressions`): it configures
    // nothing, and the module inherits the root block.
    const policy = instance('module.site.aws_s3_bucket_policy.p', 'module.site', 'aws_s3_bucket_policy');
    expect(config.providerOf(policy)?.expressions).toEqual({ region: { constant_value: 'ap-northeast-1' } });
    const rootBucket = instance('aws_s3_bucket.shared', '', 'aws_s3_bucket');
    expect(config.providerOf(rootBucket)?.expressions).toEqual({
      region: { constant_value: 'ap-northeast-1' },
    });
  });
});

describe('bad input', () => {
  it('keeps what it can read and says why the rest was skipped', async () => {
    const scanned = await scanDocument({
      format_version: '1.2',
      terraform_version: '1.9.8',
      resource_changes: [
        {
          address: 'aws_iam_user_policy.p',
          mode: 'managed',
          type: 'aws_iam_user_policy',
          name: 'p',
          change: {
            actions: ['create'],
            before: null,
            after: { user: 'elsewhere', policy: '{}' },
            after_unknown: {},
          },
        },
        { mode: 'managed', change: {} },
        { address: 'aws_s3_bucket.logs', type: 'aws_kms_key', change: {} },
      ],
    });
    expect(scanned.coverage.error).toBeUndefined();
    expect(scanned.resources).toEqual([]);
    expect(scanned.coverage.skipped.map((s) => s.reason)).toEqual([
      '(resource_changes entry): not a resource: address or type is missing',
      'aws_s3_bucket.logs: not a resource: no name, and the address does not end in aws_kms_key.<name>',
      'aws_iam_user_policy.p: the aws_iam_user it configures (user) is not in this plan',
    ]);
  });

  it('reads a plan written by hand, whose changes give address and type without name', async () => {
    // AurelienKumarathas/terraform-security-project `terraform/tfplan.json` and TheBearguy/tf-gatekeeper
    // `test_plans/tfplan_red.json` (policy-test plans, format 1.2): `resource_changes` entries of
    // `address`, `type` and `change` only (no `mode`, `name`, `index` nor `provider_name`), a
    // module's resources and counted instances among them, no `configuration`.
    const change = (address: string, type: string, after: Record<string, unknown>) => ({
      address,
      type,
      change: { actions: ['create'], before: null, after },
    });
    const scanned = await scanDocument({
      format_version: '1.2',
      terraform_version: '1.6.6',
      planned_values: { root_module: {} },
      resource_changes: [
        change('module.data_bucket.aws_s3_bucket.this', 'aws_s3_bucket', {
          bucket: 'kansa-data',
          acl: 'public-read',
        }),
        change('aws_security_group_rule.ssh["admin"]', 'aws_security_group_rule', {
          type: 'ingress',
          from_port: 22,
          to_port: 22,
          protocol: 'tcp',
          cidr_blocks: ['0.0.0.0/0'],
          security_group_id: 'sg-0123456789abcdef0',
        }),
        change('aws_instance.worker[1]', 'aws_instance', { instance_type: 't3.micro' }),
      ],
    });
    expect(scanned.coverage.skipped).toEqual([]);
    expect(scanned.resources.map((r) => r.id).sort()).toEqual([
      'aws_instance.worker[1]',
      'aws_security_group_rule.ssh["admin"]',
      'module.data_bucket.aws_s3_bucket.this',
    ]);
    expect(
      findingOf(scanned, 'aws.s3.bucket-public-access', 'module.data_bucket.aws_s3_bucket.this').status,
    ).toBe('FAIL');
    expect(
      findingOf(scanned, 'aws.ec2.security-group-open-ports', 'aws_security_group_rule.ssh["admin"]').status,
    ).toBe('FAIL');
  });

  it('names a saved plan (terraform plan -out, a ZIP archive) and the command that gives its JSON', async () => {
    // A ZIP local file header whose first entry is `tfplan`, as Terraform's planfile package writes.
    const name = Buffer.from('tfplan', 'latin1');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(name.length, 26);
    const dir = mkdtempSync(path.join(tmpdir(), 'kansa-iac-'));
    const file = path.join(dir, 'plan.out');
    writeFileSync(file, Buffer.concat([header, name, Buffer.from([0x03, 0x00])]));
    const scanned = await scanFile(file);
    expect(scanned.coverage.error).toBe(
      `${file}: a saved Terraform plan (terraform plan -out), a ZIP archive: kansa reads its JSON; run terraform show -json <planfile> > plan.json and scan plan.json`,
    );
  });
});

describe('a plan written by hand with resource_changes empty', () => {
  // aquasecurity/trivy's terraformplan test data: `"resource_changes": []` beside the planned
  // values of the resources it plans (Terraform itself lists every planned resource there).
  const document = {
    format_version: '0.2',
    terraform_version: '1.3.0',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'aws_s3_bucket.example',
            mode: 'managed',
            type: 'aws_s3_bucket',
            name: 'example',
            provider_name: 'registry.terraform.io/hashicorp/aws',
            schema_version: 0,
            values: { bucket: 'kansa-hand-written', force_destroy: false },
          },
        ],
      },
    },
    resource_changes: [],
  };

  it('reads the planned values, as resources the plan creates, and says so', () => {
    const read = readInstances(document);
    expect(read.instances.map((instance) => [instance.address, instance.action])).toEqual([
      ['aws_s3_bucket.example', 'create'],
    ]);
    expect(read.notes.join()).toContain('resource_changes is empty');
  });

  it('reads no planned values when resource_changes lists the changes', () => {
    const withChange = {
      ...document,
      resource_changes: [
        {
          address: 'aws_s3_bucket.example',
          mode: 'managed',
          type: 'aws_s3_bucket',
          name: 'example',
          change: {
            actions: ['no-op'],
            before: { bucket: 'kansa-hand-written' },
            after: { bucket: 'kansa-hand-written' },
          },
        },
      ],
    };
    expect(readInstances(withChange).instances.map((instance) => instance.action)).toEqual(['no-op']);
  });
});

describe('addresses whose instance keys hold quotes, dots and backslashes', () => {
  // HCL quotes a string key as Terraform writes it in an address: `\"` and `\\` escaped. A plan
  // written by hand gives the address alone: its module and name are read from it.
  it.each([
    ['module.m["a.b"].aws_s3_bucket.logs["x"]', 'module.m["a.b"]', 'x'],
    ['module.m["say \\"hi\\""].aws_s3_bucket.logs[0]', 'module.m["say \\"hi\\""]', 0],
    ['module.m["C:\\\\logs\\\\"].aws_s3_bucket.logs["d\\\\"]', 'module.m["C:\\\\logs\\\\"]', 'd\\'],
    ['module.a[1].module.b["k].x"].aws_s3_bucket.logs', 'module.a[1].module.b["k].x"]', undefined],
  ])('%s', (address, moduleAddress, index) => {
    const { instances, skipped } = readInstances({
      format_version: '1.2',
      resource_changes: [{ address, type: 'aws_s3_bucket', change: { actions: ['create'], after: {} } }],
    });
    expect(skipped).toEqual([]);
    expect(instances[0]).toMatchObject({ address, moduleAddress, name: 'logs', index });
  });
});
