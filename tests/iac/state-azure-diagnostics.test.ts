import { describe, expect, it } from 'vitest';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * Diagnostic settings in a raw state (azurerm 3.x/4.x `monitor_diagnostic_setting`): the id is the
 * provider's `<target_resource_id>|<name>`, the target the ARM id of what it watches, which the state
 * may hold too (under its address), and the subscription's for its Activity Log.
 */

const SUBSCRIPTION = '5e7a9c1b-3d5f-4b7c-9e1a-3c5e7a9b1d3f';
const SCOPE = `/subscriptions/${SUBSCRIPTION}`;
const WORKSPACE = `${SCOPE}/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central`;
const CLUSTER = `${SCOPE}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`;

const managed = (type: string, name: string, attributes: object) => ({
  mode: 'managed',
  type,
  name,
  provider: 'provider["registry.terraform.io/hashicorp/azurerm"]',
  instances: [{ schema_version: 0, attributes, sensitive_attributes: [], private: 'bnVsbA==' }],
});

const setting = (name: string, target: string, categories: string[]) =>
  managed('azurerm_monitor_diagnostic_setting', name, {
    id: `${target}|${name}`,
    name,
    target_resource_id: target,
    log_analytics_workspace_id: WORKSPACE,
    log_analytics_destination_type: '',
    storage_account_id: '',
    eventhub_authorization_rule_id: '',
    eventhub_name: '',
    partner_solution_id: '',
    enabled_log: categories.map((category) => ({ category, category_group: '' })),
    metric: [],
    timeouts: null,
  });

const state = (resources: unknown[]) => ({
  version: 4,
  terraform_version: '1.10.2',
  serial: 4,
  lineage: '1c3e5a7b-9d1f-4a3c-8e5a-7b9d1f3a5c7e',
  outputs: {},
  resources,
  check_results: null,
});

describe('diagnostic settings of a raw state', () => {
  const document = state([
    managed('azurerm_kubernetes_cluster', 'aks', {
      id: CLUSTER,
      name: 'aks',
      location: 'japaneast',
      resource_group_name: 'rg',
      role_based_access_control_enabled: true,
      local_account_disabled: true,
    }),
    setting('activity', SCOPE, ['Administrative', 'Security', 'Policy']),
    setting('aks-audit', CLUSTER, ['kube-audit-admin']),
  ]);

  it('places a subscription’s setting in that subscription (its id ends |<name>)', async () => {
    const finding = findingOf(await scanDocument(document), 'azure.monitor.activity-log-exported', SCOPE);
    expect(finding.status).toBe('PASS');
  });

  it('finds the setting of a resource the state holds by its target’s id', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'azure.aks.control-plane-logs', 'azurerm_kubernetes_cluster.aks').status).toBe(
      'PASS',
    );
  });
});

describe('a flow log of a raw state', () => {
  // azurerm 4.x `network_watcher_flow_log`: `target_resource_id` (a virtual network's id, 4.x on).
  const NETWORK = `${SCOPE}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet`;
  const document = state([
    managed('azurerm_virtual_network', 'vnet', {
      id: NETWORK,
      name: 'vnet',
      location: 'japaneast',
      resource_group_name: 'rg',
      address_space: ['10.13.0.0/16'],
      subnet: [],
    }),
    managed('azurerm_network_watcher_flow_log', 'vnet', {
      id: `${SCOPE}/resourceGroups/NetworkWatcherRG/providers/Microsoft.Network/networkWatchers/NetworkWatcher_japaneast/flowLogs/vnet`,
      name: 'vnet',
      location: 'japaneast',
      enabled: true,
      network_security_group_id: '',
      target_resource_id: NETWORK,
      storage_account_id: `${SCOPE}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/flowlogs`,
      retention_policy: [{ days: 90, enabled: true }],
      traffic_analytics: [],
    }),
  ]);

  it('finds the flow log of a network the state holds by its target’s id', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'azure.network.flow-logs', 'azurerm_virtual_network.vnet').status).toBe('PASS');
  });
});
