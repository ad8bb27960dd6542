import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_REGION } from '../../src/model/resource.ts';
import { FIXTURES, findingOf, resourceOf, type Scanned, scanFile } from './helpers.ts';

let scan: Scanned;

beforeAll(async () => {
  scan = await scanFile(path.join(FIXTURES, 'azure/plan.json'));
});

describe('Azure plan (azurerm)', () => {
  it('skips the deleted rule and the data source, and names the types it does not read', () => {
    expect(scan.coverage.skipped.map((s) => s.reason).sort()).toEqual([
      'azurerm_resource_group.main: azurerm_resource_group is not a resource type kansa reads',
      'data.azurerm_resource_group.shared: data source: it reads, it does not deploy',
      'module.net.azurerm_network_security_rule.legacy_ssh: deleted by the plan: not evaluated',
    ]);
  });

  it('gives each for_each NSG its own split rules, in the module', () => {
    const open = findingOf(
      scan,
      'azure.network.nsg-internet-ingress',
      'module.net.azurerm_network_security_group.web["a"]',
    );
    const closed = findingOf(
      scan,
      'azure.network.nsg-internet-ingress',
      'module.net.azurerm_network_security_group.web["b"]',
    );
    expect(open.status).toBe('FAIL');
    expect(open.change).toBe('introduced');
    expect(closed.status).toBe('PASS');
  });

  it('merges the storage account network rules and customer-managed key resources', () => {
    expect(findingOf(scan, 'azure.storage.customer-managed-key', 'azurerm_storage_account.data').status).toBe(
      'PASS',
    );
    const account = resourceOf(scan, 'azurerm_storage_account.data');
    const facts = account.facts as Record<string, { value?: unknown; path: string }>;
    expect(facts.networkDefaultAction?.value).toBe('Deny');
    expect(facts.networkDefaultAction?.path).toBe(
      'azurerm_storage_account_network_rules.data.default_action',
    );
  });

  it('reports an update that lowers the minimum TLS version as a failure the plan brings in', () => {
    const finding = findingOf(scan, 'azure.storage.minimum-tls', 'azurerm_storage_account.legacy');
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('introduced');
  });

  it('leaves a location known only after apply unknown, never assumed', () => {
    expect(resourceOf(scan, 'azurerm_storage_account.logs').region).toBe(UNKNOWN_REGION);
    expect(findingOf(scan, 'common.location.data-in-japan', 'azurerm_storage_account.logs').status).toBe(
      'UNKNOWN',
    );
    expect(findingOf(scan, 'common.location.data-in-japan', 'azurerm_managed_disk.data').status).toBe('PASS');
    // The key lives in its vault's region.
    expect(resourceOf(scan, 'azurerm_key_vault_key.cmk').region).toBe('japaneast');
  });

  it('links a diagnostic setting to the vault it targets by reference', () => {
    const setting = resourceOf(scan, 'azurerm_monitor_diagnostic_setting.kv');
    const facts = setting.facts as {
      targetResourceId?: { value?: string };
      destinations?: { value?: string[] };
    };
    expect(facts.targetResourceId?.value).toBe('azurerm_key_vault.main');
    expect(facts.destinations?.value).toEqual(['azurerm_log_analytics_workspace.main']);
  });

  it('evaluates the other azurerm types with the export checks', () => {
    expect(findingOf(scan, 'azure.keyvault.recoverable', 'azurerm_key_vault.main').status).toBe('FAIL');
    expect(findingOf(scan, 'azure.keyvault.key-rotation', 'azurerm_key_vault_key.cmk').status).toBe('PASS');
    expect(findingOf(scan, 'azure.database.public-network-access', 'azurerm_mssql_server.main').status).toBe(
      'FAIL',
    );
    // A new server without an extended auditing policy has auditing off.
    const audit = findingOf(scan, 'azure.sql.auditing', 'azurerm_mssql_server.main');
    expect(audit.status).toBe('FAIL');
    expect(audit.evidence.map((e) => e.path)).toContain(
      'azurerm_mssql_server.main (no azurerm_mssql_server_extended_auditing_policy)',
    );
    expect(findingOf(scan, 'azure.aks.api-server-access', 'azurerm_kubernetes_cluster.main').status).toBe(
      'FAIL',
    );
    expect(
      findingOf(scan, 'azure.compute.vm-encryption-at-host', 'azurerm_linux_virtual_machine.app').status,
    ).toBe('FAIL');
  });

  it('takes the subscription from the provider block', () => {
    expect(new Set(scan.resources.map((r) => r.account))).toEqual(
      new Set(['11111111-2222-3333-4444-555555555555']),
    );
  });

  it('never prints a sensitive value', () => {
    const text = JSON.stringify([scan.findings, scan.resources]);
    expect(text).not.toContain('example-not-a-secret');
    expect(text).not.toContain('example-not-a-key');
  });
});
