import { graphQuery } from '../../../helpers/exports.ts';
import type { RuleTests } from '../../../helpers/rule-tester.ts';
import { AZURE, SUB } from './records.ts';

const id = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/${name}`;

export default {
  valid: [
    { name: 'a domestic workspace', records: [AZURE], target: id('log-tokyo'), messageId: 'domestic' },
    {
      name: 'a workspace without a location',
      records: [
        graphQuery([
          {
            id: id('log-global'),
            name: 'log-global',
            type: 'microsoft.operationalinsights/workspaces',
            location: 'global',
            resourceGroup: 'rg-ops',
            subscriptionId: SUB,
            tags: {},
            properties: {},
          },
        ]),
      ],
      status: 'NOT_APPLICABLE',
      messageId: 'locationless',
    },
  ],
  invalid: [
    {
      name: 'a location that names no region (a template expression)',
      records: [
        graphQuery([
          {
            id: id('log-template'),
            name: 'log-template',
            type: 'microsoft.operationalinsights/workspaces',
            location: '[resourceGroup().location]',
            resourceGroup: 'rg-ops',
            subscriptionId: SUB,
            tags: {},
            properties: {},
          },
        ]),
      ],
      status: 'UNKNOWN',
      messageId: 'locationUnreadable',
    },
    {
      name: 'a workspace abroad, at low severity',
      records: [AZURE],
      target: id('log-useast'),
      messageId: 'abroad',
      severity: 'low',
    },
  ],
} satisfies RuleTests;
