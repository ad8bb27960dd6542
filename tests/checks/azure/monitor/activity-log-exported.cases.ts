import { unknown } from '../../../../src/model/fact.ts';
import { listingRecord } from '../../../../src/sources/azure/listing.ts';
import { graphQuery, jsonFile } from '../../../helpers/exports.ts';
import { type AnyCase, byVerdict, type RuleTests } from '../../../helpers/rule-tester.ts';
import { activityLogSetting, SUBSCRIPTION as SUBSCRIPTION_GUID, subscriptionRow } from '../arg-rows.ts';

const WORKSPACE =
  '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/log-kansa';
const log = (category: string, enabled = true) => ({ category, enabled });
const SUBSCRIPTION = graphQuery([subscriptionRow()]);
/** The subscription row and the diagnostic settings' list body. */
const withSettings = (...settings: Record<string, unknown>[]) => [
  SUBSCRIPTION,
  jsonFile({ value: settings }, 'diagnostic-settings.json'),
];

const table = [
  {
    name: 'Administrative, Security, Policy to a workspace',
    settings: [
      activityLogSetting('to-law', {
        workspaceId: WORKSPACE,
        logs: [log('Administrative'), log('Security'), log('Policy'), log('Alert', false)],
      }),
    ],
    status: 'PASS',
    message: 'exported',
  },
  {
    name: 'allLogs category group',
    settings: [
      activityLogSetting('all', {
        storageAccountId: WORKSPACE,
        logs: [{ categoryGroup: 'allLogs', enabled: true }],
      }),
    ],
    status: 'PASS',
    message: 'exported',
  },
  {
    name: 'categories split over two settings',
    settings: [
      activityLogSetting('admin', { workspaceId: WORKSPACE, logs: [log('Administrative')] }),
      activityLogSetting('sec', {
        eventHubAuthorizationRuleId: WORKSPACE,
        logs: [log('Security'), log('Policy')],
      }),
    ],
    status: 'PASS',
    message: 'exported',
  },
  {
    name: 'Security disabled',
    settings: [
      activityLogSetting('partial', {
        workspaceId: WORKSPACE,
        logs: [log('Administrative'), log('Security', false), log('Policy')],
      }),
    ],
    status: 'FAIL',
    message: 'missingCategories',
  },
  {
    name: 'no destination',
    settings: [
      activityLogSetting('nowhere', {
        workspaceId: null,
        logs: [log('Administrative'), log('Security'), log('Policy')],
      }),
    ],
    status: 'FAIL',
    message: 'missingCategories',
  },
  { name: 'no diagnostic settings export', settings: [], status: 'UNKNOWN', message: 'notExported' },
] as const;

const cli = {
  id: `subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/providers/microsoft.insights/diagnosticSettings/cli`,
  name: 'cli',
  workspaceId: WORKSPACE,
  logs: [log('Administrative'), log('Security'), log('Policy')],
};
const storageSetting = {
  id: `${WORKSPACE}/providers/microsoft.insights/diagnosticSettings/ws`,
  name: 'ws',
  properties: { workspaceId: WORKSPACE, logs: [{ categoryGroup: 'allLogs', enabled: true }] },
};

const cases: AnyCase[] = [
  ...table.map(({ name, settings, status, message }) => ({
    name,
    records: settings.length > 0 ? withSettings(...settings) : [SUBSCRIPTION],
    status,
    messageId: message,
  })),
  {
    name: 'ignores resource-level settings',
    records: withSettings(storageSetting),
    status: 'UNKNOWN',
    messageId: 'notExported',
  },
  {
    name: 'reads the CLI dialect (flattened, no leading slash)',
    records: withSettings(storageSetting, cli),
    status: 'PASS',
    messageId: 'exported',
    data: { settings: ['cli'] },
  },
  {
    name: 'an Activity Log setting listed without its properties',
    records: withSettings({
      id: '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/providers/microsoft.insights/diagnosticSettings/bare',
      name: 'bare',
      type: 'Microsoft.Insights/diagnosticSettings',
    }),
    status: 'UNKNOWN',
    messageId: 'incomplete',
  },
  {
    name: "the subscription's own listing, present and empty (as --save-inventory names it): none",
    records: [SUBSCRIPTION, jsonFile({ value: [] }, `activity-log-settings-${SUBSCRIPTION_GUID}.json`)],
    status: 'FAIL',
    messageId: 'none',
  },
  {
    name: "the subscription's own listing as az monitor diagnostic-settings subscription list prints none ([]): none",
    records: [SUBSCRIPTION, jsonFile([], `activity-log-settings-${SUBSCRIPTION_GUID}.json`)],
    status: 'FAIL',
    messageId: 'none',
  },
  {
    name: 'an empty [] that no name places is no listing of the subscription',
    records: [SUBSCRIPTION, jsonFile([], 'diagnostic-settings.json')],
    status: 'UNKNOWN',
    messageId: 'notExported',
  },
  {
    name: 'a live listing that failed names the call, not an export to add',
    records: [SUBSCRIPTION],
    collected: [
      listingRecord(
        SUBSCRIPTION_GUID,
        {
          activityLogSettingsListed: unknown(
            `GET /subscriptions/${SUBSCRIPTION_GUID}/providers/Microsoft.Insights/diagnosticSettings`,
            {
              ja: 'ライブ スキャンで一覧が失敗しました: HTTP 403 AuthorizationFailed',
              en: 'the live listing failed: HTTP 403 AuthorizationFailed',
            },
          ),
        },
        'azure:arm',
      ),
    ],
    status: 'UNKNOWN',
    messageId: 'notListed',
  },
];

export default byVerdict(cases) satisfies RuleTests;
