import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Resource } from '../../src/model/resource.ts';
import { localizeProblem } from '../../src/report/problem-text.ts';
import { readInputFile } from '../../src/sources/read-inputs.ts';
import { readInstances } from '../../src/sources/terraform/document.ts';
import { readStateFile } from '../../src/sources/terraform/state-file.ts';
import { walkInputs } from '../../src/sources/walk-inputs.ts';
import { kansa } from '../report/helpers/findings.ts';
import { FIXTURES, findingOf, resourceOf, type Scanned, scanDocument, scanFile } from './helpers.ts';

/** The raw state files (`terraform.tfstate`, format version 4) of `fixtures/state/`. */
const STATE = path.join(FIXTURES, 'state');
/**
 * Values the fixtures' states hold in clear, marked sensitive by `sensitive_attributes`: a
 * password, keys, and a DB identifier made from a sensitive variable (which kansa would
 * otherwise print as the resource's name).
 */
const SECRETS = [
  'city-db-7d1f',
  'Kansa-State-Secret-7d1f',
  'kansa-owner-4b2e@example.jp',
  'Kansa-Azure-Sql-5c2d',
  'S2Fuc2EtQXp1cmUtS2V5LTNlOGY=',
  'Kansa-Gcp-Root-9a3c',
];

let aws: Scanned;
let azure: Scanned;
let gcp: Scanned;

beforeAll(async () => {
  const scan = (cloud: string) => scanFile(path.join(STATE, `${cloud}.tfstate`));
  [aws, azure, gcp] = [await scan('aws'), await scan('azure'), await scan('gcp')];
});

/** A state file around the given resources, as Terraform 1.9 writes it. */
const stateFile = (resources: unknown[], version = 4) => ({
  version,
  terraform_version: '1.9.8',
  serial: 3,
  lineage: '0b6c1f2e-8a4d-4e3b-9f7a-2c5d8e1a4b60',
  outputs: {},
  resources,
  check_results: null,
});
const ec2Volume = (instances: unknown, extra: object = {}) => ({
  mode: 'managed',
  type: 'aws_ebs_volume',
  name: 'data',
  provider: 'provider["registry.terraform.io/hashicorp/aws"]',
  ...extra,
  instances,
});
const volumeAttributes = {
  arn: 'arn:aws:ec2:ap-northeast-1:123456789012:volume/vol-0a',
  availability_zone: 'ap-northeast-1a',
  encrypted: false,
  id: 'vol-0a',
  tags: { owner: 'someone', system: 'city' },
};

describe('raw state files (format version 4), one per cloud', () => {
  it('are read as terraform-state and judged like an inventory: AWS', () => {
    expect(aws.coverage.format).toBe('terraform-state');
    expect(aws.coverage.error).toBeUndefined();
    expect(findingOf(aws, 'aws.rds.instance-public-access', 'aws_db_instance.main').status).toBe('FAIL');
    expect(findingOf(aws, 'aws.rds.instance-encrypted', 'aws_db_instance.main').status).toBe('PASS');
    // count: each index its own resource; a tainted object exists, and is judged.
    expect(findingOf(aws, 'common.encryption.disk-at-rest', 'aws_ebs_volume.data[0]').status).toBe('FAIL');
    expect(findingOf(aws, 'common.encryption.disk-at-rest', 'aws_ebs_volume.data[1]').status).toBe('PASS');
    // for_each modules: the module key quoted as Terraform writes it.
    expect(
      findingOf(aws, 'aws.ec2.security-group-open-ports', 'module.net["prod"].aws_security_group.ssh').status,
    ).toBe('FAIL');
    expect(
      findingOf(aws, 'aws.s3.bucket-public-access', 'module.storage["logs"].aws_s3_bucket.this').status,
    ).toBe('PASS');
    expect(resourceOf(aws, 'module.storage["logs"].aws_s3_bucket.this').origin.iac).toEqual({
      address: 'module.storage["logs"].aws_s3_bucket.this',
      action: 'state',
      parts: ['module.storage["logs"].aws_s3_bucket_public_access_block.this'],
    });
  });

  it('skips the deposed object of a create_before_destroy replacement and data sources, saying why', () => {
    // The current security group allows 443 only; the deposed one, being destroyed, 22.
    expect(findingOf(aws, 'aws.ec2.security-group-open-ports', 'aws_security_group.web').status).toBe('PASS');
    expect(aws.coverage.skipped.map((s) => s.reason)).toEqual([
      'data.aws_caller_identity.current: data source: it reads, it does not deploy',
      "aws_security_group.web: deposed object 5f3e9a1c (left by a create_before_destroy replacement, to be destroyed): the address's current object is judged",
    ]);
  });

  it('are read as terraform-state and judged like an inventory: Azure', () => {
    expect(azure.coverage.format).toBe('terraform-state');
    const nsg = (key: string) => `module.net.azurerm_network_security_group.web["${key}"]`;
    expect(findingOf(azure, 'azure.network.nsg-internet-ingress', nsg('a')).status).toBe('FAIL');
    expect(findingOf(azure, 'azure.network.nsg-internet-ingress', nsg('b')).status).toBe('PASS');
    expect(findingOf(azure, 'azure.storage.minimum-tls', 'azurerm_storage_account.legacy').status).toBe(
      'FAIL',
    );
    expect(findingOf(azure, 'azure.storage.minimum-tls', 'azurerm_storage_account.data').status).toBe('PASS');
    expect(findingOf(azure, 'azure.database.public-network-access', 'azurerm_mssql_server.main').status).toBe(
      'FAIL',
    );
  });

  it('are read as terraform-state and judged like an inventory: Google Cloud', () => {
    expect(gcp.coverage.format).toBe('terraform-state');
    expect(findingOf(gcp, 'gcp.storage.bucket-public-access', 'google_storage_bucket.site').status).toBe(
      'FAIL',
    );
    const rule = (key: string) => `module.vpc.module.rules["ssh"].google_compute_firewall.this["${key}"]`;
    expect(findingOf(gcp, 'gcp.compute.firewall-internet-ingress', rule('any')).status).toBe('FAIL');
    expect(findingOf(gcp, 'gcp.compute.firewall-internet-ingress', rule('office')).status).toBe('PASS');
    expect(findingOf(gcp, 'gcp.sql.instance-public-access', 'google_sql_database_instance.city').status).toBe(
      'PASS',
    );
  });

  it('makes the resources terraform show -json of the same state makes', async () => {
    // fixtures/state/gcp.tfstate is fixtures/gcp/state.json as its raw file, and one resource more.
    const shown = await scanFile(path.join(FIXTURES, 'gcp/state.json'));
    // The raw file adds its lineage and serial, which show -json does not write; the objects are the same.
    const withoutFile = ({ snapshot, ...resource }: Resource) => ({
      ...resource,
      origin: { ...resource.origin, file: '' },
      object: snapshot?.object,
    });
    const raw = gcp.resources.filter((r) => r.id !== 'google_sql_database_instance.city');
    // Terraform writes a resource's instances sorted by key; show -json lists them as it walks.
    const byId = (a: Resource, b: Resource) => a.id.localeCompare(b.id);
    expect(raw.sort(byId).map(withoutFile)).toEqual(shown.resources.sort(byId).map(withoutFile));
  });
});

describe('where a raw state places its resources (it holds no provider configuration)', () => {
  it('takes the region from the resource itself: an ARN, a zone, a region attribute, a location', () => {
    expect(resourceOf(aws, 'aws_db_instance.main').region).toBe('ap-northeast-1');
    expect(resourceOf(aws, 'aws_ebs_volume.data[0]').region).toBe('ap-northeast-1');
    // An S3 ARN names no region: the bucket's own `region` attribute does.
    expect(resourceOf(aws, 'module.storage["logs"].aws_s3_bucket.this').region).toBe('ap-northeast-3');
    expect(resourceOf(azure, 'azurerm_mssql_server.main').region).toBe('japaneast');
    expect(resourceOf(gcp, 'google_sql_database_instance.city').region).toBe('asia-northeast1');
  });

  it("takes the account from ARNs (an S3 ARN names none: the account of the state's other ARNs)", () => {
    expect(resourceOf(aws, 'aws_db_instance.main').account).toBe('123456789012');
    expect(resourceOf(aws, 'module.storage["logs"].aws_s3_bucket.this').account).toBe('123456789012');
    expect(resourceOf(azure, 'azurerm_storage_account.data').account).toBe(
      '11111111-2222-3333-4444-555555555555',
    );
  });

  it("takes an ARN-less resource's account from its own provider configuration, else unknown when accounts differ", async () => {
    const aws = 'provider["registry.terraform.io/hashicorp/aws"]';
    const volume = (name: string, provider: string, account: string) =>
      ec2Volume(
        [
          {
            schema_version: 0,
            attributes: {
              ...volumeAttributes,
              arn: `arn:aws:ec2:ap-northeast-1:${account}:volume/vol-0${name}`,
            },
          },
        ],
        { name, provider },
      );
    const bucket = (name: string, provider: string) => ({
      mode: 'managed',
      type: 'aws_s3_bucket',
      name,
      provider,
      instances: [
        {
          schema_version: 0,
          attributes: {
            arn: `arn:aws:s3:::city-${name}`,
            bucket: `city-${name}`,
            id: `city-${name}`,
            region: 'ap-northeast-1',
          },
        },
      ],
    });
    const scanned = await scanDocument(
      stateFile([
        volume('main', aws, '111111111111'),
        volume('audit', `${aws}.audit`, '222222222222'),
        bucket('audit', `${aws}.audit`),
        bucket('osaka', `${aws}.osaka`),
      ]),
      'terraform.tfstate',
    );
    expect(resourceOf(scanned, 'aws_s3_bucket.audit').account).toBe('222222222222');
    // Two accounts in the state, none shown by the osaka alias's resources: not guessed.
    expect(resourceOf(scanned, 'aws_s3_bucket.osaka').account).toBe('(unknown)');
  });

  it('leaves the region unknown when the resource does not name one, never a default', async () => {
    // AWS provider v6 gives every resource a `region`; a security group rule of v5 has neither it nor an ARN.
    const scanned = await scanDocument(
      stateFile([
        {
          mode: 'managed',
          type: 'aws_security_group_rule',
          name: 'ssh',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            {
              schema_version: 2,
              attributes: {
                cidr_blocks: ['0.0.0.0/0'],
                from_port: 22,
                id: 'sgrule-1234567890',
                protocol: 'tcp',
                security_group_id: 'sg-0123456789abcdef0',
                to_port: 22,
                type: 'ingress',
              },
              sensitive_attributes: [],
            },
          ],
        },
        ec2Volume([
          {
            schema_version: 0,
            attributes: {
              ...volumeAttributes,
              region: 'ap-northeast-3',
              availability_zone: 'ap-northeast-3a',
            },
          },
        ]),
      ]),
      'terraform.tfstate',
    );
    expect(resourceOf(scanned, 'aws_security_group_rule.ssh').region).toBe('');
    expect(resourceOf(scanned, 'aws_ebs_volume.data').region).toBe('ap-northeast-3');
  });
});

describe('instances of a raw state', () => {
  it('are the instances terraform show -json makes: address, module, key, provider, values, sensitive marks', () => {
    const raw = readStateFile(
      stateFile([
        {
          module: 'module.disks["a.b"]',
          ...ec2Volume(
            [
              {
                index_key: 'x"y',
                schema_version: 0,
                attributes: volumeAttributes,
                sensitive_attributes: [
                  [
                    { type: 'get_attr', value: 'tags' },
                    { type: 'index', value: { value: 'owner', type: 'string' } },
                  ],
                ],
              },
            ],
            { each: 'map' },
          ),
        },
      ]),
      'terraform.tfstate',
    ).instances;
    const shown = readInstances({
      format_version: '1.0',
      terraform_version: '1.9.8',
      values: {
        root_module: {
          child_modules: [
            {
              address: 'module.disks["a.b"]',
              resources: [
                {
                  address: 'module.disks["a.b"].aws_ebs_volume.data["x\\"y"]',
                  mode: 'managed',
                  type: 'aws_ebs_volume',
                  name: 'data',
                  index: 'x"y',
                  provider_name: 'registry.terraform.io/hashicorp/aws',
                  schema_version: 0,
                  values: volumeAttributes,
                  sensitive_values: { tags: { owner: true } },
                },
              ],
            },
          ],
        },
      },
    }).instances;
    const seen = (instances: typeof raw) =>
      instances.map(({ providerConfig, ...i }) => ({
        ...i,
        after: ['tags.owner', 'tags.system', 'tags', 'encrypted'].map((p) => i.after.read(p)),
      }));
    expect(seen(raw)).toEqual(seen(shown));
    // What the state file tells beyond show -json: the provider configuration.
    expect(raw[0]!.providerConfig).toBe('provider["registry.terraform.io/hashicorp/aws"]');
    expect(raw[0]!.after.read('tags.owner')).toEqual({ state: 'sensitive' });
    expect(raw[0]!.after.read('tags.system')).toEqual({ state: 'known', value: 'city' });
  });

  it('marks list elements by position, and a whole set when a path indexes one of its elements', () => {
    const [instance] = readStateFile(
      stateFile([
        ec2Volume([
          {
            schema_version: 0,
            attributes: { ...volumeAttributes, rules: [{ a: 'x', b: 'y' }], tokens: ['t1'] },
            sensitive_attributes: [
              [
                { type: 'get_attr', value: 'rules' },
                { type: 'index', value: { value: 0, type: 'number' } },
                { type: 'get_attr', value: 'b' },
              ],
              [
                { type: 'get_attr', value: 'tokens' },
                { type: 'index', value: { value: 't1', type: 'string' } },
              ],
            ],
          },
        ]),
      ]),
      'terraform.tfstate',
    ).instances;
    expect(instance!.after.read('rules.0.a')).toEqual({ state: 'known', value: 'x' });
    expect(instance!.after.read('rules.0.b')).toEqual({ state: 'sensitive' });
    // A set of strings is indexed by the element's value: the set is sensitive, all of it.
    expect(instance!.after.read('tokens.0')).toEqual({ state: 'sensitive' });
  });

  it('names the provider of every provider address form: aliases, modules, Terraform 0.12, OpenTofu', () => {
    const providers = [
      'provider["registry.terraform.io/hashicorp/aws"].osaka',
      'module.net.provider["registry.terraform.io/hashicorp/aws"]',
      'provider.aws',
      'module.net.provider.aws.osaka',
      'provider["registry.opentofu.org/hashicorp/aws"]',
    ];
    const { instances } = readStateFile(
      stateFile([
        ...providers.map((provider, i) =>
          ec2Volume([{ schema_version: 0, attributes: volumeAttributes }], { name: `v${i}`, provider }),
        ),
        // OpenTofu 1.9: a provider with for_each is named on each instance.
        ec2Volume(
          [
            {
              index_key: 'ap-northeast-3',
              provider: 'provider["registry.opentofu.org/hashicorp/aws"].by_region["ap-northeast-3"]',
              schema_version: 0,
              attributes: volumeAttributes,
            },
          ],
          { name: 'each', provider: undefined, each: 'map' },
        ),
      ]),
      'terraform.tfstate',
    );
    expect(instances.map((i) => [i.address, i.providerName])).toEqual([
      ['aws_ebs_volume.v0', 'registry.terraform.io/hashicorp/aws'],
      ['aws_ebs_volume.v1', 'registry.terraform.io/hashicorp/aws'],
      ['aws_ebs_volume.v2', 'aws'],
      ['aws_ebs_volume.v3', 'aws'],
      ['aws_ebs_volume.v4', 'registry.opentofu.org/hashicorp/aws'],
      ['aws_ebs_volume.each["ap-northeast-3"]', 'registry.opentofu.org/hashicorp/aws'],
    ]);
  });

  it('quotes string keys as Terraform does (HCL escapes, template introducers doubled)', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a for_each key holding HCL's template introducer
    const keys = ['a"b', 'c\\d', 'e\nf', '${g}', '%{h}', '$i', '日本'];
    const { instances } = readStateFile(
      stateFile([
        ec2Volume(
          keys.map((key) => ({ index_key: key, schema_version: 0, attributes: volumeAttributes })),
          { each: 'map' },
        ),
      ]),
      'terraform.tfstate',
    );
    expect(instances.map((i) => i.address)).toEqual([
      'aws_ebs_volume.data["a\\"b"]',
      'aws_ebs_volume.data["c\\\\d"]',
      'aws_ebs_volume.data["e\\nf"]',
      'aws_ebs_volume.data["$${g}"]',
      'aws_ebs_volume.data["%%{h}"]',
      'aws_ebs_volume.data["$i"]',
      'aws_ebs_volume.data["日本"]',
    ]);
  });

  it('skips what it cannot judge, saying why: unreadable sensitive paths, odd entries', () => {
    const { instances, skipped } = readStateFile(
      stateFile([
        ec2Volume([{ schema_version: 0, attributes: volumeAttributes, sensitive_attributes: 'password' }], {
          name: 'odd',
        }),
        ec2Volume('none', { name: 'broken' }),
        ec2Volume([], { name: 'future', mode: 'ephemeral' }),
      ]),
      'terraform.tfstate',
    );
    expect(instances).toEqual([]);
    expect(skipped).toEqual([
      {
        address: 'aws_ebs_volume.odd',
        reason:
          'sensitive_attributes is not a list of attribute paths: which values are secret cannot be told, so none is read',
      },
      { address: 'aws_ebs_volume.broken', reason: 'instances is not a list' },
      { address: 'aws_ebs_volume.future', reason: 'resource mode ephemeral is neither managed nor data' },
    ]);
  });
});

describe('state files kansa cannot read', () => {
  it("names the backend's settings, which .terraform/terraform.tfstate holds", async () => {
    // internal/command/workdir/backend_state.go: version 3, the backend's type, config and hash.
    const scanned = await scanDocument(
      {
        version: 3,
        terraform_version: '1.9.8',
        backend: {
          type: 's3',
          config: { bucket: 'city-tfstate', key: 'prod/terraform.tfstate' },
          hash: 1234567890,
        },
      },
      'terraform.tfstate',
    );
    expect(scanned.coverage.error).toMatch(
      /the backend settings terraform init keeps in \.terraform\/terraform\.tfstate, not a state: scan terraform state pull > terraform\.tfstate$/,
    );
    expect(localizeProblem(scanned.coverage.error!, 'ja')).toContain(
      'バックエンドの設定で、状態ファイルではありません',
    );
  });

  it('names a newer format', async () => {
    const scanned = await scanDocument(stateFile([], 5), 'terraform.tfstate');
    expect(scanned.coverage.error).toMatch(
      /a Terraform state of format version 5, terraform_version 1\.9\.8, newer than kansa reads \(version 4\): run terraform show -json > state\.json and scan state\.json$/,
    );
  });

  it('names an OpenTofu state encrypted at rest', async () => {
    // The shape OpenTofu writes (internal/encryption/state.go and base.go; the
    // init-encryption-with-state test data): serial and lineage beside the payload.
    const scanned = await scanDocument(
      {
        serial: 4,
        lineage: '0b6c1f2e-8a4d-4e3b-9f7a-2c5d8e1a4b60',
        meta: {
          'key_provider.pbkdf2.main': {
            salt: 'c2FsdA==',
            iterations: 600000,
            hash_function: 'sha512',
            key_length: 32,
          },
        },
        encrypted_data: 'bm90IHJlYWxseSBlbmNyeXB0ZWQ=',
        encryption_version: 'v0',
      },
      'terraform.tfstate',
    );
    expect(scanned.coverage.error).toMatch(
      /an OpenTofu state encrypted at rest \(encryption_version v0\): kansa cannot read it; run tofu show -json > state\.json where its key is configured, and scan state\.json$/,
    );
    expect(localizeProblem(scanned.coverage.error!, 'ja')).toContain(
      '保存時に暗号化された OpenTofu の状態ファイルです（encryption_version v0）。kansa は読めません。鍵を設定した環境で `tofu show -json > state.json` を実行し',
    );
    // An encrypted saved plan (tofu plan -out) has the envelope without serial and lineage.
    const plan = await scanDocument(
      { meta: {}, encrypted_data: 'cGxhbg==', encryption_version: 'v0' },
      'plan.out',
    );
    expect(plan.coverage.error).toMatch(
      /an OpenTofu saved plan encrypted at rest \(encryption_version v0\): kansa cannot read it; run tofu show -json <planfile> > plan\.json where its key is configured, and scan plan\.json$/,
    );
  });
});

describe('a directory of state files', () => {
  it('reads *.tfstate and the workspaces, and passes over a backup beside its state', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kansa-tfstate-'));
    copyFileSync(path.join(STATE, 'aws.tfstate'), path.join(dir, 'terraform.tfstate'));
    copyFileSync(path.join(STATE, 'aws.tfstate'), path.join(dir, 'terraform.tfstate.backup'));
    mkdirSync(path.join(dir, 'terraform.tfstate.d/staging'), { recursive: true });
    copyFileSync(
      path.join(STATE, 'aws.tfstate'),
      path.join(dir, 'terraform.tfstate.d/staging/terraform.tfstate'),
    );
    mkdirSync(path.join(dir, 'archive'));
    copyFileSync(path.join(STATE, 'gcp.tfstate'), path.join(dir, 'archive/gcp.tfstate.backup'));
    // The backend's settings, not a state: in the hidden .terraform directory.
    mkdirSync(path.join(dir, '.terraform'));
    writeFileSync(
      path.join(dir, '.terraform/terraform.tfstate'),
      '{"version": 3, "serial": 1, "backend": {}}',
    );
    writeFileSync(path.join(dir, 'main.tf'), 'terraform {}\n');

    const walk = await walkInputs([dir]);
    const relative = (file: string) => path.relative(dir, file);
    expect(walk.files.map(relative)).toEqual([
      'archive/gcp.tfstate.backup',
      'terraform.tfstate',
      'terraform.tfstate.d/staging/terraform.tfstate',
    ]);
    expect(walk.passedOver.map((p) => [relative(p.path), p.ignored])).toEqual([
      ['.terraform', 'not an export (hidden, README, LICENSE or tool directory)'],
      ['main.tf', 'not an export (hidden, README, LICENSE or tool directory)'],
      [
        'terraform.tfstate.backup',
        'the Terraform state before the last apply: terraform.tfstate beside it is the current state, which is read',
      ],
    ]);

    const ids: string[] = [];
    for (const file of walk.files) {
      const coverage = await readInputFile(file, (resource) => ids.push(resource.id));
      expect(coverage.format).toBe('terraform-state');
    }
    // The workspaces of one configuration share addresses: the workspace keeps them apart.
    expect(ids).toContain('aws_db_instance.main');
    expect(ids).toContain('staging:aws_db_instance.main');
    expect(ids).toContain('google_storage_bucket.site');
  });
});

describe('secrets in a raw state', () => {
  it('are never in the findings file nor on the terminal', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kansa-tfstate-secrets-'));
    let states = '';
    for (const cloud of ['aws', 'azure', 'gcp']) {
      mkdirSync(path.join(dir, cloud));
      copyFileSync(path.join(STATE, `${cloud}.tfstate`), path.join(dir, cloud, 'terraform.tfstate'));
      states += readFileSync(path.join(dir, cloud, 'terraform.tfstate'), 'utf8');
    }
    // A raw state holds them in clear.
    for (const secret of SECRETS) expect(states).toContain(secret);
    const findings = path.join(dir, 'findings.json');
    const written = await kansa('scan', '--input', dir, '--format', 'json', '--output', findings);
    const terminal = await kansa('scan', '--input', dir, '--lang', 'en');
    expect(terminal.stdout).toContain('aws_db_instance.main');
    const output = [
      readFileSync(findings, 'utf8'),
      written.stdout,
      written.stderr,
      terminal.stdout,
      terminal.stderr,
    ];
    for (const secret of SECRETS) for (const text of output) expect(text).not.toContain(secret);
  });

  it('would be printed without their marks (the guard above is what keeps them out)', async () => {
    const state = JSON.parse(readFileSync(path.join(STATE, 'aws.tfstate'), 'utf8'));
    for (const resource of state.resources)
      for (const instance of resource.instances) instance.sensitive_attributes = [];
    const unmarked = await scanDocument(state, 'terraform.tfstate');
    expect(resourceOf(unmarked, 'aws_db_instance.main').name).toBe('city-db-7d1f');
    expect(resourceOf(aws, 'aws_db_instance.main').name).toBe('main');
  });
});

describe("policy engines' inputs", () => {
  it('reads the plan inside {"plan": …, "run": …} as the plan itself', async () => {
    const plan = JSON.parse(readFileSync(path.join(FIXTURES, 'aws/plan.json'), 'utf8'));
    const wrapped = await scanDocument({
      plan,
      run: { id: 'run-CZcmD7eagjhyX0vN', is_destroy: false, organization: { name: 'osaka-city' } },
      workspace: { name: 'city-prod' },
    });
    const bare = await scanDocument(plan);
    expect(wrapped.coverage.format).toBe('terraform-json');
    const verdicts = (s: Scanned) => s.findings.map((f) => [f.checkId, f.resource.id, f.status, f.change]);
    expect(verdicts(wrapped)).toEqual(verdicts(bare));
    expect(verdicts(wrapped).length).toBeGreaterThan(20);
  });

  it('reads the plan inside Scalr’s {"tfplan": …, "tfrun": …} as the plan itself', async () => {
    // Scalr/sample-tf-opa-policies `aws/enforce_s3_private/enforce_s3_private_mock.json` (the
    // plan under `tfplan`, format 0.1, Terraform 0.13.4; `tfrun` beside it) and UmeshIghe/gcp-compute
    // `tfplan.json` (`{"tfplan": …}` alone, for `import input.tfplan as tfplan`).
    const plan = JSON.parse(readFileSync(path.join(FIXTURES, 'aws/plan.json'), 'utf8'));
    const verdicts = (s: Scanned) => s.findings.map((f) => [f.checkId, f.resource.id, f.status, f.change]);
    const bare = verdicts(await scanDocument(plan));
    const withRun = await scanDocument({
      tfplan: plan,
      tfrun: { workspace: { name: 'city-prod' }, is_destroy: false, source: 'cli' },
    });
    expect(withRun.coverage.format).toBe('terraform-json');
    expect(verdicts(withRun)).toEqual(bare);
    expect(verdicts(await scanDocument({ tfplan: plan }))).toEqual(bare);
  });

  it('refuses a Spacelift plan policy input, which cannot tell a value known after apply from an absent one', async () => {
    // The shape of Spacelift's "Plan policy" data input: the changes without after_unknown.
    const scanned = await scanDocument({
      spacelift: { run: { id: '01HXYZ', type: 'PROPOSED' }, stack: { name: 'city', autodeploy: false } },
      terraform: {
        resource_changes: [
          {
            address: 'aws_s3_bucket.site',
            type: 'aws_s3_bucket',
            name: 'site',
            provider_name: 'registry.terraform.io/hashicorp/aws',
            change: { actions: ['create'], before: null, after: { bucket: 'city-site' } },
          },
        ],
        terraform_version: '1.9.8',
      },
    });
    expect(scanned.coverage.error).toMatch(
      /a Spacelift plan policy input: .* add terraform show -json spacelift\.plan > plan\.json to an after_plan hook and scan plan\.json$/,
    );
    expect(scanned.resources).toEqual([]);
  });
});
