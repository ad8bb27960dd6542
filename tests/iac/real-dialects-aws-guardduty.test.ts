import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * GuardDuty detectors a plan or state shows without managing them (SOURCES.md, "Dialects of
 * public plans"): `data.aws_guardduty_detector` read while planning, in `prior_state` (`status`
 * ENABLED or DISABLED, its ARN naming the Region), as configurations read it to add
 * `aws_guardduty_detector_feature`s to a detector made elsewhere; the account only in
 * `data.aws_caller_identity` of the default provider block.
 */

const ACCOUNT = '407187654321';
const CHECK = 'aws.guardduty.enabled-all-regions';
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;

const detectorRead = (name: string, region: string, status: string): Json => ({
  address: `data.aws_guardduty_detector.${name}`,
  mode: 'data',
  type: 'aws_guardduty_detector',
  name,
  provider_name: 'registry.terraform.io/hashicorp/aws',
  schema_version: 0,
  values: {
    arn: `arn:aws:guardduty:${region}:${ACCOUNT}:detector/${name}0123456789abcdef0123456789`,
    id: `${name}0123456789abcdef0123456789`,
    status,
    features: [],
  },
});
const callerIdentity: Json = {
  address: 'data.aws_caller_identity.current',
  mode: 'data',
  type: 'aws_caller_identity',
  name: 'current',
  provider_name: 'registry.terraform.io/hashicorp/aws',
  schema_version: 0,
  values: { account_id: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci/run`, id: ACCOUNT },
};
const logGroup = (name: string, provider?: string): Change => ({
  address: `aws_cloudwatch_log_group.${name}`,
  after: { name: `/kansa/${name}`, retention_in_days: 400 },
  afterUnknown: { arn: true, id: true },
  expressions: { name: constant(`/kansa/${name}`) },
  ...(provider && { provider }),
});
const providers = {
  aws: { region: constant('ap-northeast-1') },
  'aws.osaka': { region: constant('ap-northeast-3') },
};

function planReading(changes: Change[], reads: Json[]): Json {
  const document = plan(changes, { providers });
  const configuration = document.configuration as { root_module: { resources: Json[] } };
  for (const read of [...reads, callerIdentity])
    configuration.root_module.resources.push({
      address: read.address,
      mode: 'data',
      type: read.type,
      name: read.name,
      provider_config_key: read.name === 'osaka' ? 'aws.osaka' : 'aws',
      schema_version: 0,
    });
  return {
    ...document,
    prior_state: {
      format_version: '1.0',
      values: { root_module: { resources: [...reads, callerIdentity] } },
    },
  };
}

describe('GuardDuty detectors read while planning', () => {
  it('fails a Region whose detector the plan reads as DISABLED, the account from the caller identity', async () => {
    const document = planReading(
      [logGroup('tokyo'), { ...logGroup('osaka'), provider: 'aws.osaka' }],
      [
        detectorRead('tokyo', 'ap-northeast-1', 'ENABLED'),
        detectorRead('osaka', 'ap-northeast-3', 'DISABLED'),
      ],
    );
    const finding = findingOf(await scanDocument(document), CHECK, ROOT);
    expect(finding.status).toBe('FAIL');
    expect(finding.data).toMatchObject({ regions: ['ap-northeast-3'] });
    expect(finding.evidence.map((e) => e.resourceId)).toContain('data.aws_guardduty_detector.osaka');
  });

  it('reads a refresh-only plan’s detector as the refreshed state’s, as its resources are', async () => {
    const reading = planReading([logGroup('tokyo')], [detectorRead('tokyo', 'ap-northeast-1', 'ENABLED')]);
    const { resource_changes: _changes, ...refreshOnly } = reading as Json & { resource_changes?: unknown };
    const scanned = await scanDocument({ ...refreshOnly, planned_values: { root_module: {} } });
    expect(resourceOf(scanned, 'data.aws_guardduty_detector.tokyo').origin.iac?.action).toBe('state');
  });

  it('passes when every Region in use reads an enabled detector', async () => {
    const document = planReading([logGroup('tokyo')], [detectorRead('tokyo', 'ap-northeast-1', 'ENABLED')]);
    expect(findingOf(await scanDocument(document), CHECK, ROOT).status).toBe('PASS');
  });

  it('judges the plan’s own detector of a Region over the detector it read there', async () => {
    const document = planReading(
      [
        logGroup('tokyo'),
        {
          address: 'aws_guardduty_detector.imported',
          actions: ['update'],
          before: { arn: `arn:aws:guardduty:ap-northeast-1:${ACCOUNT}:detector/x`, enable: true, id: 'x' },
          after: { arn: `arn:aws:guardduty:ap-northeast-1:${ACCOUNT}:detector/x`, enable: false, id: 'x' },
          expressions: { enable: constant(false) },
        },
      ],
      [detectorRead('tokyo', 'ap-northeast-1', 'ENABLED')],
    );
    expect(findingOf(await scanDocument(document), CHECK, ROOT).status).toBe('FAIL');
  });

  it('reads a state’s data source as of its last refresh', async () => {
    const state = {
      version: 4,
      terraform_version: '1.9.8',
      serial: 1,
      lineage: '5d4c3b2a-1908-4f7e-8d6c-5b4a39281706',
      outputs: {},
      resources: [
        {
          mode: 'data',
          type: 'aws_guardduty_detector',
          name: 'main',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            { schema_version: 0, attributes: detectorRead('main', 'ap-northeast-1', 'DISABLED').values },
          ],
        },
        {
          mode: 'managed',
          type: 'aws_cloudwatch_log_group',
          name: 'app',
          provider: 'provider["registry.terraform.io/hashicorp/aws"]',
          instances: [
            {
              schema_version: 0,
              attributes: {
                arn: `arn:aws:logs:ap-northeast-1:${ACCOUNT}:log-group:/kansa/app`,
                name: '/kansa/app',
                retention_in_days: 400,
              },
              sensitive_attributes: [],
            },
          ],
        },
      ],
    };
    const scanned = await scanDocument(state, 'terraform.tfstate');
    expect(findingOf(scanned, CHECK, ROOT).status).toBe('FAIL');
    expect(scanned.coverage.skipped).toEqual([]);
    // What a state's data source read is what the state holds: its findings speak of the state.
    expect(scanned.resources.find((r) => r.id === 'data.aws_guardduty_detector.main')?.origin.iac).toEqual({
      address: 'data.aws_guardduty_detector.main',
      action: 'state',
    });
    expect(findingOf(scanned, CHECK, ROOT).resource.origin.file).toMatch(/Terraform state\)$/);
  });

  it('keeps other data sources out of the judgement', async () => {
    const document = planReading([logGroup('tokyo')], []);
    // No detector read nor managed: one made outside the configuration may exist.
    expect(findingOf(await scanDocument(document), CHECK, ROOT).status).toBe('UNKNOWN');
  });
});
