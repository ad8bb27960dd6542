import { jsonFile } from '../../../helpers/exports.ts';
import { byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { idOf } from '../arg-rows.ts';
import { withSubscription } from '../graph.ts';
import { cluster, ID } from './cluster.ts';

const setting = (target: string, logs: Record<string, unknown>[]) => ({
  id: `${target}/providers/microsoft.insights/diagnosticSettings/aks`,
  name: 'aks',
  type: 'Microsoft.Insights/diagnosticSettings',
  workspaceId:
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log1',
  logs,
});
const other = cluster({}, 'aks-other');

const table = [
  {
    name: 'kube-audit-admin',
    settings: [setting(ID, [{ category: 'kube-audit-admin', enabled: true }])],
    status: 'PASS',
    messageId: 'exported',
  },
  {
    name: 'audit category group',
    settings: [setting(ID, [{ categoryGroup: 'audit', enabled: true }])],
    status: 'PASS',
    messageId: 'exported',
  },
  {
    name: 'API server logs only',
    settings: [
      setting(ID, [
        { category: 'kube-apiserver', enabled: true },
        { category: 'kube-audit', enabled: false },
      ]),
    ],
    status: 'FAIL',
    messageId: 'notSent',
  },
  {
    name: 'no setting, another cluster’s listed in its file (a template deploying them)',
    settings: [setting(idOf(other), [])],
    together: true,
    status: 'FAIL',
    messageId: 'noSetting',
  },
  {
    name: 'another cluster’s settings in another file (az monitor diagnostic-settings list --resource) say nothing of this one',
    settings: [setting(idOf(other), [])],
    status: 'UNKNOWN',
    messageId: 'notExported',
  },
  { name: 'no resource settings exported', settings: [], status: 'UNKNOWN', messageId: 'notExported' },
  {
    name: 'a setting whose logs are not in the export',
    settings: [
      {
        id: `${ID}/providers/microsoft.insights/diagnosticSettings/aks`,
        name: 'aks',
        type: 'Microsoft.Insights/diagnosticSettings',
      },
    ],
    status: 'UNKNOWN',
    messageId: 'incomplete',
  },
] as const;

export default {
  wrap: withSubscription,
  ...byVerdict(
    table.map(({ name, settings, status, messageId, ...rest }) => ({
      name,
      // `az monitor diagnostic-settings list --resource …` output: a bare array, properties
      // flattened; `together`: the cluster and the settings in one list body, as a template holds them.
      records:
        'together' in rest
          ? [other, jsonFile({ value: [cluster({}), ...settings] }, 'template-resources.json')]
          : [
              cluster({}),
              other,
              ...(settings.length ? [jsonFile(settings, 'diagnostic-settings.json')] : []),
            ],
      target: ID,
      status,
      messageId,
    })),
  ),
} satisfies RuleTests;
