import { describe, expect, it } from 'vitest';
import type { AzureSubscriptionFacts } from '../../../src/model/azure.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { readCustodianRun } from '../../../src/sources/custodian-run.ts';

// Cloud Custodian's azure.subscription records (c7n_azure resources/subscription.py): the
// subscription's GET answer, with the diagnostic-settings filter's `c7n:diagnostic-settings`.
const SUBSCRIPTION = '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f70';
const record = {
  id: `/subscriptions/${SUBSCRIPTION}`,
  authorizationSource: 'RoleBased',
  subscriptionId: SUBSCRIPTION,
  tenantId: '72f988bf-0000-4000-8000-00000000c0de',
  displayName: 'juki-production',
  state: 'Enabled',
};
const setting = {
  id: `/subscriptions/${SUBSCRIPTION}/providers/microsoft.insights/diagnosticSettings/to-law`,
  type: 'Microsoft.Insights/diagnosticSettings',
  name: 'to-law',
  properties: {
    workspaceId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law`,
    logs: [{ category: 'Administrative', enabled: true }],
  },
};
const run = { provider: 'azure', resource: 'azure.subscription', selection: true } as const;

function read(document: readonly unknown[]) {
  const skipped: string[] = [];
  const ctx = { file: 'out/subscription/resources.json', skip: (reason: string) => skipped.push(reason) };
  const resources = [...readCustodianRun(document, run as never, ctx, undefined)] as Resource[];
  return { resources, skipped };
}

const listed = (resources: readonly Resource[]) =>
  resources.flatMap((r) => (r.facts as AzureSubscriptionFacts).activityLogSettingsListed ?? []);

describe('Cloud Custodian azure.subscription records', () => {
  it('reads the subscription and the settings c7n:diagnostic-settings lists, as their listing', () => {
    const { resources, skipped } = read([{ ...record, 'c7n:diagnostic-settings': [setting] }]);
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.kansaType, r.id])).toEqual([
      ['account', `/subscriptions/${SUBSCRIPTION}`],
      ['audit.diagnostic-setting', setting.id.toLowerCase()],
      ['account', `/subscriptions/${SUBSCRIPTION}`],
    ]);
    expect(listed(resources)).toEqual([{ source: 'explicit', value: true, path: 'c7n:diagnostic-settings' }]);
  });

  it('reads [{}], which Custodian writes for none, as the listing with none', () => {
    const { resources } = read([{ ...record, 'c7n:diagnostic-settings': [{}] }]);
    expect(resources.filter((r) => r.kansaType !== 'account')).toEqual([]);
    expect(listed(resources)).toHaveLength(1);
  });

  it('says nothing of the settings where the policy did not list them', () => {
    const { resources } = read([record]);
    expect(resources.map((r) => r.kansaType)).toEqual(['account']);
    expect(listed(resources)).toEqual([]);
  });
});
