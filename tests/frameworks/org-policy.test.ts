import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/input-error.ts';
import { celRule } from '../../src/checks/custom/cel-rule.ts';
import { loadFramework } from '../../src/frameworks/load.ts';
import { applyOrgPolicy, parseOrgPolicy } from '../../src/frameworks/org-policy.ts';
import { evaluate as evaluateAll } from '../../src/scan/evaluate.ts';
import { Inventory } from '../../src/scan/inventory.ts';
import { azureGraphCli } from '../../src/sources/azure/graph-cli.ts';
import { evaluate, readRecords } from '../helpers/checks.ts';

const SUB = '6c1f2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const workspaceId = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/${name}`;

// `az graph query -o json` rows in Resource Graph's shape.
const rows = readRecords(azureGraphCli, {
  count: 3,
  data: [
    {
      id: workspaceId('log-long'),
      name: 'log-long',
      type: 'microsoft.operationalinsights/workspaces',
      location: 'japaneast',
      subscriptionId: SUB,
      tags: { 'cost-center': 'dx-001' },
      properties: { retentionInDays: 730, sku: { name: 'PerGB2018' } },
    },
    {
      id: workspaceId('log-short'),
      name: 'log-short',
      type: 'microsoft.operationalinsights/workspaces',
      location: 'japanwest',
      subscriptionId: SUB,
      tags: {},
      properties: { retentionInDays: 30, sku: { name: 'PerGB2018' } },
    },
    {
      id: workspaceId('log-projected'),
      name: 'log-projected',
      type: 'microsoft.operationalinsights/workspaces',
      location: 'japaneast',
      subscriptionId: SUB,
    },
  ],
  skip_token: null,
  total_records: 3,
});

const retention = celRule({
  id: 'custom.azure.workspace-retention',
  provider: 'azure',
  resourceTypes: ['monitoring.workspace'],
  severity: 'medium',
  title: { ja: 'ログを2年保存する', en: 'Logs are kept two years' },
  remediation: { ja: '保存期間を延ばす', en: 'Extend retention' },
  condition: 'facts.retentionInDays >= 730',
  appliesIf: 'region != "global"',
});

describe('CEL rules', () => {
  it.each([
    ['log-long', 'PASS'],
    ['log-short', 'FAIL'],
    ['log-projected', 'UNKNOWN'], // the row has no properties: the setting is not in the export
  ])('%s → %s', (name, status) => {
    expect(evaluate(retention, rows, workspaceId(name)).status).toBe(status);
  });

  it('names the facts it read as evidence', () => {
    const result = evaluate(retention, rows, workspaceId('log-short'));
    expect(result.evidence).toMatchObject([
      { path: 'properties.retentionInDays', value: 30, source: 'explicit' },
    ]);
    const unknown = evaluate(retention, rows, workspaceId('log-projected'));
    expect(unknown.evidence[0]?.source).toBe('unknown');
  });

  it('sees tags, classification and the resource fields', () => {
    const rule = celRule({
      ...retentionSpec(),
      condition: '"cost-center" in tags && classification == 2 && resourceType == "monitoring.workspace"',
    });
    expect(evaluate(rule, rows, workspaceId('log-long')).status).toBe('PASS');
    expect(evaluate(rule, rows, workspaceId('log-short')).status).toBe('FAIL');
  });

  it('sees no class where the class tag names none kansa reads: a rule reading it is UNKNOWN', () => {
    const rule = celRule({ ...retentionSpec(), condition: 'classification <= 2' });
    const tagged = (confidentiality: string) =>
      readRecords(azureGraphCli, {
        count: 1,
        data: [
          {
            id: workspaceId('log-tagged'),
            name: 'log-tagged',
            type: 'microsoft.operationalinsights/workspaces',
            location: 'japaneast',
            subscriptionId: SUB,
            tags: { confidentiality },
            properties: { retentionInDays: 730 },
          },
        ],
        skip_token: null,
        total_records: 1,
      });
    expect(evaluate(rule, tagged('機密性２'), workspaceId('log-tagged')).status).toBe('PASS');
    expect(evaluate(rule, tagged('機密性3'), workspaceId('log-tagged')).status).toBe('FAIL');
    // A secret document's grade is class 3; a word naming no class is never the default class 2,
    // which would pass.
    expect(evaluate(rule, tagged('極秘'), workspaceId('log-tagged')).status).toBe('FAIL');
    expect(evaluate(rule, tagged('Secret'), workspaceId('log-tagged')).status).toBe('UNKNOWN');
  });

  it('is NOT_APPLICABLE when appliesIf is false', () => {
    const rule = celRule({ ...retentionSpec(), appliesIf: 'region == "japanwest"' });
    expect(evaluate(rule, rows, workspaceId('log-long')).status).toBe('NOT_APPLICABLE');
  });
});

function retentionSpec() {
  return {
    id: 'custom.x',
    provider: 'azure' as const,
    resourceTypes: ['monitoring.workspace' as const],
    severity: 'low' as const,
    title: { ja: 'x', en: 'x' },
    remediation: { ja: 'x', en: 'x' },
    condition: 'true',
  };
}

const POLICY = `parameters:
  allowedRegions:
    azure: [japaneast]
severity:
  azure.storage.minimum-tls: critical
disabled:
  - gcp.storage.bucket-uniform-access
rules:
  - id: custom.azure.workspace-retention
    requirements: [OSK-2.3]
    provider: azure
    resourceTypes: [monitoring.workspace]
    severity: medium
    title: {ja: ログを2年保存する, en: Logs are kept two years}
    condition: facts.retentionInDays >= 730
    remediation: {ja: 保存期間を延ばす, en: Extend retention}
`;

describe('organisation policy file', () => {
  it('overrides parameters, severities, switches checks off and adds rules to requirements', async () => {
    const osaka = await loadFramework('osaka');
    const custom = parseOrgPolicy(osaka, 'org.yaml', POLICY);
    expect(custom.parameters.allowedRegions.azure).toEqual(['japaneast']);
    expect(custom.parameters.allowedRegions.aws).toEqual(osaka.parameters.allowedRegions.aws);
    expect(custom.parameters.logRetentionDays).toBe(osaka.parameters.logRetentionDays);
    const checksOf = (id: string) => custom.requirements.find((r) => r.id === id)?.checks ?? [];
    expect(checksOf('OSK-3.1')).not.toContain('gcp.storage.bucket-uniform-access');
    expect(checksOf('OSK-2.3')).toContain('custom.azure.workspace-retention');
    expect(custom.severityOverrides['azure.storage.minimum-tls']).toBe('critical');
  });

  it("keeps the framework's own parameters that the policy does not name", async () => {
    const gov = await loadFramework('gov');
    const custom = parseOrgPolicy(gov, 'org.yaml', 'parameters:\n  logRetentionDays: 730\n');
    expect(custom.parameters.logRetentionDays).toBe(730);
    expect(custom.parameters.customerKeyReliefMaxClass).toBe(gov.parameters.customerKeyReliefMaxClass);
    expect(custom.parameters.customerKeyReliefMaxClass).not.toBe(1);
  });

  it('merges the password policy parameters key by key, and refuses a length AWS does not allow', async () => {
    const osaka = await loadFramework('osaka');
    const custom = parseOrgPolicy(
      osaka,
      'org.yaml',
      'parameters:\n  passwordPolicy:\n    minimumLength: 16\n',
    );
    expect(custom.parameters.passwordPolicy).toEqual({
      ...osaka.parameters.passwordPolicy,
      minimumLength: 16,
    });
    expect(() =>
      parseOrgPolicy(osaka, 'org.yaml', 'parameters:\n  passwordPolicy:\n    minimumLength: 200\n'),
    ).toThrow(/org\.yaml:3/);
  });

  it('takes effect in the scan: custom findings, overridden severity, new parameters', async () => {
    const custom = parseOrgPolicy(await loadFramework('osaka'), 'org.yaml', POLICY);
    const inventory = new Inventory();
    for (const r of rows) inventory.add(r);
    const findings = [...evaluateAll(inventory, custom, new Date())];
    const byCheck = (id: string) => findings.filter((f) => f.checkId === id);
    expect(
      byCheck('custom.azure.workspace-retention')
        .map((f) => f.status)
        .sort(),
    ).toEqual(['FAIL', 'PASS', 'UNKNOWN']);
    expect(byCheck('custom.azure.workspace-retention')[0]?.requirements).toEqual(['OSK-2.3']);
    // japanwest is no longer allowed for this organisation
    const location = findings.find(
      (f) => f.checkId === 'common.location.management-in-japan' && f.resource.name === 'log-short',
    );
    expect(location?.status).toBe('FAIL');
  });

  it.each([
    ['severity:\n  aws.s3.nope: high\n', 2, 'unknown check id: "aws.s3.nope"'],
    ['disabled:\n  - aws.s3.bucket-public-access\n  - nope\n', 3, 'unknown check id: "nope"'],
    ['severity:\n  azure.storage.minimum-tls: urgent\n', 2, 'expected one of critical, high'],
    [POLICY.replace('[OSK-2.3]', '[OSK-9.9]'), 10, 'framework osaka has no requirement OSK-9.9'],
    [POLICY.replace('[monitoring.workspace]', '[monitoring.workspaces]'), 12, 'unknown resource type'],
    [
      POLICY.replace('facts.retentionInDays >= 730', 'facts.retentionInDays >= '),
      15,
      'invalid CEL in condition',
    ],
    [POLICY.replace('custom.azure.workspace-retention', 'aws.s3.bucket-public-access'), 9, 'does not match'],
    ['colour: blue\n', 1, 'unknown key "colour"'],
  ])('rejects a bad file at its line: %#', async (text, line, message) => {
    const osaka = await loadFramework('osaka');
    let error: unknown;
    try {
      parseOrgPolicy(osaka, 'org.yaml', text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(line);
    expect((error as InputError).message).toContain(message);
  });

  it('the example in docs/examples loads', async () => {
    const custom = await applyOrgPolicy(await loadFramework('osaka'), 'docs/examples/org-policy.yaml');
    expect(custom.customChecks.map((c) => c.meta.id)).toEqual([
      'custom.tags.cost-center',
      'custom.azure.workspace-retention',
    ]);
  });
});
