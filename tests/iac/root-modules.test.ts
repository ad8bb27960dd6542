import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/frameworks/load.ts';
import { evaluate } from '../../src/scan/evaluate.ts';
import { readInventory } from '../../src/scan/read-inventory.ts';
import { awsIngressRule, type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { NOW } from './helpers.ts';

/**
 * Plans and states of different root modules hold the same addresses (a Terragrunt tree's
 * `envs/prod` and `envs/dev`, a monorepo's per-environment plans): each is a resource of its
 * own, its id the address after the folder (or file) that tells it from the other.
 */

const PROVIDERS = { aws: { region: constant('ap-northeast-1') } };
const OPEN_PORTS = 'aws.ec2.security-group-open-ports';
const LOG_EXPORTS = 'aws.rds.instance-log-exports';

const group = (cidr: string): Change => ({
  address: 'aws_security_group.admin',
  after: {
    name: 'admin',
    description: 'Managed by Terraform',
    ingress: [awsIngressRule(22, cidr)],
    egress: [],
    revoke_rules_on_delete: false,
    tags: null,
  },
  afterUnknown: { arn: true, id: true, owner_id: true, vpc_id: true },
});

/** An Aurora cluster and its instance, which takes its log exports from the cluster it names. */
const aurora = (exports: string[] | null): Change[] => [
  {
    address: 'aws_rds_cluster.default',
    after: {
      cluster_identifier: 'aurora-demo',
      engine: 'aurora-postgresql',
      backup_retention_period: 7,
      storage_encrypted: true,
      enabled_cloudwatch_logs_exports: exports,
    },
    afterUnknown: { arn: true, id: true, kms_key_id: true },
    expressions: { cluster_identifier: constant('aurora-demo') },
  },
  {
    address: 'aws_rds_cluster_instance.db',
    after: {
      cluster_identifier: 'aurora-demo',
      engine: 'aurora-postgresql',
      instance_class: 'db.t3.medium',
      publicly_accessible: false,
    },
    afterUnknown: { arn: true, id: true, kms_key_id: true, storage_encrypted: true },
    expressions: {
      cluster_identifier: ref('aws_rds_cluster.default.cluster_identifier', 'aws_rds_cluster.default'),
    },
  },
];

/** Writes each file (path → document) under a new folder, and returns the folder. */
function tree(files: Record<string, Json>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kansa-roots-'));
  for (const [name, document] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), JSON.stringify(document));
  }
  return root;
}

/** The verdicts of a check by resource id, of a scan of the inputs. */
async function verdicts(inputs: string[], check: string): Promise<Record<string, string>> {
  const { inventory } = await readInventory({ inputs, live: [], concurrency: 1 }, pino({ level: 'silent' }));
  const found = [...evaluate(inventory, await loadFramework('osaka'), NOW)].filter(
    (f) => f.checkId === check,
  );
  return Object.fromEntries(found.map((f) => [f.resource.id, f.status]));
}

describe('root modules with the same addresses', () => {
  it('keeps the plans of two folders apart, each id named by its folder', async () => {
    const root = tree({
      'live/envs/prod/plan.json': plan([group('0.0.0.0/0'), ...aurora(['postgresql'])], {
        providers: PROVIDERS,
      }),
      'live/envs/dev/plan.json': plan([group('10.0.0.0/16'), ...aurora(null)], { providers: PROVIDERS }),
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({
      'prod:aws_security_group.admin': 'FAIL',
      'dev:aws_security_group.admin': 'PASS',
    });
    // The instance finds the cluster of its own root module, not the other's.
    expect(await verdicts([root], LOG_EXPORTS)).toEqual({
      'prod:aws_rds_cluster_instance.db': 'PASS',
      'dev:aws_rds_cluster_instance.db': 'FAIL',
    });
    // The same ids whichever folder above them the scan is given, and run after run.
    expect(await verdicts([path.join(root, 'live/envs')], OPEN_PORTS)).toEqual(
      await verdicts([path.join(root, 'live')], OPEN_PORTS),
    );
  });

  it('names each by as much of its path as tells them apart', async () => {
    const root = tree({
      'a/prod/plan.json': plan([group('0.0.0.0/0')], { providers: PROVIDERS }),
      'b/prod/plan.json': plan([group('10.0.0.0/16')], { providers: PROVIDERS }),
      'plans/staging.json': plan([group('192.168.0.0/16')], { providers: PROVIDERS }),
      'plans/qa.json': plan([group('0.0.0.0/0')], { providers: PROVIDERS }),
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({
      'a/prod:aws_security_group.admin': 'FAIL',
      'b/prod:aws_security_group.admin': 'PASS',
      // Two plans in one folder are two root modules.
      'qa.json:aws_security_group.admin': 'FAIL',
      'staging.json:aws_security_group.admin': 'PASS',
    });
  });

  it('reads a plan with the state beside it as one root module, and a lone plan by its address', async () => {
    const root = tree({
      'prod/plan.json': plan([group('0.0.0.0/0')], { providers: PROVIDERS }),
      'prod/state.json': shownState('0.0.0.0/0'),
      'dev/plan.json': plan([{ ...group('10.0.0.0/16'), address: 'aws_security_group.other' }], {
        providers: PROVIDERS,
      }),
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({
      'aws_security_group.admin': 'FAIL',
      'aws_security_group.other': 'PASS',
    });
  });

  it('keeps a guest invited in each root module the guest its own role assignment names', async () => {
    const subscription = (n: number) => `/subscriptions/6c1f8e2a-4b3d-4e5f-9a7b-1c2d3e4f5a6${n}`;
    const invitedOwner = (scope: string, userType: string): Change[] => [
      {
        address: 'azuread_invitation.auditor',
        after: {
          user_email_address: 'auditor@example.org',
          redirect_url: 'https://portal.azure.com',
          user_type: userType,
        },
        afterUnknown: { id: true, user_id: true, redeem_url: true },
      },
      {
        address: 'azurerm_role_assignment.auditor_owner',
        after: { scope, role_definition_name: 'Owner', principal_type: 'User', condition: null },
        afterUnknown: { id: true, principal_id: true, role_definition_id: true },
        expressions: {
          scope: constant(scope),
          role_definition_name: constant('Owner'),
          principal_id: ref('azuread_invitation.auditor.user_id', 'azuread_invitation.auditor'),
        },
      },
    ];
    const providers = { azurerm: { features: constant([{}]) }, azuread: {} };
    const root = tree({
      'prod/plan.json': plan(invitedOwner(subscription(1), 'Guest'), { providers }),
      'dev/plan.json': plan(invitedOwner(subscription(2), 'Member'), { providers }),
    });
    // The directory user an invitation adds is renamed with its root module, as the address the
    // role assignment names it by: each assignment finds its own module's user (a member Owner
    // is not failed; without a Defender assessment the check does not pass either).
    expect(await verdicts([root], 'azure.iam.guest-owner')).toEqual({
      [subscription(1)]: 'FAIL',
      [subscription(2)]: 'UNKNOWN',
    });
  });
});

describe('resources of root modules named otherwise than by their own address', () => {
  const sqlServer = (rule: { start: string; end: string }): Change[] => [
    {
      address: 'azurerm_mssql_server.main',
      after: {
        name: 'city-sql',
        location: 'japaneast',
        version: '12.0',
        minimum_tls_version: '1.2',
        public_network_access_enabled: true,
      },
      afterUnknown: { id: true },
    },
    {
      address: 'azurerm_mssql_firewall_rule.clients',
      after: { name: 'clients', start_ip_address: rule.start, end_ip_address: rule.end },
      afterUnknown: { id: true, server_id: true },
      expressions: { server_id: ref('azurerm_mssql_server.main.id', 'azurerm_mssql_server.main') },
    },
  ];
  const providers = { azurerm: { features: constant([{}]) } };

  it("renames a resource named after another's address with its root module (a server's firewall rule)", async () => {
    const root = tree({
      'prod/plan.json': plan(sqlServer({ start: '0.0.0.0', end: '255.255.255.255' }), { providers }),
      'dev/plan.json': plan(sqlServer({ start: '203.0.113.1', end: '203.0.113.10' }), { providers }),
    });
    const { inventory } = await readInventory(
      { inputs: [root], live: [], concurrency: 1 },
      pino({ level: 'silent' }),
    );
    const found = [...evaluate(inventory, await loadFramework('osaka'), NOW)].filter(
      (f) => f.checkId === 'azure.database.public-network-access',
    );
    // Each server judged with its own rule: prod's admits the whole internet, dev's an office.
    expect(Object.fromEntries(found.map((f) => [f.resource.id, [f.status, f.messageId]]))).toEqual({
      'prod:azurerm_mssql_server.main': ['FAIL', 'openToInternet'],
      'dev:azurerm_mssql_server.main': ['FAIL', expect.not.stringMatching(/^openToInternet$/)],
    });
  });

  it('keeps a resource named by its cloud id one resource, whichever root modules manage it', async () => {
    const member = (address: string, member: string): Change => ({
      address,
      after: { condition: [], member, project: 'city-shared-4a1e', role: 'roles/viewer' },
      afterUnknown: { etag: true, id: true },
    });
    const gcp = { google: { project: constant('city-shared-4a1e') } };
    const root = tree({
      // Two stacks grant on one project: the project is one, its grants those of both.
      'iam/plan.json': plan([member('google_project_iam_member.viewer', 'allUsers')], { providers: gcp }),
      'app/plan.json': plan([member('google_project_iam_member.viewer', 'group:ops@example.jp')], {
        providers: gcp,
      }),
    });
    expect(await verdicts([root], 'gcp.iam.external-principals')).toEqual({
      '//cloudresourcemanager.googleapis.com/projects/city-shared-4a1e': 'FAIL',
    });
  });
});

/** A state file (format version 4) of the security group, allowing SSH from `cidr`. */
const rawState = (lineage: string, serial: number, cidr: string, id = 'sg-0a1b2c3d4e5f60718'): Json => ({
  version: 4,
  terraform_version: '1.9.8',
  serial,
  lineage,
  outputs: {},
  resources: [
    {
      mode: 'managed',
      type: 'aws_security_group',
      name: 'admin',
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [
        {
          schema_version: 1,
          attributes: {
            ...(group(cidr).after as Record<string, Json>),
            id,
            arn: `arn:aws:ec2:ap-northeast-1:123456789012:security-group/${id}`,
            owner_id: '123456789012',
            vpc_id: 'vpc-0123456789abcdef0',
          },
          sensitive_attributes: [],
        },
      ],
    },
  ],
});

/** `terraform show -json` of that state. */
const shownState = (cidr: string, id = 'sg-0a1b2c3d4e5f60718'): Json => ({
  format_version: '1.0',
  terraform_version: '1.9.8',
  values: {
    root_module: {
      resources: [
        {
          address: 'aws_security_group.admin',
          mode: 'managed',
          type: 'aws_security_group',
          name: 'admin',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          schema_version: 1,
          values: {
            ...(group(cidr).after as Record<string, Json>),
            id,
            arn: `arn:aws:ec2:ap-northeast-1:123456789012:security-group/${id}`,
            owner_id: '123456789012',
            vpc_id: 'vpc-0123456789abcdef0',
          },
          sensitive_values: { ingress: [{ cidr_blocks: [false] }], egress: [], tags: {} },
        },
      ],
    },
  },
});

describe('copies of one root module in a folder', () => {
  const LINEAGE = '7f3c2a1e-5b4d-4c6e-8a9f-0b1c2d3e4f50';
  const RUN = '2026-11-30T05:41:27Z';

  it('reads a plan beside its redacted copy once, with its configuration', async () => {
    const full: Json = { ...plan([group('0.0.0.0/0')], { providers: PROVIDERS }), timestamp: RUN };
    // HCP Terraform's json-output-redacted: neither format_version nor configuration.
    const { format_version: _, configuration: __, ...redacted } = full;
    const root = tree({ 'prod/plan.json': full, 'prod/plan-redacted.json': redacted });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({ 'aws_security_group.admin': 'FAIL' });
  });

  it('reads a plan before Terraform 1.5 (no timestamp) once beside its redacted copy', async () => {
    const full = plan([group('0.0.0.0/0')], { providers: PROVIDERS, terraformVersion: '1.4.6' });
    // HCP Terraform's json-output-redacted of the same run: no configuration, the rest alike.
    const { format_version: _, configuration: __, ...redacted } = full;
    const root = tree({ 'prod/plan.json': full, 'prod/plan-redacted.json': redacted });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({ 'aws_security_group.admin': 'FAIL' });
  });

  it('reads a plan once beside a copy that leaves its sensitive values out', async () => {
    const [cluster, instance] = aurora(['postgresql']) as [Change, Change];
    const withPassword = (password?: string): Change => ({
      ...cluster,
      after: { ...(cluster.after as Record<string, Json>), ...(password && { master_password: password }) },
      afterSensitive: { master_password: true },
    });
    // One run (the same timestamp): HCP Terraform's redacted copy of the run's plan.
    const ofRun = (changes: Change[]): Json => ({
      ...plan(changes, { providers: PROVIDERS }),
      timestamp: RUN,
    });
    const root = tree({
      'db/plan.json': ofRun([withPassword('hunter2'), instance]),
      'db/plan-2.json': ofRun([withPassword(), instance]),
    });
    expect(await verdicts([root], LOG_EXPORTS)).toEqual({ 'aws_rds_cluster_instance.db': 'PASS' });
  });

  it('keeps plans of one module with the same values apart when other runs made them (dev and prod)', async () => {
    const at = (timestamp?: string, version?: string) => ({
      ...(plan([group('0.0.0.0/0')], {
        providers: PROVIDERS,
        ...(version && { terraformVersion: version }),
      }) as object),
      ...(timestamp && { timestamp }),
    });
    const root = tree({
      'envs/dev.json': at(RUN),
      'envs/prod.json': at('2026-11-30T05:43:02Z'),
      // Before Terraform 1.5 a plan has no timestamp: only the same document is a copy.
      'old/dev.json': at(undefined, '1.3.9'),
      'old/prod.json': at(undefined, '1.4.6'),
      'old/prod-copy.json': at(undefined, '1.4.6'),
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({
      'envs/dev.json:aws_security_group.admin': 'FAIL',
      'prod.json:aws_security_group.admin': 'FAIL',
      'old/dev.json:aws_security_group.admin': 'FAIL',
      // old/prod.json, the same document, is read once (the first by name is kept).
      'prod-copy.json:aws_security_group.admin': 'FAIL',
    });
  });

  it('judges a resource the plan and the state beside it both hold as the plan leaves it', async () => {
    const state = shownState('10.0.0.0/16') as { values: { root_module: { resources: { values: Json }[] } } };
    const before = state.values.root_module.resources[0]!.values as Record<string, Json>;
    const { ingress: _, ...known } = before;
    // The plan rewrites the group's rules from a value known only after apply.
    const update: Change = {
      ...group('10.0.0.0/16'),
      actions: ['update'],
      before,
      after: known,
      afterUnknown: { ingress: true },
    };
    const root = tree({
      'prod/plan.json': plan([update], { providers: PROVIDERS }),
      'prod/state.json': state as unknown as Json,
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({ 'aws_security_group.admin': 'UNKNOWN' });
  });

  it('does not judge a resource of the state beside a plan that deletes it', async () => {
    const state = shownState('0.0.0.0/0') as { values: { root_module: { resources: { values: Json }[] } } };
    const deletion: Change = {
      ...group('0.0.0.0/0'),
      actions: ['delete'],
      before: state.values.root_module.resources[0]!.values,
      after: null,
    };
    const keep = { ...group('10.0.0.0/16'), address: 'aws_security_group.kept' };
    const root = tree({
      'prod/plan.json': plan([deletion, keep], { providers: PROVIDERS }),
      'prod/state.json': state as unknown as Json,
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({ 'aws_security_group.kept': 'PASS' });
  });

  it('says in the coverage which file was left out as a copy, and which state a plan stands for', async () => {
    const root = tree({
      'prod/plan.json': plan([group('0.0.0.0/0')], { providers: PROVIDERS }),
      'prod/terraform.tfstate': rawState(LINEAGE, 7, '0.0.0.0/0'),
      'prod/terraform-old.tfstate': rawState(LINEAGE, 6, '0.0.0.0/0'),
    });
    const { files } = await readInventory(
      { inputs: [root], live: [], concurrency: 1 },
      pino({ level: 'silent' }),
    );
    const notes = Object.fromEntries(
      files.map((file) => [path.basename(file.path), (file.notes ?? []).map(({ note }) => note)]),
    );
    expect(notes['terraform-old.tfstate']).toEqual([
      expect.stringMatching(/^a copy of the Terraform plan or state .*prod[\\/]terraform\.tfstate /),
    ]);
    expect(notes['terraform.tfstate']).toEqual([
      expect.stringMatching(
        /^1 resource\(s\) of this Terraform state are in the plan beside it, .*plan\.json:/,
      ),
    ]);
  });

  it('reads states of one lineage once: the higher serial is the newer', async () => {
    const root = tree({
      'prod/terraform.tfstate': rawState(LINEAGE, 7, '10.0.0.0/16'),
      'prod/terraform-2026-11-30.tfstate': rawState(LINEAGE, 5, '0.0.0.0/0'),
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({ 'aws_security_group.admin': 'PASS' });
  });

  it('reads the newest state file of one lineage, whatever the names, beside a show -json', async () => {
    const root = tree({
      'prod/a-copy.tfstate': rawState(LINEAGE, 5, '0.0.0.0/0'),
      'prod/state.json': shownState('10.0.0.0/16'),
      'prod/terraform.tfstate': rawState(LINEAGE, 7, '10.0.0.0/16'),
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({ 'aws_security_group.admin': 'PASS' });
  });

  it('reads a state beside its terraform show -json once', async () => {
    const root = tree({
      'prod/terraform.tfstate': rawState(LINEAGE, 7, '0.0.0.0/0'),
      'prod/state.json': shownState('0.0.0.0/0'),
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({ 'aws_security_group.admin': 'FAIL' });
  });

  it('keeps states of different lineages, or of other objects, apart', async () => {
    const root = tree({
      'states/prod.tfstate': rawState(LINEAGE, 7, '0.0.0.0/0'),
      'states/dev.tfstate': rawState('0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d', 7, '0.0.0.0/0'),
      'shown/prod.json': shownState('0.0.0.0/0'),
      'shown/dev.json': shownState('10.0.0.0/16', 'sg-0f9e8d7c6b5a40312'),
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({
      'prod.tfstate:aws_security_group.admin': 'FAIL',
      'dev.tfstate:aws_security_group.admin': 'FAIL',
      'prod.json:aws_security_group.admin': 'FAIL',
      'dev.json:aws_security_group.admin': 'PASS',
    });
  });

  it('keeps states of one lineage that share no address apart (written from one template)', async () => {
    const ops = rawState(LINEAGE, 3, '0.0.0.0/0', 'sg-0c1d2e3f4a5b60789') as {
      resources: { name: string }[];
    };
    ops.resources[0]!.name = 'ops';
    const root = tree({
      'states/admin.tfstate': rawState(LINEAGE, 7, '10.0.0.0/16'),
      'states/ops.tfstate': ops as unknown as Json,
    });
    expect(await verdicts([root], OPEN_PORTS)).toEqual({
      'aws_security_group.admin': 'PASS',
      'aws_security_group.ops': 'FAIL',
    });
  });
});

describe('a resource Terraform names by its cloud id, in a plan and the state beside it', () => {
  // A Defender plan's id is ARM's (`/subscriptions/<id>/providers/microsoft.security/pricings/<plan>`),
  // not its address: the plan's stands for the state's all the same, whichever file is read first.
  const subscription = '6f8a0c2e-4a6b-4c8d-9e0f-5a7b9c1d3e5f';
  const id = `/subscriptions/${subscription}/providers/Microsoft.Security/pricings/VirtualMachines`;
  const standard = {
    extension: [],
    id,
    resource_type: 'VirtualMachines',
    subplan: 'P2',
    tier: 'Standard',
    timeouts: null,
  };
  const state = {
    version: 4,
    terraform_version: '1.10.2',
    serial: 5,
    lineage: '2d4f6a8c-0e2a-4c4e-8a6c-8e0a2c4e6a8c',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'azurerm_security_center_subscription_pricing',
        name: 'servers',
        provider: 'provider["registry.terraform.io/hashicorp/azurerm"]',
        instances: [
          { schema_version: 1, attributes: standard, sensitive_attributes: [], private: 'bnVsbA==' },
        ],
      },
    ],
    check_results: null,
  };
  const update = plan(
    [
      {
        address: 'azurerm_security_center_subscription_pricing.servers',
        actions: ['update'],
        before: standard,
        after: { ...standard, tier: 'Free', subplan: null },
        expressions: { tier: constant('Free'), resource_type: constant('VirtualMachines') },
      },
    ],
    { providers: { azurerm: { features: constant([{}]), subscription_id: constant(subscription) } } },
  );

  it('judges it as the plan leaves it', async () => {
    for (const [planName, stateName] of [
      ['plan.json', 'terraform.tfstate'],
      ['z-plan.json', 'a.tfstate'],
    ] as const) {
      const root = tree({ [`prod/${planName}`]: update, [`prod/${stateName}`]: state as unknown as Json });
      const found = await verdicts([root], 'azure.security.defender-plans');
      expect(found, planName).toEqual({ [id.toLowerCase()]: 'FAIL' });
    }
  });
});
