import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DEPLOY = path.resolve(import.meta.dirname, '../../deploy/sentinel');
const STREAM_ROW_COLUMNS = [
  'Time',
  'FindingId',
  'ScanId',
  'State',
  'Severity',
  'ComplianceStatus',
  'CheckId',
  'Requirements',
  'Standard',
  'Cloud',
  'Account',
  'Region',
  'ResourceId',
  'Message',
  'Event',
];

interface Template {
  resources: { type: string; properties: Record<string, unknown> }[];
  variables: { columns: { name: string }[]; monitoringMetricsPublisher: string };
}

describe('deploy/sentinel', () => {
  const template = JSON.parse(readFileSync(path.join(DEPLOY, 'kansa-findings.json'), 'utf8')) as Template;
  const dcr = template.resources.find((r) => r.type === 'Microsoft.Insights/dataCollectionRules')!;

  it('declares the stream with every column kansa sends, and the table with TimeGenerated besides', () => {
    const stream = (dcr.properties['streamDeclarations'] as Record<string, { columns: { name: string }[] }>)[
      'Custom-KansaFindings_CL'
    ]!;
    expect(stream.columns.map((c) => c.name)).toEqual(STREAM_ROW_COLUMNS);
    expect(template.variables.columns.map((c) => c.name)).toEqual(['TimeGenerated', ...STREAM_ROW_COLUMNS]);
  });

  it('sets TimeGenerated in the transform and grants only Monitoring Metrics Publisher on the DCR', () => {
    const [flow] = dcr.properties['dataFlows'] as { transformKql: string }[];
    expect(flow?.transformKql).toMatch(/extend TimeGenerated = todatetime\(Time\)/);
    expect(template.variables.monitoringMetricsPublisher).toBe('3913510d-42f4-4e42-8a64-420c390055eb');
    const assignment = template.resources.find(
      (r) => r.type === 'Microsoft.Authorization/roleAssignments',
    ) as unknown as { scope: string };
    expect(assignment.scope).toMatch(/dataCollectionRules/);
  });

  it('the stream rows kansa builds carry exactly the declared columns', async () => {
    const { sentinelDestination } = await import('../../src/send/destinations/sentinel.ts');
    const { deliveryRecord } = await import('../../src/send/record.ts');
    const destination = sentinelDestination({
      endpoint: 'https://dce.example.invalid',
      ruleId: 'dcr-0',
      stream: 'Custom-KansaFindings_CL',
      credential: { getToken: async () => null },
    });
    const row = JSON.parse(destination.encode(deliveryRecord({ time: 0 }, 'f', 's', 'new'))) as Record<
      string,
      unknown
    >;
    expect(Object.keys(row)).toEqual(STREAM_ROW_COLUMNS);
  });
});
