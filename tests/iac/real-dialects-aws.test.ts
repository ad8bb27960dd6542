import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  awsIngressRule,
  bucketV3,
  type Change,
  constant,
  type Json,
  plan,
  ref,
  STRICT_PASSWORD_POLICY,
} from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument, scanFile } from './helpers.ts';

/**
 * AWS plans in the dialects of public plans (SOURCES.md, "Dialects of public plans"): older
 * Terraform format versions and provider spellings, blocks known only in part, registry modules,
 * deposed objects. Each document is kansa's own, written to the shape of the plan named beside it.
 */

describe('AWS provider v3 plans (Terraform 0.12–0.15): inline S3 settings', () => {
  // Modelled on terragoat's s3.tf as planned in checkov's tests/terraform/runner/resources/plan
  // (format 0.1, Terraform 0.12.23) and regula's bucket_sse / cloudtrail test inputs.
  const kmsKey: Change = {
    address: 'aws_kms_key.logs',
    after: { deletion_window_in_days: 10, enable_key_rotation: true, is_enabled: true },
    afterUnknown: { arn: true, id: true, key_id: true, policy: true },
  };
  const logs = bucketV3(
    'logs',
    {
      acl: 'log-delivery-write',
      server_side_encryption_configuration: [
        { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] },
      ],
    },
    {
      server_side_encryption_configuration: [
        { rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: true }] }] },
      ],
    },
  );
  const logsExpressions = {
    acl: constant('log-delivery-write'),
    server_side_encryption_configuration: [
      {
        rule: [
          {
            apply_server_side_encryption_by_default: [
              {
                kms_master_key_id: ref('aws_kms_key.logs.arn', 'aws_kms_key.logs'),
                sse_algorithm: constant('aws:kms'),
              },
            ],
          },
        ],
      },
    ],
  };
  const science = bucketV3(
    'science',
    { acl: 'private', logging: [{ target_prefix: 'log/' }] },
    { logging: [{ target_bucket: true }] },
  );
  const scienceExpressions = {
    acl: constant('private'),
    logging: [
      { target_bucket: ref('aws_s3_bucket.logs.id', 'aws_s3_bucket.logs'), target_prefix: constant('log/') },
    ],
  };
  const publicRead = bucketV3('data', { acl: 'public-read' });
  const privateBucket = bucketV3('private', { acl: 'private' });
  const publicPolicy = bucketV3('site', {
    acl: 'private',
    policy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/*' },
      ],
    }),
  });
  const document = plan(
    [
      kmsKey,
      { ...logs, expressions: logsExpressions },
      { ...science, expressions: scienceExpressions },
      publicRead,
      privateBucket,
      publicPolicy,
    ],
    { formatVersion: '0.1', terraformVersion: '0.12.23', bareProviderNames: true },
  );

  it('reads an inline KMS rule whose key the plan creates (kms_master_key_id known after apply)', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, 'aws.s3.bucket-cmk-encryption', 'aws_s3_bucket.logs');
    expect(finding.status).toBe('PASS');
    const facts = resourceOf(scanned, 'aws_s3_bucket.logs').facts as Record<string, { value?: unknown }>;
    expect(facts.sseAlgorithm?.value).toBe('aws:kms');
    expect(facts.kmsKeyId?.value).toBe('aws_kms_key.logs');
  });

  it('reads an inline logging block whose target bucket the plan creates', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'aws.s3.bucket-access-logging', 'aws_s3_bucket.science').status).toBe('PASS');
    // A bucket without a logging block still fails.
    expect(findingOf(scanned, 'aws.s3.bucket-access-logging', 'aws_s3_bucket.private').status).toBe('FAIL');
  });

  it('counts a logging block whose target no plan resource explains as logging on (the target is required)', async () => {
    // A plan without `configuration` (checkov's tf_plan_skip_check_regex copies of terragoat).
    const { configuration: _, ...withoutConfiguration } = plan([science]);
    const scanned = await scanDocument(withoutConfiguration);
    const finding = findingOf(scanned, 'aws.s3.bucket-access-logging', 'aws_s3_bucket.science');
    expect(finding.status).toBe('PASS');
    expect(finding.evidence).toContainEqual(
      expect.objectContaining({ path: 'aws_s3_bucket.science.logging.0.target_bucket' }),
    );
  });

  it('fails a new bucket whose configuration asks for a public ACL or policy, without assuming S3’s default blocks', async () => {
    const scanned = await scanDocument(document);
    const acl = findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.data');
    expect(acl.status).toBe('FAIL');
    expect(acl.change).toBe('introduced');
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.site').status).toBe('FAIL');
    // A private new bucket keeps S3's default: all four blocks on.
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.private').status).toBe('PASS');
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.logs').status).toBe('PASS');
  });

  it('lets an explicit public access block win over the public grant it neutralises', async () => {
    const scanned = await scanDocument(
      plan([
        publicRead,
        {
          address: 'aws_s3_bucket_public_access_block.data',
          after: {
            block_public_acls: true,
            ignore_public_acls: true,
            block_public_policy: true,
            restrict_public_buckets: true,
          },
          afterUnknown: { bucket: true, id: true },
          expressions: { bucket: ref('aws_s3_bucket.data.id', 'aws_s3_bucket.data') },
        },
      ]),
    );
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.data').status).toBe('PASS');
  });
});

describe('a plan written through hashicorp/setup-terraform’s wrapper', () => {
  // Modelled on infracost's cmd/infracost/testdata/plan_with_terraform_wrapper.json: the wrapper
  // echoes `[command]…/terraform-bin show -json …`, then the plan on one line, then workflow
  // commands (`::debug::`, `::set-output name=stdout::` with the output escaped).
  it('reads the plan on the line after the echoed command', async () => {
    const json = JSON.stringify(plan([bucketV3('wrapped', { acl: 'public-read' })]));
    const text = [
      '[command]/home/runner/work/_temp/0f4e2c1a/terraform-bin show -json plan.out',
      json,
      '::debug::Terraform exited with code 0.',
      `::debug::stdout: ${json}`,
      '::debug::stderr: ',
      '::debug::exitcode: 0',
      `::set-output name=stdout::${json}%0A`,
      '::set-output name=stderr::',
      '::set-output name=exitcode::0',
      '',
    ].join('\n');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kansa-wrapper-')), 'plan.json');
    writeFileSync(file, text);
    const scanned = await scanFile(file);
    expect(scanned.coverage.error).toBeUndefined();
    expect(scanned.coverage.format).toBe('terraform-json');
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.wrapped').status).toBe('FAIL');
  });
});

describe('a registry module passing null to an Optional+Computed attribute', () => {
  // Modelled on infracost's cmd/infracost/testdata/terraform_v0.12_plan.json (Terraform 0.12.31,
  // terraform-aws-modules/rds nested three modules deep): `backup_retention_period =
  // var.backup_retention_period`, the variable left at its null default, so the plan shows the
  // attribute as known after apply.
  const instance = (retention: Json, afterUnknown: Json) => ({
    address: 'module.db.module.db_instance.aws_db_instance.this[0]',
    module_address: 'module.db.module.db_instance',
    mode: 'managed',
    type: 'aws_db_instance',
    name: 'this',
    index: 0,
    provider_name: 'aws',
    change: {
      actions: ['create'],
      before: null,
      after: { identifier: 'demodb', storage_encrypted: true, publicly_accessible: false, ...retention },
      after_unknown: { id: true, arn: true, kms_key_id: true, ...afterUnknown },
    },
  });
  const document = (passed: Json | undefined, childDefault: unknown) => ({
    format_version: '0.1',
    terraform_version: '0.12.31',
    resource_changes: [instance({}, { backup_retention_period: true })],
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: constant('ap-northeast-1') } } },
      root_module: {
        module_calls: {
          db: {
            source: 'terraform-aws-modules/rds/aws',
            expressions: passed ? { backup_retention_period: passed } : {},
            module: {
              variables: { backup_retention_period: { default: null } },
              module_calls: {
                db_instance: {
                  source: './modules/db_instance',
                  expressions: { backup_retention_period: ref('var.backup_retention_period') },
                  module: {
                    variables: { backup_retention_period: { default: childDefault } },
                    resources: [
                      {
                        address: 'aws_db_instance.this',
                        mode: 'managed',
                        type: 'aws_db_instance',
                        name: 'this',
                        provider_config_key: 'db_instance:aws',
                        expressions: { backup_retention_period: ref('var.backup_retention_period') },
                        schema_version: 1,
                        count_expression: constant(1),
                      },
                    ],
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  const id = 'module.db.module.db_instance.aws_db_instance.this[0]';

  it('reads the attribute as the provider’s default when the variables come down to null', async () => {
    const scanned = await scanDocument(document(undefined, 1));
    const finding = findingOf(scanned, 'aws.rds.instance-backup', id);
    expect(finding.status).toBe('PASS');
    const facts = resourceOf(scanned, id).facts as Record<string, { value?: unknown; source?: string }>;
    expect(facts.backupRetentionPeriod).toMatchObject({ value: 1, source: 'default' });
    // Passed a null constant by the root module: the same.
    expect(
      findingOf(await scanDocument(document(constant(null), 1)), 'aws.rds.instance-backup', id).status,
    ).toBe('PASS');
  });

  it('leaves it unknown when a resource of the plan gives the value', async () => {
    const scanned = await scanDocument(
      document(ref('random_integer.retention.result', 'random_integer.retention'), null),
    );
    expect(findingOf(scanned, 'aws.rds.instance-backup', id).status).toBe('UNKNOWN');
  });
});

describe('AWS placement by availability zone', () => {
  // Modelled on regula's ebs volume_encrypted_infra.json: volumes placed by `availability_zone`.
  it('places a resource in the region of its availability zone when the provider’s region is not known', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'aws_ebs_volume.data',
            after: { availability_zone: 'ap-northeast-1a', size: 40, encrypted: true },
            afterUnknown: { id: true, arn: true, kms_key_id: true },
          },
        ],
        { providers: { aws: { region: ref('var.region') } } },
      ),
    );
    expect(resourceOf(scanned, 'aws_ebs_volume.data').region).toBe('ap-northeast-1');
    expect(findingOf(scanned, 'common.location.data-in-japan', 'aws_ebs_volume.data').status).toBe('PASS');
  });
});

describe('deposed objects', () => {
  // The JSON output format's `deposed` key (https://developer.hashicorp.com/terraform/internals/json-format):
  // an object a `create_before_destroy` replacement left behind, destroyed by the next plan, listed
  // beside the current object of the same address.
  it('judges the current object, not the deposed one the plan destroys', async () => {
    const policy = STRICT_PASSWORD_POLICY;
    const document = plan(
      [
        {
          address: 'aws_iam_account_password_policy.strict',
          actions: ['no-op'],
          before: policy,
          after: policy,
        },
      ],
      {
        providers: {
          aws: { region: constant('ap-northeast-1'), allowed_account_ids: constant(['123456789012']) },
        },
      },
    );
    const changes = document.resource_changes as Json[];
    changes.push({
      ...changes[0],
      deposed: '00000001',
      change: {
        actions: ['delete'],
        before: policy,
        after: null,
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: false,
      },
    });
    const scanned = await scanDocument(document);
    const findings = scanned.findings.filter((f) => f.checkId === 'aws.iam.password-policy');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe('PASS');
    expect(scanned.coverage.skipped.map((s) => s.reason)).toEqual([
      "aws_iam_account_password_policy.strict: deposed object 00000001 (replaced before it is destroyed): the address's current object is judged",
    ]);
  });
});

describe('rules added to a security group the plan does not manage', () => {
  // Modelled on terraform-compliance/cli tests/functional/test_issue_400 and test_pull_330
  // (`aws_security_group_rule` naming an existing group by id, `sg-…`).
  const rule = (name: string, after: Json): Change => ({
    address: `aws_security_group_rule.${name}`,
    after: {
      type: 'ingress',
      protocol: 'tcp',
      security_group_id: 'sg-0a1b2c3d4e5f60718',
      self: false,
      ipv6_cidr_blocks: null,
      prefix_list_ids: null,
      ...after,
    },
    afterUnknown: { id: true, source_security_group_id: true },
  });

  it('judges each rule by itself: what the plan opens', async () => {
    const scanned = await scanDocument(
      plan([
        rule('ssh', { from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] }),
        rule('https', { from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }),
        rule('egress_all', {
          type: 'egress',
          protocol: '-1',
          from_port: 0,
          to_port: 0,
          cidr_blocks: ['0.0.0.0/0'],
        }),
      ]),
    );
    const status = (name: string) =>
      findingOf(scanned, 'aws.ec2.security-group-open-ports', `aws_security_group_rule.${name}`).status;
    expect(status('ssh')).toBe('FAIL');
    expect(
      findingOf(scanned, 'aws.ec2.security-group-open-ports', 'aws_security_group_rule.ssh').change,
    ).toBe('introduced');
    expect(status('https')).toBe('PASS');
    expect(status('egress_all')).toBe('PASS');
    expect(scanned.coverage.skipped).toEqual([]);
  });
});

describe('S3 split resources on a bucket the plan does not manage', () => {
  // Modelled on checkov's plan_with_iam_data_block (an aws_s3_bucket_policy from
  // data.aws_iam_policy_document) and terraform-compliance's test_issue-174 (bucket policies),
  // their bucket named by a constant instead of a bucket of the plan.
  const part = (address: string, after: Json): Change => ({
    address,
    after: { bucket: 'existing-reports', ...after },
    afterUnknown: { id: true },
  });

  it('judges the setting the plan makes; the bucket’s others stay unknown', async () => {
    const publicPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::existing-reports/*',
        },
      ],
    });
    const scanned = await scanDocument(
      plan([
        part('aws_s3_bucket_policy.public', { policy: publicPolicy }),
        part('aws_s3_bucket_logging.logs', { target_bucket: 'central-logs', target_prefix: 'reports/' }),
      ]),
    );
    const status = (check: string, address: string) => findingOf(scanned, check, address).status;
    expect(status('aws.s3.bucket-public-access', 'aws_s3_bucket_policy.public')).toBe('FAIL');
    expect(status('aws.s3.bucket-access-logging', 'aws_s3_bucket_policy.public')).toBe('UNKNOWN');
    expect(status('aws.s3.bucket-cmk-encryption', 'aws_s3_bucket_policy.public')).toBe('UNKNOWN');
    expect(status('common.location.data-in-japan', 'aws_s3_bucket_policy.public')).toBe('UNKNOWN');
    expect(status('aws.s3.bucket-access-logging', 'aws_s3_bucket_logging.logs')).toBe('PASS');
    expect(status('aws.s3.bucket-public-access', 'aws_s3_bucket_logging.logs')).toBe('UNKNOWN');
    expect(resourceOf(scanned, 'aws_s3_bucket_policy.public').name).toBe('existing-reports');
  });
});

describe('a new RDS instance that leaves storage_encrypted out', () => {
  // Modelled on terraform-compliance/cli `tests/functional/test_issue_401/plan.out.json` (format
  // 0.1, Terraform 0.12.25, AWS provider v2): `storage_encrypted: null` in `after`, not in
  // `after_unknown`, the configuration silent; later providers compute the attribute
  // (`after_unknown`). A read replica or an instance restored from a snapshot inherits its
  // source's encryption.
  const db = (name: string, after: Json, afterUnknown: Json = {}, expressions: Json = {}): Change => ({
    address: `aws_db_instance.${name}`,
    after: {
      allocated_storage: 20,
      engine: 'mysql',
      instance_class: 'db.t2.micro',
      publicly_accessible: false,
      replicate_source_db: null,
      snapshot_identifier: null,
      ...after,
    },
    afterUnknown: { id: true, arn: true, kms_key_id: true, backup_retention_period: true, ...afterUnknown },
    expressions: { engine: constant('mysql'), ...expressions },
  });
  const document = plan(
    [
      db('v2_null', { storage_encrypted: null }),
      db('computed', {}, { storage_encrypted: true }),
      db('encrypted', { storage_encrypted: true }, {}, { storage_encrypted: constant(true) }),
      db('restored', { storage_encrypted: null, snapshot_identifier: 'snap-1' }),
      db(
        'replica',
        { storage_encrypted: null },
        { replicate_source_db: true },
        { replicate_source_db: ref('aws_db_instance.encrypted.identifier') },
      ),
    ],
    { providers: { aws: { region: constant('ap-northeast-1') } } },
  );

  it('fails it: RDS creates the storage unencrypted', async () => {
    const scanned = await scanDocument(document);
    for (const name of ['v2_null', 'computed'])
      expect(findingOf(scanned, 'aws.rds.instance-encrypted', `aws_db_instance.${name}`).status).toBe('FAIL');
    expect(resourceOf(scanned, 'aws_db_instance.v2_null').facts).toMatchObject({
      encrypted: { value: false, source: 'default' },
    });
    expect(findingOf(scanned, 'aws.rds.instance-encrypted', 'aws_db_instance.encrypted').status).toBe('PASS');
  });

  it('leaves an instance that inherits its source’s encryption unknown', async () => {
    const scanned = await scanDocument(document);
    for (const name of ['restored', 'replica'])
      expect(findingOf(scanned, 'aws.rds.instance-encrypted', `aws_db_instance.${name}`).status).toBe(
        'UNKNOWN',
      );
  });
});

describe('a new EBS volume that leaves encrypted out', () => {
  // Modelled on terragoat's `aws_ebs_volume.web_host_storage` as planned in bridgecrewio/checkov
  // `tests/terraform/runner/resources/plan/tfplan.json` (format 0.1, Terraform 0.12.23):
  // `encrypted` in `after_unknown` (Optional+Computed: the Region's EBS encryption by default).
  const volume: Change = {
    address: 'aws_ebs_volume.web_host_storage',
    after: { availability_zone: 'ap-northeast-1a', size: 1, snapshot_id: null, tags: null },
    afterUnknown: { arn: true, encrypted: true, id: true, iops: true, kms_key_id: true, type: true },
    expressions: { availability_zone: constant('ap-northeast-1a'), size: constant(1) },
  };
  const byDefault = (enabled: boolean): Change => ({
    address: 'aws_ebs_encryption_by_default.this',
    after: { enabled },
    afterUnknown: { id: true },
    expressions: { enabled: constant(enabled) },
  });
  const status = async (changes: Change[]) =>
    findingOf(
      await scanDocument(
        plan(changes, { formatVersion: '0.1', terraformVersion: '0.12.23', bareProviderNames: true }),
      ),
      'common.encryption.disk-at-rest',
      'aws_ebs_volume.web_host_storage',
    ).status;

  it('is encrypted as the plan’s own encryption-by-default setting says', async () => {
    expect(await status([volume, byDefault(true)])).toBe('PASS');
    expect(await status([volume, byDefault(false)])).toBe('FAIL');
  });

  it('stays unknown when the plan does not manage that account setting', async () => {
    expect(await status([volume])).toBe('UNKNOWN');
  });

  // The plan itself (checkov's tfplan.json) shows `snapshot_id` (Optional+Computed) known only
  // after apply too: the configuration, which does not set it, says the volume is made empty.
  const planned: Change = {
    ...volume,
    after: { availability_zone: 'ap-northeast-1a', size: 1, tags: null },
    afterUnknown: { ...volume.afterUnknown, snapshot_id: true },
  };

  it('is made empty where the configuration leaves out a snapshot_id the plan shows unknown', async () => {
    expect(await status([planned, byDefault(true)])).toBe('PASS');
    expect(await status([planned, byDefault(false)])).toBe('FAIL');
  });

  it('may be made from a snapshot where the configuration sets snapshot_id from what is known only after apply', async () => {
    const restored: Change = {
      ...planned,
      expressions: { ...planned.expressions, snapshot_id: { references: ['aws_ebs_snapshot.base.id'] } },
    };
    expect(await status([restored, byDefault(false)])).toBe('UNKNOWN');
  });
});

describe('Aurora: instances of an aws_rds_cluster', () => {
  // Modelled on Diegoecab/Database `aws/terraform/old_terraform/aurora_postgresql.tf` (an
  // `aws_rds_cluster_instance` counted, `cluster_identifier = aws_rds_cluster.default.cluster_identifier`)
  // and the AWS provider's rds_cluster_instance docs: `publicly_accessible` (default false) is the
  // instance's; `storage_encrypted` and `kms_key_id` are computed from the cluster.
  const cluster = (after: Json, afterUnknown: Json = {}): Change => ({
    address: 'aws_rds_cluster.default',
    after: {
      cluster_identifier: 'aurora-demo',
      engine: 'aurora-postgresql',
      engine_mode: 'provisioned',
      backup_retention_period: 1,
      enabled_cloudwatch_logs_exports: null,
      snapshot_identifier: null,
      replication_source_identifier: null,
      global_cluster_identifier: null,
      ...after,
    },
    afterUnknown: { arn: true, id: true, kms_key_id: true, ...afterUnknown },
    expressions: { cluster_identifier: constant('aurora-demo'), engine: constant('aurora-postgresql') },
  });
  const instance = (publiclyAccessible: boolean, clusterExpression: Json): Change => ({
    address: 'aws_rds_cluster_instance.cluster_instances',
    after: {
      cluster_identifier: 'aurora-demo',
      engine: 'aurora-postgresql',
      instance_class: 'db.t3.medium',
      publicly_accessible: publiclyAccessible,
    },
    afterUnknown: { arn: true, id: true, endpoint: true, kms_key_id: true, storage_encrypted: true },
    expressions: { cluster_identifier: clusterExpression, instance_class: constant('db.t3.medium') },
  });
  const toCluster = ref('aws_rds_cluster.default.cluster_identifier', 'aws_rds_cluster.default');
  const INSTANCE = 'aws_rds_cluster_instance.cluster_instances';
  const scan = (changes: Change[]) =>
    scanDocument(plan(changes, { providers: { aws: { region: constant('ap-northeast-1') } } }));
  const status = (scanned: Awaited<ReturnType<typeof scan>>, check: string) =>
    findingOf(scanned, check, INSTANCE).status;

  it('reads the instance’s own public access', async () => {
    expect(
      status(await scan([cluster({}), instance(true, toCluster)]), 'aws.rds.instance-public-access'),
    ).toBe('FAIL');
    expect(
      status(await scan([cluster({}), instance(false, toCluster)]), 'aws.rds.instance-public-access'),
    ).toBe('PASS');
  });

  it('takes encryption, backups and log exports from the cluster it names', async () => {
    const unencrypted = await scan([cluster({ storage_encrypted: null }), instance(false, toCluster)]);
    expect(status(unencrypted, 'aws.rds.instance-encrypted')).toBe('FAIL');
    expect(status(unencrypted, 'aws.rds.instance-backup')).toBe('PASS');
    expect(status(unencrypted, 'aws.rds.instance-log-exports')).toBe('FAIL');
    expect(resourceOf(unencrypted, INSTANCE).facts).toMatchObject({
      clusterArn: { value: 'aws_rds_cluster.default', path: `${INSTANCE}.cluster_identifier` },
      encrypted: { value: false, path: 'aws_rds_cluster.default.storage_encrypted' },
    });
    const encrypted = await scan([
      cluster({ storage_encrypted: true, enabled_cloudwatch_logs_exports: ['postgresql'] }),
      instance(false, toCluster),
    ]);
    expect(status(encrypted, 'aws.rds.instance-encrypted')).toBe('PASS');
    expect(status(encrypted, 'aws.rds.instance-log-exports')).toBe('PASS');
  });

  it('leaves the cluster’s settings unknown when the cluster is not in the plan', async () => {
    const scanned = await scan([instance(true, constant('aurora-demo'))]);
    expect(status(scanned, 'aws.rds.instance-public-access')).toBe('FAIL');
    for (const check of [
      'aws.rds.instance-encrypted',
      'aws.rds.instance-backup',
      'aws.rds.instance-log-exports',
    ])
      expect(status(scanned, check)).toBe('UNKNOWN');
  });
});

describe('aws_default_security_group', () => {
  // Modelled on the AWS provider's default_security_group docs: Terraform adopts a VPC's default
  // group, removes its rules and creates those the configuration lists (inline `ingress`, as
  // aws_security_group spells them), so the plan shows all of them.
  const group = (ingress: Json[]): Change => ({
    address: 'aws_default_security_group.default',
    after: { ingress, egress: [], revoke_rules_on_delete: false, tags: null },
    afterUnknown: { arn: true, id: true, name: true, owner_id: true, vpc_id: true },
    expressions: { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main') },
  });
  const rule = awsIngressRule;
  const status = async (ingress: Json[]) =>
    findingOf(
      await scanDocument(plan([group(ingress)])),
      'aws.ec2.security-group-open-ports',
      'aws_default_security_group.default',
    ).status;

  it('judges the rules the configuration gives the default group', async () => {
    expect(await status([rule(22, '0.0.0.0/0')])).toBe('FAIL');
    expect(await status([rule(22, '10.0.0.0/16')])).toBe('PASS');
    expect(await status([])).toBe('PASS');
  });

  it('takes the rule resources that name it', async () => {
    const rule: Change = {
      address: 'aws_security_group_rule.ssh',
      after: { type: 'ingress', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] },
      afterUnknown: { id: true, security_group_id: true },
      expressions: {
        security_group_id: ref('aws_default_security_group.default.id', 'aws_default_security_group.default'),
      },
    };
    const scanned = await scanDocument(plan([group([]), rule]));
    expect(
      findingOf(scanned, 'aws.ec2.security-group-open-ports', 'aws_default_security_group.default').status,
    ).toBe('FAIL');
    expect(resourceOf(scanned, 'aws_default_security_group.default').origin.iac?.parts).toEqual([
      'aws_security_group_rule.ssh',
    ]);
  });
});

describe('security groups open to the whole internet written without 0.0.0.0/0', () => {
  // Modelled on the AWS provider's docs for aws_security_group (inline `ingress`, `cidr_blocks`)
  // and aws_vpc_security_group_ingress_rule (one `cidr_ipv4` per rule, `security_group_id`): the
  // halves 0.0.0.0/1 and 128.0.0.0/1 are how configurations get past linters that look for
  // 0.0.0.0/0; with one CIDR per rule resource they land on two rules of one group.
  const group: Change = {
    address: 'aws_security_group.web',
    after: { name: 'web', ingress: [], egress: [], revoke_rules_on_delete: false, tags: null },
    afterUnknown: { arn: true, id: true, owner_id: true, vpc_id: true },
  };
  const half = (name: string, cidr: string): Change => ({
    address: `aws_vpc_security_group_ingress_rule.${name}`,
    after: { cidr_ipv4: cidr, from_port: 22, to_port: 22, ip_protocol: 'tcp', description: null },
    afterUnknown: { arn: true, id: true, security_group_id: true, security_group_rule_id: true },
    expressions: { security_group_id: ref('aws_security_group.web.id', 'aws_security_group.web') },
  });
  const finding = async (changes: Change[]) =>
    findingOf(
      await scanDocument(plan(changes)),
      'aws.ec2.security-group-open-ports',
      'aws_security_group.web',
    );

  it('reads the two halves on one inline rule as the internet', async () => {
    const ingress = [{ ...awsIngressRule(22, '0.0.0.0/1'), cidr_blocks: ['0.0.0.0/1', '128.0.0.0/1'] }];
    const inline = { ...group, after: { ...group.after, ingress } };
    expect((await finding([inline])).data).toMatchObject({
      rules: ['0.0.0.0/1 → tcp:22', '128.0.0.0/1 → tcp:22'],
    });
  });

  it('reads the halves on two rule resources of one group as the internet; a /24 or a private /8 is not', async () => {
    const both = await finding([group, half('low', '0.0.0.0/1'), half('high', '128.0.0.0/1')]);
    expect(both.status).toBe('FAIL');
    expect(both.data).toMatchObject({ rules: ['0.0.0.0/1 → tcp:22', '128.0.0.0/1 → tcp:22'] });
    expect((await finding([group, half('office', '203.0.113.0/24')])).status).toBe('PASS');
    expect((await finding([group, half('vpc', '10.0.0.0/8')])).status).toBe('PASS');
  });
});

describe('DynamoDB tables, EFS file systems, SQS queues and SNS topics', () => {
  // Modelled on sr-lab/GLITCH `glitch/tests/security/terraform/files/missing-encryption/dynamodb-rest-encryption.tf`
  // (`server_side_encryption` with `enabled = false` or `true` and `kms_key_arn = aws_kms_key.x.key_id`)
  // and the AWS provider's docs: `server_side_encryption` and EFS's `encrypted` / `kms_key_id`
  // Optional+Computed (known after apply when left out), SQS's `sqs_managed_sse_enabled` computed,
  // `kms_master_key_id` on queues and topics.
  const key: Change = {
    address: 'aws_kms_key.data',
    after: { enable_key_rotation: true, is_enabled: true },
    afterUnknown: { arn: true, id: true, key_id: true },
  };
  const toKey = (attribute: string) => ref(`aws_kms_key.data.${attribute}`, 'aws_kms_key.data');
  const table = (
    name: string,
    sse: Json | null,
    sseUnknown: Json | true,
    expressions: Json = {},
  ): Change => ({
    address: `aws_dynamodb_table.${name}`,
    after: {
      name,
      hash_key: 'id',
      billing_mode: 'PAY_PER_REQUEST',
      ...(sse && { server_side_encryption: [sse] }),
    },
    afterUnknown: { arn: true, id: true, server_side_encryption: sseUnknown === true ? true : [sseUnknown] },
    expressions: { name: constant(name), ...expressions },
  });
  const document = plan(
    [
      key,
      table('owned', null, true),
      table('disabled', { enabled: false }, {}, { server_side_encryption: [{ enabled: constant(false) }] }),
      table(
        'aws_managed',
        { enabled: true },
        { kms_key_arn: true },
        { server_side_encryption: [{ enabled: constant(true) }] },
      ),
      table(
        'customer',
        { enabled: true },
        { kms_key_arn: true },
        { server_side_encryption: [{ enabled: constant(true), kms_key_arn: toKey('key_id') }] },
      ),
      {
        address: 'aws_efs_file_system.plain',
        after: { creation_token: 'plain' },
        afterUnknown: { arn: true, id: true, encrypted: true, kms_key_id: true },
      },
      {
        address: 'aws_efs_file_system.aws_managed',
        after: { creation_token: 'managed', encrypted: true },
        afterUnknown: { arn: true, id: true, kms_key_id: true },
        expressions: { encrypted: constant(true) },
      },
      {
        address: 'aws_efs_file_system.customer',
        after: { creation_token: 'customer', encrypted: true },
        afterUnknown: { arn: true, id: true, kms_key_id: true },
        expressions: { encrypted: constant(true), kms_key_id: toKey('arn') },
      },
      {
        address: 'aws_sqs_queue.sse_sqs',
        after: { name: 'jobs', kms_master_key_id: null },
        afterUnknown: { arn: true, id: true, sqs_managed_sse_enabled: true },
      },
      {
        address: 'aws_sqs_queue.customer',
        after: { name: 'orders' },
        afterUnknown: { arn: true, id: true, kms_master_key_id: true, sqs_managed_sse_enabled: true },
        expressions: { kms_master_key_id: toKey('id') },
      },
      {
        address: 'aws_sns_topic.aws_managed',
        after: { name: 'alerts', kms_master_key_id: 'alias/aws/sns' },
        afterUnknown: { arn: true, id: true },
        expressions: { kms_master_key_id: constant('alias/aws/sns') },
      },
    ],
    { providers: { aws: { region: constant('ap-northeast-1') } } },
  );
  const CMK = 'common.classification.cmk-at-rest';

  it('judges whether a customer-managed key protects them (class 2, the default)', async () => {
    const scanned = await scanDocument(document);
    const status = (address: string) => findingOf(scanned, CMK, address).status;
    for (const address of [
      'aws_dynamodb_table.owned',
      'aws_dynamodb_table.disabled',
      'aws_dynamodb_table.aws_managed',
      'aws_efs_file_system.plain',
      'aws_efs_file_system.aws_managed',
      'aws_sqs_queue.sse_sqs',
      'aws_sns_topic.aws_managed',
    ])
      expect([address, status(address)]).toEqual([address, 'FAIL']);
    for (const address of [
      'aws_dynamodb_table.customer',
      'aws_efs_file_system.customer',
      'aws_sqs_queue.customer',
    ])
      expect([address, status(address)]).toEqual([address, 'PASS']);
    expect(resourceOf(scanned, 'aws_efs_file_system.plain').facts).toMatchObject({
      encrypted: { value: false, source: 'default', path: 'aws_efs_file_system.plain.encrypted' },
    });
    expect(findingOf(scanned, 'common.location.data-in-japan', 'aws_dynamodb_table.owned').status).toBe(
      'PASS',
    );
  });

  it('leaves a key it cannot tell unknown', async () => {
    const scanned = await scanDocument(
      plan([
        {
          address: 'aws_sqs_queue.existing_key',
          after: { name: 'q' },
          afterUnknown: { arn: true, id: true, kms_master_key_id: true },
          expressions: { kms_master_key_id: ref('data.aws_kms_key.shared.arn', 'data.aws_kms_key.shared') },
        },
      ]),
    );
    expect(findingOf(scanned, CMK, 'aws_sqs_queue.existing_key').status).toBe('UNKNOWN');
  });
});

describe('Redshift clusters and OpenSearch / Elasticsearch domains', () => {
  // Modelled on the AWS provider's redshift_cluster docs (`publicly_accessible`, `encrypted`,
  // `kms_key_id` Optional+Computed) and opensearch_domain / elasticsearch_domain docs
  // (`encrypt_at_rest { enabled, kms_key_id }`, the block Optional+Computed when left out).
  const document = plan(
    [
      {
        address: 'aws_redshift_cluster.public',
        after: {
          cluster_identifier: 'public',
          node_type: 'dc2.large',
          publicly_accessible: true,
          encrypted: false,
        },
        afterUnknown: { arn: true, id: true, kms_key_id: true },
      },
      {
        address: 'aws_redshift_cluster.private',
        after: {
          cluster_identifier: 'private',
          node_type: 'dc2.large',
          publicly_accessible: false,
          encrypted: true,
        },
        afterUnknown: { arn: true, id: true, kms_key_id: true },
        expressions: { encrypted: constant(true) },
      },
      {
        address: 'aws_opensearch_domain.customer',
        after: { domain_name: 'search', encrypt_at_rest: [{ enabled: true }] },
        afterUnknown: { arn: true, id: true, encrypt_at_rest: [{ kms_key_id: true }] },
        expressions: {
          encrypt_at_rest: [
            { enabled: constant(true), kms_key_id: ref('aws_kms_key.search.arn', 'aws_kms_key.search') },
          ],
        },
      },
      {
        address: 'aws_kms_key.search',
        after: { enable_key_rotation: true, is_enabled: true },
        afterUnknown: { arn: true, id: true },
      },
      {
        address: 'aws_elasticsearch_domain.left_out',
        after: { domain_name: 'legacy' },
        afterUnknown: { arn: true, id: true, encrypt_at_rest: true },
      },
    ],
    { providers: { aws: { region: constant('ap-northeast-1') } } },
  );

  it('reads public access and the key that protects them', async () => {
    const scanned = await scanDocument(document);
    const status = (check: string, address: string) => findingOf(scanned, check, address).status;
    const CMK = 'common.classification.cmk-at-rest';
    const NETWORK = 'common.classification.closed-network';
    expect(status(NETWORK, 'aws_redshift_cluster.public')).toBe('FAIL');
    expect(status(NETWORK, 'aws_redshift_cluster.private')).toBe('PASS');
    expect(status(CMK, 'aws_redshift_cluster.public')).toBe('FAIL');
    expect(status(CMK, 'aws_redshift_cluster.private')).toBe('FAIL');
    expect(status(CMK, 'aws_opensearch_domain.customer')).toBe('PASS');
    expect(status(CMK, 'aws_elasticsearch_domain.left_out')).toBe('UNKNOWN');
  });
});

describe('EC2 and Compute Engine instances, and other types read for where they are', () => {
  // Modelled on terragoat's `aws_instance.web_host` as planned in bridgecrewio/checkov
  // `tests/terraform/runner/resources/plan/tfplan.json` (`availability_zone` known after apply
  // when left out) and checkov's `parser/resources/plan_booleans/tfplan.json`
  // (`google_compute_instance` with its `zone`): the exports read them for where they are.
  it('places them and judges where their data is', async () => {
    const scanned = await scanDocument(
      plan(
        [
          {
            address: 'aws_instance.web_host',
            after: { ami: 'ami-0123', instance_type: 't2.nano', tags: null },
            afterUnknown: { arn: true, id: true, availability_zone: true, root_block_device: true },
          },
          {
            address: 'aws_elasticache_replication_group.cache',
            after: { replication_group_id: 'cache', at_rest_encryption_enabled: false },
            afterUnknown: { arn: true, id: true },
          },
          {
            address: 'google_compute_instance.server',
            after: { name: 'server', machine_type: 'n1-standard-1', zone: 'us-central1-a' },
            afterUnknown: { id: true, instance_id: true },
          },
        ],
        {
          providers: {
            aws: { region: constant('ap-northeast-1') },
            google: { project: constant('kansa-demo') },
          },
        },
      ),
    );
    const status = (address: string) => findingOf(scanned, 'common.location.data-in-japan', address).status;
    expect(status('aws_instance.web_host')).toBe('PASS');
    expect(status('aws_elasticache_replication_group.cache')).toBe('PASS');
    expect(status('google_compute_instance.server')).toBe('FAIL');
    expect(resourceOf(scanned, 'google_compute_instance.server').region).toBe('us-central1');
  });
});
