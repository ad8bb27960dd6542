import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizeProblem } from '../../src/report/problem-text.ts';
import { providerType } from '../../src/sources/terraform/address.ts';
import { TerraformConfiguration } from '../../src/sources/terraform/configuration.ts';
import type { TfInstance } from '../../src/sources/terraform/document.ts';
import { awsIngressRule, type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument, scanFile } from './helpers.ts';

/**
 * The keys of the JSON output format that Terraform's and OpenTofu's own golden outputs show
 * (SOURCES.md, "Terraform's and OpenTofu's golden outputs"): drift beside the changes, moves,
 * imports, replacements that forget the old object, deferred changes, errored and incomplete
 * plans, refresh-only plans, ephemeral resources, every provider name form, and what the two
 * tools write besides `show -json`. Each document is kansa's own, written to those shapes.
 */

const PROVIDERS = { aws: { region: constant('ap-northeast-1') } };

const ingress = awsIngressRule;

const group = (name: string, rules: Json[]): Json => ({
  name,
  description: 'Managed by Terraform',
  ingress: rules,
  egress: [],
  revoke_rules_on_delete: false,
  tags: null,
  id: `sg-0${name.length}a1b2c3d4e5f6a7b`,
  arn: `arn:aws:ec2:ap-northeast-1:210987654321:security-group/sg-0${name.length}a1b2c3d4e5f6a7b`,
  owner_id: '210987654321',
  vpc_id: 'vpc-0f1e2d3c4b5a69788',
});

const OPEN_PORTS = 'aws.ec2.security-group-open-ports';

/** A new group open to SSH from anywhere. */
const OPEN_GROUP: Change = {
  address: 'aws_security_group.admin',
  after: group('admin', [ingress(22, '0.0.0.0/0')]),
};

describe('drift and moves (show-json/drift, moved-drift)', () => {
  // hashicorp/terraform internal/command/testdata/show-json/drift and moved-drift (format 1.0):
  // `resource_drift` holds what changed outside Terraform, with `before` as the state had it and
  // `after` as refreshed; the same address is in `resource_changes`, whose `before` is the
  // refreshed object. A moved resource carries `previous_address` in both lists.
  const drifted = (previousAddress?: string): Json => {
    const document = plan(
      [
        {
          address: 'aws_security_group.web',
          actions: ['update'],
          before: group('web', [ingress(443, '0.0.0.0/0'), ingress(22, '0.0.0.0/0')]),
          after: group('web', [ingress(443, '0.0.0.0/0')]),
        },
      ],
      { formatVersion: '1.0', providers: PROVIDERS },
    );
    const [change] = document.resource_changes as Json[];
    const moved = previousAddress ? { previous_address: previousAddress } : {};
    Object.assign(change!, moved);
    document.resource_drift = [
      {
        ...change,
        ...moved,
        change: {
          actions: ['update'],
          // Someone opened SSH outside Terraform; the plan takes it away again.
          before: group('web', [ingress(443, '0.0.0.0/0')]),
          after: group('web', [ingress(443, '0.0.0.0/0'), ingress(22, '0.0.0.0/0')]),
          after_unknown: {},
          before_sensitive: {},
          after_sensitive: {},
        },
      },
    ];
    return { ...document, applyable: true, complete: true };
  };

  it('judges the resource once, as the plan leaves it, not as it drifted', async () => {
    const scanned = await scanDocument(drifted());
    expect(scanned.resources.map((r) => r.id)).toEqual(['aws_security_group.web']);
    const finding = findingOf(scanned, OPEN_PORTS, 'aws_security_group.web');
    expect(finding.status).toBe('PASS');
    expect(scanned.findings.filter((f) => f.checkId === OPEN_PORTS)).toHaveLength(1);
  });

  it('judges a moved resource at its new address only', async () => {
    const scanned = await scanDocument(drifted('aws_security_group.frontend'));
    expect(scanned.resources.map((r) => r.id)).toEqual(['aws_security_group.web']);
    expect(resourceOf(scanned, 'aws_security_group.web').origin.iac?.action).toBe('update');
    expect(scanned.coverage.skipped).toEqual([]);
  });
});

describe('imports (importing, generated_config)', () => {
  // The JSON output format's `importing` and `generated_config` (Terraform 1.5 on): an import
  // block adopts an object that exists, planned `no-op` (or `update`) with `importing: { id }`.
  it('reads an imported bucket as one that exists: the defaults of a new bucket are not assumed', async () => {
    const bucket = { bucket: 'records-archive', force_destroy: false, id: 'records-archive', tags: {} };
    const document = plan(
      [{ address: 'aws_s3_bucket.archive', actions: ['no-op'], before: bucket, after: bucket }],
      { providers: PROVIDERS },
    );
    const [change] = document.resource_changes as Json[];
    Object.assign(change!.change as Json, {
      importing: { id: 'records-archive' },
      generated_config: 'resource "aws_s3_bucket" "archive" {\n  bucket = "records-archive"\n}',
    });
    const scanned = await scanDocument(document);
    expect(resourceOf(scanned, 'aws_s3_bucket.archive').origin.iac?.action).toBe('no-op');
    // A new bucket would get S3's four blocks; an adopted one may have had them turned off.
    expect(findingOf(scanned, 'aws.s3.bucket-public-access', 'aws_s3_bucket.archive').status).toBe('UNKNOWN');
  });
});

describe('actions (Terraform 1.14) and HCP Terraform’s redacted plans', () => {
  it('reads the resources of a plan that invokes actions, and not the actions', async () => {
    // show-json-actions/output.json (`configuration.root_module.actions`) and jsonplan's
    // `action_invocations` (`address`, `type`, `config_values`, `lifecycle_action_trigger`).
    const document = plan([OPEN_GROUP], { providers: PROVIDERS, terraformVersion: '1.14.0' });
    document.action_invocations = [
      {
        address: 'action.aws_lambda_invoke.notify',
        type: 'aws_lambda_invoke',
        name: 'notify',
        config_values: { function_name: 'notify-admins', payload: '{}' },
        config_sensitive: {},
        config_unknown: {},
        provider_name: 'registry.terraform.io/hashicorp/aws',
        lifecycle_action_trigger: {
          triggering_resource_address: 'aws_security_group.admin',
          action_trigger_event: 'after_create',
          action_trigger_block_index: 0,
          actions_list_index: 0,
          on_failure: 'fail',
        },
      },
    ];
    const configuration = document.configuration as { root_module: Json };
    configuration.root_module.actions = [
      {
        address: 'action.aws_lambda_invoke.notify',
        type: 'aws_lambda_invoke',
        name: 'notify',
        provider_config_key: 'aws',
      },
    ];
    const scanned = await scanDocument(document);
    expect(scanned.resources.map((r) => r.id)).toEqual(['aws_security_group.admin']);
    expect(scanned.coverage.skipped).toEqual([]);
    expect(findingOf(scanned, OPEN_PORTS, 'aws_security_group.admin').status).toBe('FAIL');
  });

  it('reads a redacted plan of HCP Terraform, which has no format_version nor configuration', async () => {
    // internal/cloud/testdata/*/plan-redacted.json (`plans/<id>/json-output-redacted`):
    // `plan_format_version`, `resource_changes`, `provider_schemas`, no `configuration`.
    const { resource_changes } = plan([OPEN_GROUP], { providers: PROVIDERS });
    const scanned = await scanDocument({
      plan_format_version: '1.1',
      resource_drift: [],
      resource_changes,
      relevant_attributes: [],
      output_changes: {},
      provider_schemas: { 'registry.terraform.io/hashicorp/aws': { provider: { version: 0, block: {} } } },
      provider_format_version: '1.0',
    });
    expect(scanned.coverage.format).toBe('terraform-json');
    expect(findingOf(scanned, OPEN_PORTS, 'aws_security_group.admin').status).toBe('FAIL');
    // The group's own ARN places it; the provider's region is not in a redacted plan.
    expect(resourceOf(scanned, 'aws_security_group.admin').region).toBe('ap-northeast-1');
  });
});

describe('replacements that forget the old object', () => {
  // hashicorp/terraform internal/command/jsonplan/plan.go writes CreateThenForget as
  // `["create", "forget"]` (`lifecycle { destroy = false }` on a replaced resource, Terraform
  // 1.14); opentofu/opentofu's writes ForgetThenCreate as `["forget", "create"]`.
  it.each([[['create', 'forget']], [['forget', 'create']]])(
    'judges the new object of %j as a replacement the plan brings in',
    async (actions) => {
      const scanned = await scanDocument(
        plan(
          [
            {
              address: 'aws_security_group.web',
              actions,
              before: group('web', [ingress(443, '0.0.0.0/0')]),
              after: group('web', [ingress(3389, '0.0.0.0/0')]),
            },
          ],
          { providers: PROVIDERS },
        ),
      );
      expect(scanned.coverage.skipped).toEqual([]);
      expect(resourceOf(scanned, 'aws_security_group.web').origin.iac?.action).toBe('replace');
      const finding = findingOf(scanned, OPEN_PORTS, 'aws_security_group.web');
      expect(finding.status).toBe('FAIL');
      expect(finding.change).toBe('introduced');
    },
  );
});

describe('errored, incomplete and refresh-only plans', () => {
  it('marks an errored plan partial, judging what it planned before the error (show-json/plan-error)', async () => {
    // show-json/plan-error (format 1.2): `errored: true`, `applyable` and `complete` false, an
    // empty `planned_values.root_module`, `prior_state: {}`, the configuration whole.
    const empty = {
      ...plan([], { providers: PROVIDERS }),
      planned_values: { root_module: {} },
      prior_state: {},
      applyable: false,
      complete: false,
      errored: true,
    };
    delete (empty as Json).resource_changes;
    const nothing = await scanDocument(empty);
    expect(nothing.resources).toEqual([]);
    expect(nothing.coverage.format).toBe('terraform-json');
    expect(nothing.coverage.error).toMatch(/an errored plan \(errored: true\): Terraform stopped planning/);

    const someChanges = await scanDocument({
      ...plan([OPEN_GROUP], { providers: PROVIDERS }),
      applyable: false,
      complete: false,
      errored: true,
    });
    expect(findingOf(someChanges, OPEN_PORTS, 'aws_security_group.admin').status).toBe('FAIL');
    expect(someChanges.coverage.error).toMatch(/errored plan/);
    expect(localizeProblem(someChanges.coverage.error!, 'ja')).toContain('エラーで止まった計画です');
  });

  it('lists the changes deferred to a later plan, and notes that the plan is incomplete', async () => {
    // jsonplan's `deferred_changes` (Terraform 1.8 on, deferral allowed): `{ reason,
    // resource_change }`, the instance key `[*]` with `index_unknown` when the count is unknown.
    const scanned = await scanDocument({
      ...plan([OPEN_GROUP], { providers: PROVIDERS }),
      applyable: true,
      complete: false,
      errored: false,
      deferred_changes: [
        {
          reason: 'instance_count_unknown',
          resource_change: {
            address: 'aws_security_group.per_team[*]',
            mode: 'managed',
            type: 'aws_security_group',
            name: 'per_team',
            index_unknown: true,
            provider_name: 'registry.terraform.io/hashicorp/aws',
            change: { actions: ['create'], before: null, after: null, after_unknown: {} },
          },
        },
      ],
    });
    expect(scanned.resources.map((r) => r.id)).toEqual(['aws_security_group.admin']);
    expect(scanned.coverage.skipped.map((s) => s.reason)).toEqual([
      'aws_security_group.per_team[*]: change deferred to a later plan (instance_count_unknown): not judged until a plan makes it',
    ]);
    expect(scanned.coverage.notes?.map((n) => n.note)).toEqual([
      'an incomplete plan (complete: false, made with -target or with changes deferred to a later plan): the resources it leaves out of its changes are judged as its prior state holds them (the plan leaves them as they are); those not in its prior state either are not judged',
    ]);
    expect(scanned.coverage.error).toBeUndefined();
  });

  it('judges the refreshed prior state of a refresh-only plan, which has no resource changes', async () => {
    // context_plan.go's refreshOnlyPlan proposes no change: `resource_changes` is left out,
    // `planned_values` is empty, `resource_drift` lists what changed and `prior_state` is the
    // objects as refreshed.
    const refreshed = group('admin', [ingress(22, '0.0.0.0/0')]);
    const identity = {
      address: 'aws_security_group.admin',
      mode: 'managed',
      type: 'aws_security_group',
      name: 'admin',
      provider_name: 'registry.terraform.io/hashicorp/aws',
    };
    const { configuration } = plan([OPEN_GROUP], { providers: PROVIDERS });
    const scanned = await scanDocument({
      format_version: '1.2',
      terraform_version: '1.9.8',
      planned_values: { root_module: {} },
      resource_drift: [
        {
          ...identity,
          change: {
            actions: ['update'],
            before: group('admin', []),
            after: refreshed,
            after_unknown: {},
            before_sensitive: {},
            after_sensitive: {},
          },
        },
      ],
      prior_state: {
        format_version: '1.0',
        terraform_version: '1.9.8',
        values: {
          root_module: {
            resources: [{ ...identity, schema_version: 1, values: refreshed, sensitive_values: {} }],
          },
        },
      },
      configuration,
      applyable: true,
      complete: true,
      errored: false,
    });
    expect(resourceOf(scanned, 'aws_security_group.admin').origin.iac?.action).toBe('state');
    expect(findingOf(scanned, OPEN_PORTS, 'aws_security_group.admin').status).toBe('FAIL');
    expect(scanned.coverage.notes?.map((n) => n.note)).toEqual([
      'a plan without resource changes (terraform plan -refresh-only): the prior state it refreshed is judged, as a state',
    ]);
  });

  it('reads the empty state Terraform writes when there is no state file (show-json-state/empty)', async () => {
    const scanned = await scanDocument({ format_version: '1.0' });
    expect(scanned.coverage.format).toBe('terraform-json');
    expect(scanned.coverage.error).toBeUndefined();
    expect(scanned.resources).toEqual([]);
  });
});

describe('deposed objects in a state (jsonstate)', () => {
  // internal/command/jsonstate/state.go lists a deposed object as a resource of its own, with
  // the address of the current object and `deposed_key`.
  it('judges the current object, and lists the deposed one as skipped', async () => {
    const entry = (values: Json, deposedKey?: string): Json => ({
      address: 'aws_security_group.admin',
      mode: 'managed',
      type: 'aws_security_group',
      name: 'admin',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      schema_version: 1,
      values,
      sensitive_values: {},
      ...(deposedKey && { deposed_key: deposedKey }),
    });
    const scanned = await scanDocument({
      format_version: '1.0',
      terraform_version: '1.9.8',
      values: {
        root_module: {
          resources: [
            entry(group('admin', [ingress(22, '10.0.0.0/8')])),
            entry(group('admin', [ingress(22, '0.0.0.0/0')]), '5f3c9e21'),
          ],
        },
      },
    });
    expect(scanned.resources.map((r) => r.id)).toEqual(['aws_security_group.admin']);
    expect(findingOf(scanned, OPEN_PORTS, 'aws_security_group.admin').status).toBe('PASS');
    expect(scanned.coverage.skipped.map((s) => s.reason)).toEqual([
      "aws_security_group.admin: deposed object 5f3c9e21 (replaced before it is destroyed): the address's current object is judged",
    ]);
  });
});

describe('ephemeral resources (OpenTofu)', () => {
  // opentofu/opentofu internal/command/jsonplan/plan.go writes `mode: "ephemeral"` entries among
  // the changes with `before` and `after` emptied, and jsonconfig lists the ephemeral blocks among
  // the configuration's resources. Their type names are those of managed resources.
  it('never judges an ephemeral resource, whatever its actions', async () => {
    const document = plan([OPEN_GROUP], { providers: PROVIDERS, terraformVersion: '1.10.0' });
    (document.resource_changes as Json[]).push({
      address: 'ephemeral.aws_security_group.probe',
      mode: 'ephemeral',
      type: 'aws_security_group',
      name: 'probe',
      provider_name: 'registry.opentofu.org/hashicorp/aws',
      change: { actions: ['create'], before: null, after: null, after_unknown: {} },
    });
    const scanned = await scanDocument(document);
    expect(scanned.resources.map((r) => r.id)).toEqual(['aws_security_group.admin']);
    expect(scanned.coverage.skipped.map((s) => s.reason)).toEqual([
      'ephemeral.aws_security_group.probe: ephemeral resource: opened for the run, never deployed nor kept in the state',
    ]);
  });

  it('names no resource through a reference to an ephemeral resource', () => {
    const config = new TerraformConfiguration({
      root_module: {
        resources: [
          {
            address: 'aws_db_instance.main',
            mode: 'managed',
            type: 'aws_db_instance',
            name: 'main',
            expressions: {
              password_wo: ref(
                'ephemeral.aws_secretsmanager_secret_version.db.secret_string',
                'ephemeral.aws_secretsmanager_secret_version.db',
              ),
            },
          },
          {
            address: 'ephemeral.aws_secretsmanager_secret_version.db',
            mode: 'ephemeral',
            type: 'aws_secretsmanager_secret_version',
            name: 'db',
          },
        ],
      },
    });
    const instance = { moduleAddress: '', type: 'aws_db_instance', name: 'main' } as TfInstance;
    expect(config.referencesOf(instance, 'password_wo')).toEqual([]);
  });
});

describe('provider names', () => {
  // Every `provider_name` form: Terraform 1.x on the public registry, OpenTofu's registry, a
  // private registry (HCP Terraform's `app.terraform.io/<org>/aws`), a filesystem mirror,
  // Terraform 0.13's legacy `-/aws` (states upgraded from 0.12), 0.12's local name with its
  // alias (jsonplan of v0.12.31: `ProviderConfig.StringCompact()`), and state files' provider
  // configuration addresses.
  it.each([
    ['registry.terraform.io/hashicorp/aws', 'aws'],
    ['registry.opentofu.org/hashicorp/aws', 'aws'],
    ['app.terraform.io/kikan-platform/aws', 'aws'],
    ['terraform.local/kikan/aws', 'aws'],
    ['registry.terraform.io/-/aws', 'aws'],
    ['aws', 'aws'],
    ['aws.osaka', 'aws'],
    ['provider.aws', 'aws'],
    ['module.net.provider.aws.osaka', 'aws'],
    ['provider["registry.terraform.io/hashicorp/aws"].osaka', 'aws'],
    ['registry.opentofu.org/hashicorp/google-beta', 'google-beta'],
    ['registry.terraform.io/hashicorp/azurerm', 'azurerm'],
  ])('%s is the %s provider', (name, type) => {
    expect(providerType(name)).toBe(type);
  });

  it.each([
    'registry.opentofu.org/hashicorp/aws',
    'app.terraform.io/kikan-platform/aws',
    'registry.terraform.io/-/aws',
    'aws.tokyo',
  ])('takes the account of resources whose provider is named %s', async (providerName) => {
    // The bucket's aliased provider block names no account; the role of another block of the
    // same provider shows the one account the plan uses.
    const document = plan(
      [
        { address: 'aws_s3_bucket.logs', after: { bucket: 'kikan-logs', force_destroy: false } },
        {
          address: 'aws_iam_role.deploy',
          actions: ['no-op'],
          before: { name: 'deploy', arn: 'arn:aws:iam::123456789012:role/deploy' },
          after: { name: 'deploy', arn: 'arn:aws:iam::123456789012:role/deploy' },
        },
      ],
      {
        providers: {
          aws: { region: constant('ap-northeast-1') },
          'aws.osaka': { region: constant('ap-northeast-3') },
        },
      },
    );
    for (const change of document.resource_changes as Json[]) change.provider_name = providerName;
    const [bucket] = (document.configuration as { root_module: { resources: Json[] } }).root_module.resources;
    bucket!.provider_config_key = 'aws.osaka';
    const scanned = await scanDocument(document);
    const logs = resourceOf(scanned, 'aws_s3_bucket.logs');
    expect(logs.account).toBe('123456789012');
    expect(logs.region).toBe('ap-northeast-3');
  });
});

// The state file itself and OpenTofu's encrypted files: state-file.test.ts.
describe('what Terraform writes besides show -json and the state file', () => {
  it.each([
    // internal/command/testdata/validate-valid/output.json (format 1.0).
    [
      { format_version: '1.0', valid: true, error_count: 0, warning_count: 0, diagnostics: [] },
      /the output of terraform validate -json: /,
    ],
    // internal/command/testdata/providers-schema/basic/output.json (format 1.0).
    [
      {
        format_version: '1.0',
        provider_schemas: { 'registry.terraform.io/hashicorp/aws': { provider: { version: 0, block: {} } } },
      },
      /the output of terraform providers schema -json: /,
    ],
  ])('refuses other -json outputs that share format_version with the plan: %#', async (document, error) => {
    const scanned = await scanDocument(document);
    expect(scanned.coverage.error).toMatch(error);
    expect(localizeProblem(scanned.coverage.error!, 'ja')).toContain('の出力です');
  });

  it('reads several plans one a line, as terragrunt run-all show -json prints them, each apart', async () => {
    // gruntwork-io/terragrunt#1525 and borchero/terraform-plan-comment#57: one compact
    // `show -json` document a line, a module each, their addresses repeating.
    const module = (bucketCount: number) =>
      plan(
        Array.from({ length: bucketCount }, (_, i) => ({
          address: `aws_s3_bucket.this_${i}`,
          after: { bucket: `kikan-${bucketCount}-${i}-${'x'.repeat(40)}`, force_destroy: false },
        })),
        { providers: PROVIDERS },
      );
    const dir = mkdtempSync(path.join(tmpdir(), 'kansa-iac-'));
    const file = path.join(dir, 'short.json');
    writeFileSync(file, `${JSON.stringify(module(1))}\n${JSON.stringify(module(2))}\n`);
    const scanned = await scanFile(file);
    expect(scanned.coverage.error).toBeUndefined();
    expect(scanned.coverage.format).toBe('terraform-json');
    expect(
      scanned.resources.filter((r) => r.kansaType === 'storage.bucket').map((r) => [r.id, r.origin.line]),
    ).toEqual([
      ['line1:aws_s3_bucket.this_0', 1],
      ['line2:aws_s3_bucket.this_0', 2],
      ['line2:aws_s3_bucket.this_1', 2],
    ]);
    expect(scanned.coverage.notes?.[0]).toMatchObject({
      line: 1,
      note: expect.stringMatching(/each line is read as a plan of its own/),
    });
    expect(localizeProblem(scanned.coverage.notes![0]!.note, 'ja')).toContain('1 行に 1 つずつ');

    // A first line longer than what is read to tell NDJSON from a document (64 KiB), a line that
    // is no plan, a malformed one.
    const long = path.join(dir, 'long.json');
    writeFileSync(
      long,
      `${JSON.stringify(module(400))}\n${JSON.stringify({ format_version: '1.0', valid: true, error_count: 0 })}\n{"format_version":\n${JSON.stringify(module(1))}\n`,
    );
    const mixed = await scanFile(long);
    expect(mixed.resources.filter((r) => r.kansaType === 'storage.bucket')).toHaveLength(401);
    expect(mixed.coverage.skipped).toContainEqual({
      line: 2,
      reason: expect.stringMatching(
        /^not a Terraform plan or state \(terraform show -json\), in a file of one a line/,
      ),
    });
    expect(mixed.coverage.error).toMatch(/long\.json:3:\d+: .*\(line skipped\)$/);

    // An errored plan on a line: the file is marked at that line.
    const errored = path.join(dir, 'errored.json');
    writeFileSync(
      errored,
      `${JSON.stringify({ ...module(1), errored: true })}\n${JSON.stringify(module(1))}\n`,
    );
    expect((await scanFile(errored)).coverage.error).toMatch(/errored\.json:1: an errored plan/);

    // One plan followed by a newline is one plan.
    const single = path.join(dir, 'single.json');
    writeFileSync(single, `${JSON.stringify(module(1))}\n`);
    expect((await scanFile(single)).resources.map((r) => r.id)).toEqual(['aws_s3_bucket.this_0']);
  });

  it('reads the plans of terragrunt’s log of run-all show -json, each line apart', async () => {
    // gruntwork-io/terragrunt#3367, #3463 and #3603 and the logging docs: from 0.67 terragrunt
    // logs what Terraform prints, `HH:MM:SS.mmm STDOUT [unit] terraform: …` by default (no
    // `[unit]` for one unit; `tofu:` for OpenTofu), `{"time", "level": "stdout", "working-dir",
    // "msg"}` with --log-format json; before, --terragrunt-include-module-prefix wrote `[unit] …`.
    const module = (name: string) =>
      JSON.stringify(
        plan([{ address: `aws_s3_bucket.${name}`, after: { bucket: name, force_destroy: false } }], {
          providers: PROVIDERS,
        }),
      );
    const dir = mkdtempSync(path.join(tmpdir(), 'kansa-iac-'));
    const logs = {
      pretty: `12:00:01.100 STDOUT [live/app] terraform: ${module('app')}\n\u001b[0m12:00:02.200 STDOUT [live/data] tofu: ${module('data')}\n`,
      prefix: `[/home/ops/live/app] ${module('app')}\n[/home/ops/live/data] ${module('data')}\n`,
      json: `${JSON.stringify({ time: '2025-01-01T12:00:01Z', level: 'stdout', 'working-dir': '/home/ops/live/app', 'tf-path': 'tofu', msg: module('app') })}\n${JSON.stringify({ time: '2025-01-01T12:00:02Z', level: 'stdout', 'working-dir': '/home/ops/live/data', msg: module('data') })}\n`,
    };
    // Each plan is named by its unit, which terragrunt prints beside it: the order it runs the
    // units in (and so a plan's line) changes from run to run, the unit does not. An absolute
    // path is cut to the last parts that tell the units apart, as on every other machine.
    const units = {
      pretty: ['app', 'data'],
      prefix: ['app', 'data'],
      json: ['app', 'data'],
    };
    for (const [name, text] of Object.entries(logs)) {
      const file = path.join(dir, `${name}.log`);
      writeFileSync(file, text);
      const scanned = await scanFile(file);
      expect(scanned.coverage.error, name).toBeUndefined();
      const [app, data] = units[name as keyof typeof units];
      expect(
        scanned.resources.filter((r) => r.kansaType === 'storage.bucket').map((r) => [r.id, r.origin.line]),
        name,
      ).toEqual([
        [`${app}:aws_s3_bucket.app`, 1],
        [`${data}:aws_s3_bucket.data`, 2],
      ]);
      const named = scanned.coverage.notes?.find((n) => /terragrunt unit/.test(n.note))?.note;
      expect(localizeProblem(named ?? '', 'ja'), name).toContain('terragrunt のユニット');
      const note = scanned.coverage.notes?.find((n) => /terragrunt's log/.test(n.note))?.note;
      expect(localizeProblem(note ?? '', 'ja')).toContain('terragrunt がログとして出力');
    }
    // Saved with terragrunt's own lines (2>&1): they are passed over.
    const withOwn = path.join(dir, 'own.log');
    writeFileSync(
      withOwn,
      `12:00:00.001 INFO   The stack at . will be processed in the following order for command show:\n12:00:01.100 STDOUT [live/app] terraform: ${module('app')}\n`,
    );
    expect((await scanFile(withOwn)).resources.map((r) => r.id)).toEqual(['aws_s3_bucket.app']);
    // One unit: one plan, its line the only one with a plan.
    const single = path.join(dir, 'single.log');
    writeFileSync(single, `12:00:01.100 STDOUT terraform: ${module('app')}\n`);
    expect((await scanFile(single)).resources.map((r) => r.id)).toEqual(['aws_s3_bucket.app']);
  });

  it('refuses the machine-readable log of terraform plan -json', async () => {
    // internal/command/views/json: one message a line, `@level`, `@message`, `@module`, `type`.
    const lines = [
      {
        '@level': 'info',
        '@message': 'Terraform 1.9.8',
        '@module': 'terraform.ui',
        '@timestamp': '2026-12-01T09:00:00.000000+09:00',
        terraform: '1.9.8',
        type: 'version',
        ui: '1.2',
      },
      {
        '@level': 'info',
        '@message': 'aws_s3_bucket.logs: Plan to create',
        '@module': 'terraform.ui',
        '@timestamp': '2026-12-01T09:00:01.000000+09:00',
        change: {
          resource: { addr: 'aws_s3_bucket.logs', resource_type: 'aws_s3_bucket', resource_name: 'logs' },
          action: 'create',
        },
        type: 'planned_change',
      },
    ];
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kansa-iac-')), 'plan.json');
    writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const scanned = await scanFile(file);
    expect(scanned.coverage.error).toMatch(/Terraform's machine-readable log \(terraform plan -json\)/);
    expect(localizeProblem(scanned.coverage.error!, 'ja')).toContain('Terraform の機械可読ログ');
  });
});
