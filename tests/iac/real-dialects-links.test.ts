import { describe, expect, it } from 'vitest';
import { constant, type Json, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';
import { addressOf, type ModuleChange, modulePlan } from './module-plan.ts';

/**
 * Split resources linked to the resource they configure across module paths, `for_each` and
 * `count` keys, module outputs and other split resources; and split resources that name theirs
 * only after apply, through what the configuration does not trace, which leave the settings they
 * may make unknown (SOURCES.md, "Split resources across module paths").
 */

const PUBLIC_ACCESS = 'aws.s3.bucket-public-access';
const OPEN = {
  block_public_acls: false,
  block_public_policy: false,
  ignore_public_acls: false,
  restrict_public_buckets: false,
};
const BLOCKED = {
  block_public_acls: true,
  block_public_policy: true,
  ignore_public_acls: true,
  restrict_public_buckets: true,
};

/** A new aws_s3_bucket of provider v4+, named by a constant (its id known after apply). */
const bucket = (name: string, where: Partial<ModuleChange> = {}): ModuleChange => ({
  type: 'aws_s3_bucket',
  name,
  after: { bucket: `${name}-${String(where.index ?? 'x')}`, force_destroy: false, tags: null },
  afterUnknown: { id: true, arn: true, region: true },
  ...where,
});

/** A new public access block whose `bucket` the plan knows only after apply. */
const block = (
  name: string,
  bucketExpression: Json,
  settings: Json,
  where: Partial<ModuleChange> = {},
): ModuleChange => ({
  type: 'aws_s3_bucket_public_access_block',
  name,
  after: { ...settings },
  afterUnknown: { bucket: true, id: true },
  expressions: { bucket: bucketExpression, block_public_acls: constant(settings.block_public_acls) },
  ...where,
});

const status = async (document: Json, check: string, change: ModuleChange) =>
  findingOf(await scanDocument(document), check, addressOf(change)).status;

describe('split resources across module paths', () => {
  it('links each instance of a nested module to the block of the same instance', async () => {
    // terraform-aws-modules/s3-bucket called with for_each, its resources counted:
    // `bucket = aws_s3_bucket.this[0].id` in each module instance.
    const inner = ['logs', 'data'].map((key) => `module.s3["${key}"].module.bucket`);
    const buckets = inner.map((module) => bucket('this', { module, index: 0 }));
    const blocks = inner.map((module, i) =>
      block(
        'this',
        ref('aws_s3_bucket.this[0].id', 'aws_s3_bucket.this[0]', 'aws_s3_bucket.this'),
        i === 0 ? OPEN : BLOCKED,
        {
          module,
          index: 0,
        },
      ),
    );
    const document = modulePlan([...buckets, ...blocks], {
      'module.s3': { forEach: ref('var.buckets') },
      'module.s3.module.bucket': {},
    });
    expect(await status(document, PUBLIC_ACCESS, buckets[0]!)).toBe('FAIL');
    expect(await status(document, PUBLIC_ACCESS, buckets[1]!)).toBe('PASS');
  });

  it('follows a module output, and an element of an output keyed as its resource', async () => {
    const logs = bucket('this', { module: 'module.s3', index: 'logs' });
    const data = bucket('this', { module: 'module.s3', index: 'data' });
    const document = modulePlan(
      [logs, data, block('logs', ref('module.s3.ids["logs"]', 'module.s3.ids', 'module.s3'), OPEN)],
      { 'module.s3': { outputs: { ids: { expression: ref('aws_s3_bucket.this') } } } },
    );
    expect(await status(document, PUBLIC_ACCESS, logs)).toBe('FAIL');
    expect(await status(document, PUBLIC_ACCESS, data)).toBe('PASS');
  });

  it('pairs `each.value` of a for_each over the buckets with the bucket of the same key', async () => {
    const buckets = ['a', 'b'].map((index) => bucket('b', { index }));
    const blocks = ['a', 'b'].map((index) =>
      block('p', ref('each.value.id', 'each.value'), index === 'a' ? OPEN : BLOCKED, {
        index,
        block: { for_each_expression: ref('aws_s3_bucket.b') },
      }),
    );
    const document = modulePlan([...buckets, ...blocks]);
    expect(await status(document, PUBLIC_ACCESS, buckets[0]!)).toBe('FAIL');
    expect(await status(document, PUBLIC_ACCESS, buckets[1]!)).toBe('PASS');
  });

  it('pairs `each.value.<output>` of a for_each over a module with that module instance’s output', async () => {
    // module "s3" { for_each = toset(["a", "b"]) } and, in the root,
    // resource "…_public_access_block" "p" { for_each = module.s3; bucket = each.value.id }.
    const buckets = ['a', 'b'].map((key) => bucket('this', { module: `module.s3["${key}"]`, index: 0 }));
    const blocks = ['a', 'b'].map((index) =>
      block('p', ref('each.value.id', 'each.value'), index === 'a' ? OPEN : BLOCKED, {
        index,
        block: { for_each_expression: ref('module.s3') },
      }),
    );
    const document = modulePlan([...buckets, ...blocks], {
      'module.s3': {
        forEach: ref('local.names'),
        outputs: {
          id: { expression: ref('aws_s3_bucket.this[0].id', 'aws_s3_bucket.this[0]', 'aws_s3_bucket.this') },
        },
      },
    });
    expect(await status(document, PUBLIC_ACCESS, buckets[0]!)).toBe('FAIL');
    expect(await status(document, PUBLIC_ACCESS, buckets[1]!)).toBe('PASS');
  });

  it('follows a variable passed as `each.value.<output>` by a module called for_each over another', async () => {
    // module "guard" { for_each = module.s3; bucket_id = each.value.id }, its block on var.bucket_id.
    const buckets = ['a', 'b'].map((key) => bucket('this', { module: `module.s3["${key}"]`, index: 0 }));
    const blocks = ['a', 'b'].map((key) =>
      block('this', ref('var.bucket_id'), key === 'a' ? OPEN : BLOCKED, { module: `module.guard["${key}"]` }),
    );
    const document = modulePlan([...buckets, ...blocks], {
      'module.s3': {
        forEach: ref('local.names'),
        outputs: {
          id: { expression: ref('aws_s3_bucket.this[0].id', 'aws_s3_bucket.this[0]', 'aws_s3_bucket.this') },
        },
      },
      'module.guard': {
        forEach: ref('module.s3'),
        expressions: { bucket_id: ref('each.value.id', 'each.value') },
      },
    });
    expect(await status(document, PUBLIC_ACCESS, buckets[0]!)).toBe('FAIL');
    expect(await status(document, PUBLIC_ACCESS, buckets[1]!)).toBe('PASS');
  });

  it('pairs a variable passed with `each.key` with the module instance of that key', async () => {
    // module "guard" { for_each = aws_s3_bucket.b; bucket_id = aws_s3_bucket.b[each.key].id }
    const buckets = ['a', 'b'].map((index) => bucket('b', { index }));
    const blocks = ['a', 'b'].map((key) =>
      block('this', ref('var.bucket_id'), key === 'a' ? OPEN : BLOCKED, { module: `module.guard["${key}"]` }),
    );
    const document = modulePlan([...buckets, ...blocks], {
      'module.guard': {
        forEach: ref('aws_s3_bucket.b'),
        expressions: { bucket_id: ref('aws_s3_bucket.b', 'each.key') },
      },
    });
    expect(await status(document, PUBLIC_ACCESS, buckets[0]!)).toBe('FAIL');
    expect(await status(document, PUBLIC_ACCESS, buckets[1]!)).toBe('PASS');
  });

  it('follows a split resource named through another one of the same bucket', async () => {
    // A policy put after the block: `bucket = aws_s3_bucket_public_access_block.b.bucket`.
    const b = bucket('b');
    const policy: ModuleChange = {
      type: 'aws_s3_bucket_policy',
      name: 'public',
      after: {
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b-x/*' },
          ],
        }),
      },
      afterUnknown: { bucket: true, id: true },
      expressions: {
        bucket: ref('aws_s3_bucket_public_access_block.b.bucket', 'aws_s3_bucket_public_access_block.b'),
      },
    };
    const scanned = await scanDocument(
      modulePlan([b, block('b', ref('aws_s3_bucket.b.id', 'aws_s3_bucket.b'), OPEN), policy]),
    );
    const finding = findingOf(scanned, PUBLIC_ACCESS, 'aws_s3_bucket.b');
    expect(finding.status).toBe('FAIL');
    expect(finding.resource.origin?.iac?.parts).toContain('aws_s3_bucket_policy.public');
    // Not judged again as the policy of a bucket outside the plan.
    expect(scanned.findings.some((f) => f.resource.id === 'aws_s3_bucket_policy.public')).toBe(false);
  });

  it('names no instance through a map built of a local', async () => {
    const buckets = ['a', 'b'].map((index) => bucket('b', { index }));
    const blocks = ['x', 'y'].map((index) =>
      block('p', ref('each.value.bucket', 'each.value'), OPEN, {
        index,
        block: { for_each_expression: ref('local.pairs', 'aws_s3_bucket.b') },
      }),
    );
    const scanned = await scanDocument(modulePlan([...buckets, ...blocks]));
    // Which bucket each block configures is not in the plan: unknown, not a guess by key.
    expect(findingOf(scanned, PUBLIC_ACCESS, 'aws_s3_bucket.b["a"]').status).toBe('UNKNOWN');
  });
});

describe('split resources that name theirs only after apply, untraced', () => {
  it('leaves the setting of the plan’s buckets unknown, not the default of a bucket without one', async () => {
    const b = bucket('b');
    const own = bucket('own');
    const scanned = await scanDocument(
      modulePlan([
        b,
        own,
        block('own', ref('aws_s3_bucket.own.id', 'aws_s3_bucket.own'), BLOCKED),
        block('p', ref('local.bucket_id'), OPEN),
      ]),
    );
    const finding = findingOf(scanned, PUBLIC_ACCESS, 'aws_s3_bucket.b');
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.evidence.map((e) => e.path)).toContain('aws_s3_bucket_public_access_block.p.bucket');
    // A bucket with its own block keeps it.
    expect(findingOf(scanned, PUBLIC_ACCESS, 'aws_s3_bucket.own').status).toBe('PASS');
  });

  it('keeps what every reading agrees on', async () => {
    // All four blocks on, as S3 gives a new bucket without a block: PASS either way.
    const b = bucket('b');
    const document = modulePlan([
      b,
      block('p', ref('data.aws_s3_bucket.x.id', 'data.aws_s3_bucket.x'), BLOCKED),
    ]);
    expect(await status(document, PUBLIC_ACCESS, b)).toBe('PASS');
  });

  it('leaves a block naming an existing bucket by its name to that bucket', async () => {
    const b = bucket('b');
    const existing: ModuleChange = {
      ...block('existing', constant('legacy-bucket'), OPEN),
      after: { ...OPEN, bucket: 'legacy-bucket' },
      afterUnknown: { id: true },
    };
    const scanned = await scanDocument(modulePlan([b, existing]));
    expect(findingOf(scanned, PUBLIC_ACCESS, 'aws_s3_bucket.b').status).toBe('PASS');
  });

  it('leaves a security group’s rules unknown when a rule names its group through a local', async () => {
    const group: ModuleChange = {
      type: 'aws_security_group',
      name: 'web',
      after: { name: 'web', ingress: [] },
      afterUnknown: { id: true, arn: true, egress: true },
      expressions: { name: constant('web') },
    };
    const rule: ModuleChange = {
      type: 'aws_security_group_rule',
      name: 'ssh',
      after: { type: 'ingress', protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] },
      afterUnknown: { security_group_id: true, id: true },
      expressions: { security_group_id: ref('local.web_sg_id'), type: constant('ingress') },
    };
    const scanned = await scanDocument(modulePlan([group, rule]));
    const finding = findingOf(scanned, 'aws.ec2.security-group-open-ports', 'aws_security_group.web');
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.evidence.map((e) => e.path)).toEqual(['aws_security_group_rule.ssh.security_group_id']);
    // The rule itself still opens SSH, whatever its group.
    expect(
      findingOf(scanned, 'aws.ec2.security-group-open-ports', 'aws_security_group_rule.ssh').status,
    ).toBe('FAIL');
  });

  it('leaves an NSG, a storage account and a Google bucket unknown alike', async () => {
    const nsg: ModuleChange = {
      type: 'azurerm_network_security_group',
      name: 'nsg',
      after: { name: 'nsg1', location: 'japaneast', resource_group_name: 'rg' },
      afterUnknown: { id: true, security_rule: true },
    };
    const rdp: ModuleChange = {
      type: 'azurerm_network_security_rule',
      name: 'rdp',
      after: {
        name: 'rdp',
        priority: 100,
        direction: 'Inbound',
        access: 'Allow',
        protocol: 'Tcp',
        source_port_range: '*',
        destination_port_range: '3389',
        source_address_prefix: '*',
        destination_address_prefix: '*',
        resource_group_name: 'rg',
      },
      afterUnknown: { network_security_group_name: true, id: true },
      expressions: { network_security_group_name: ref('random_pet.nsg.id', 'random_pet.nsg') },
    };
    const account: ModuleChange = {
      type: 'azurerm_storage_account',
      name: 'sa',
      after: {
        name: 'sa1',
        location: 'japaneast',
        resource_group_name: 'rg',
        public_network_access_enabled: true,
        min_tls_version: 'TLS1_2',
        allow_nested_items_to_be_public: false,
        https_traffic_only_enabled: true,
      },
      afterUnknown: { id: true, network_rules: true },
    };
    const rules: ModuleChange = {
      type: 'azurerm_storage_account_network_rules',
      name: 'deny',
      after: {
        default_action: 'Deny',
        bypass: ['AzureServices'],
        ip_rules: [],
        virtual_network_subnet_ids: [],
      },
      afterUnknown: { storage_account_id: true, id: true },
      expressions: {
        storage_account_id: ref('data.azurerm_storage_account.sa.id', 'data.azurerm_storage_account.sa'),
      },
    };
    const gcsBucket: ModuleChange = {
      type: 'google_storage_bucket',
      name: 'b',
      after: { name: 'bkt1', location: 'ASIA-NORTHEAST1', uniform_bucket_level_access: true, project: 'p1' },
      afterUnknown: { id: true, self_link: true, url: true, public_access_prevention: true },
    };
    const member: ModuleChange = {
      type: 'google_storage_bucket_iam_member',
      name: 'public',
      after: { role: 'roles/storage.objectViewer', member: 'allUsers', condition: [] },
      afterUnknown: { bucket: true, etag: true, id: true },
      expressions: { bucket: ref('local.bucket_name'), member: constant('allUsers') },
    };
    const scanned = await scanDocument(modulePlan([nsg, rdp, account, rules, gcsBucket, member]));
    expect(
      findingOf(scanned, 'azure.network.nsg-internet-ingress', 'azurerm_network_security_group.nsg').status,
    ).toBe('UNKNOWN');
    expect(
      findingOf(scanned, 'common.classification.closed-network', 'azurerm_storage_account.sa').status,
    ).toBe('UNKNOWN');
    expect(findingOf(scanned, 'gcp.storage.bucket-public-access', 'google_storage_bucket.b').status).toBe(
      'UNKNOWN',
    );
    // The storage account's other settings are its own.
    expect(findingOf(scanned, 'azure.storage.minimum-tls', 'azurerm_storage_account.sa').status).toBe('PASS');
    expect(scanned.coverage.skipped.map((s) => s.reason)).toContain(
      'azurerm_storage_account_network_rules.deny: names the azurerm_storage_account it configures (storage_account_id) only after apply, through what the configuration does not trace: each of the plan’s may be it',
    );
  });
});

describe('instance keys of either type', () => {
  it('pairs count.index with the for_each key that spells the same number, as HCL converts it', async () => {
    // `for_each = toset(["0", "1"])` buckets and `count = 2` blocks naming `aws_s3_bucket.b[count.index]`.
    const buckets = ['0', '1'].map((index) => bucket('b', { index }));
    const blocks = [0, 1].map((index) =>
      block('p', ref('aws_s3_bucket.b', 'count.index'), index === 0 ? OPEN : BLOCKED, { index }),
    );
    const document = modulePlan([...buckets, ...blocks]);
    expect(await status(document, PUBLIC_ACCESS, buckets[0]!)).toBe('FAIL');
    expect(await status(document, PUBLIC_ACCESS, buckets[1]!)).toBe('PASS');
  });

  it('takes a constant key only when that instance is in the plan', async () => {
    const only = bucket('b', { index: 0 });
    const document = modulePlan([
      only,
      block('p', ref('aws_s3_bucket.b[1].id', 'aws_s3_bucket.b[1]', 'aws_s3_bucket.b'), OPEN),
    ]);
    // The block names b[1], which the plan does not hold: not b[0], whose blocks are S3's default.
    expect(await status(document, PUBLIC_ACCESS, only)).toBe('PASS');
  });
});
