import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * bridgecrewio/terragoat `terraform/azure/storage.tf` (tests/corpus/SOURCES.md): a storage account
 * whose `azurerm_storage_account_network_rules` deny by default and allow `ip_rules =
 * ["127.0.0.1"]`, the loopback address, which no client on the internet has. A firewall that
 * admits only private, loopback or link-local addresses keeps the internet out; one public
 * address (or a documentation address standing for one) lets it in.
 */

const providers = { azurerm: { features: constant([{}]) } };

const account = (name: string): Change => ({
  address: `azurerm_storage_account.${name}`,
  after: {
    location: 'japaneast',
    account_tier: 'Standard',
    account_replication_type: 'GRS',
    allow_blob_public_access: false,
    enable_https_traffic_only: true,
    min_tls_version: 'TLS1_0',
  },
  afterUnknown: { id: true, name: true, network_rules: true },
  expressions: { account_tier: constant('Standard') },
});

const networkRules = (name: string, ipRules: string[]): Change => ({
  address: `azurerm_storage_account_network_rules.${name}`,
  after: {
    default_action: 'Deny',
    bypass: ['Metrics'],
    ip_rules: ipRules,
    resource_group_name: 'terragoat-dev',
  },
  afterUnknown: {
    id: true,
    storage_account_name: true,
    ip_rules: ipRules.map(() => false),
    virtual_network_subnet_ids: true,
  },
  expressions: {
    storage_account_name: ref(`azurerm_storage_account.${name}.name`, `azurerm_storage_account.${name}`),
    default_action: constant('Deny'),
    ip_rules: constant(ipRules),
    bypass: constant(['Metrics']),
  },
});

const cases: [string, string[], string][] = [
  ['loopback', ['127.0.0.1'], 'PASS'],
  ['private', ['10.0.17.62', '192.168.10.0/24'], 'PASS'],
  ['loopback_and_office', ['127.0.0.1', '203.0.113.7'], 'FAIL'],
  ['public', ['8.8.8.0/24'], 'FAIL'],
];
const document: Json = plan(
  cases.flatMap(([name, ipRules]) => [account(name), networkRules(name, ipRules)]),
  { formatVersion: '1.0', terraformVersion: '1.1.9', providers },
);

describe('azurerm storage network rules allowing only addresses no internet client has', () => {
  it.each(cases)('%s %j → closed-network %s', async (name, _ipRules, status) => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'common.classification.closed-network', `azurerm_storage_account.${name}`).status,
    ).toBe(status);
  });
});
