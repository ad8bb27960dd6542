import { graphQuery, jsonFile } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { AZURE, SUB } from './records.ts';

const id = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/${name}`;

// Log Analytics workspaces as ARM lists them (`{"value": [...]}`), with the locations exports
// carry: a region name, a display name, `global`, and a template expression.
const workspace = (name: string, location: string) =>
  jsonFile({
    value: [
      {
        id: `/subscriptions/6c1f2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/${name}`,
        name,
        type: 'Microsoft.OperationalInsights/workspaces',
        location,
        properties: { retentionInDays: 90, sku: { name: 'PerGB2018' } },
      },
    ],
  });

// Cloud Logging buckets as `gcloud logging buckets list --format=json` prints them: the location
// is the name's `locations/<location>`.
const logBucket = (location: string) =>
  jsonFile([
    {
      name: `projects/kansa-logs/locations/${location}/buckets/security`,
      lifecycleState: 'ACTIVE',
      retentionDays: 400,
      createTime: '2024-02-19T05:30:12.104552Z',
    },
  ]);

export default {
  valid: [
    { name: 'a domestic workspace', records: [AZURE], target: id('log-tokyo'), messageId: 'domestic' },
    {
      name: 'a workspace in Japan West, display name',
      records: [workspace('log-osaka', 'Japan West')],
      messageId: 'domestic',
      example: true,
    },
    {
      name: 'a Cloud Logging bucket in asia-northeast1',
      records: [logBucket('asia-northeast1')],
      messageId: 'domestic',
    },
  ],
  invalid: [
    {
      name: 'a workspace abroad, at low severity',
      records: [AZURE],
      target: id('log-useast'),
      messageId: 'abroad',
      severity: 'low',
    },
    {
      name: 'a workspace in East US',
      records: [workspace('log-useast', 'eastus')],
      messageId: 'abroad',
      example: true,
    },
    {
      name: 'a location given as a template expression',
      records: [workspace('log-template', '[resourceGroup().location]')],
      messageId: 'locationUnreadable',
      status: 'UNKNOWN',
    },
    {
      name: 'a Cloud Logging bucket in us-central1',
      records: [logBucket('us-central1')],
      messageId: 'abroad',
    },
    {
      // Cloud Logging may keep a global bucket's logs in any region: no domestic location chosen.
      name: 'a Cloud Logging bucket in global (the _Default bucket of most projects)',
      records: [logBucket('global')],
      messageId: 'anywhere',
      example: true,
    },
    {
      name: 'a workspace whose location is global',
      records: [workspace('log-global', 'global')],
      messageId: 'anywhere',
    },
    {
      // A Resource Graph query that projected no location: a workspace is somewhere, unknown where.
      name: 'a workspace in a projection without location',
      records: [
        graphQuery([
          {
            id: `/subscriptions/${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/log-projected`,
            name: 'log-projected',
            type: 'microsoft.operationalinsights/workspaces',
            properties_retentionInDays: 90,
          },
        ]),
      ],
      messageId: 'locationUnreadable',
      status: 'UNKNOWN',
    },
  ],
} satisfies RuleTests<'domestic' | 'anywhere' | 'locationUnreadable' | 'abroad'>;
