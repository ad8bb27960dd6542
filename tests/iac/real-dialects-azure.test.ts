import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * azurerm 2.x plans where the provider fills in what the configuration leaves out (SOURCES.md,
 * "Dialects of public plans"): the plan tells the setting, though not in so many words.
 */

const providers = { azurerm: { features: constant([{}]) } };

describe('azurerm 2.x storage account network rules without ip_rules', () => {
  // Modelled on fugue/regula `rego/tests/rules/tf/azurerm/storage/inputs/account_deny_access_infra.json`
  // and `account_microsoft_services_infra.json` (format 0.1, Terraform 0.13.5): a `network_rules`
  // block with only `default_action = "Deny"` (and `bypass`), its Optional+Computed `ip_rules`
  // and `virtual_network_subnet_ids` in `after_unknown`.
  const account = (name: string, networkRules: Json, rulesUnknown: Json, expressions: Json): Change => ({
    address: `azurerm_storage_account.${name}`,
    after: {
      name,
      location: 'japaneast',
      account_tier: 'Standard',
      account_replication_type: 'LRS',
      allow_blob_public_access: false,
      enable_https_traffic_only: true,
      min_tls_version: 'TLS1_2',
      network_rules: [networkRules],
    },
    afterUnknown: { id: true, network_rules: [rulesUnknown] },
    expressions: { name: constant(name), network_rules: [expressions] },
  });
  const document = plan(
    [
      account(
        'deny_only',
        { default_action: 'Deny', bypass: ['AzureServices'] },
        { bypass: [false], ip_rules: true, virtual_network_subnet_ids: true },
        { default_action: constant('Deny'), bypass: constant(['AzureServices']) },
      ),
      // `ip_rules = var.allowed` with no value the plan can show: the rules are unknown.
      account(
        'ip_rules_from_variable',
        { default_action: 'Deny' },
        { ip_rules: true, virtual_network_subnet_ids: true },
        { default_action: constant('Deny'), ip_rules: ref('azurerm_public_ip.office.ip_address') },
      ),
    ],
    { formatVersion: '0.1', terraformVersion: '0.13.5', providers },
  );

  it('reads a Deny block that leaves ip_rules out as allowing no address (the provider’s empty set)', async () => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'common.classification.closed-network', 'azurerm_storage_account.deny_only').status,
    ).toBe('PASS');
  });

  it('leaves ip_rules the configuration sets but the plan cannot show unknown', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(
      scanned,
      'common.classification.closed-network',
      'azurerm_storage_account.ip_rules_from_variable',
    );
    expect(finding.status).toBe('UNKNOWN');
  });
});

describe('azurerm 2.x azurerm_sql_server (no public_network_access_enabled)', () => {
  // Modelled on fugue/regula `rego/tests/rules/tf/azurerm/sql/inputs/firewall_no_inbound_all_infra.json`
  // (format 0.1, Terraform 0.13.5): `azurerm_sql_server` of azurerm 2.x has no
  // `public_network_access_enabled`, so its `after` leaves the key out; the API's default is Enabled.
  const server = (name: string, actions: string[], before: Json | null): Change => ({
    address: `azurerm_sql_server.${name}`,
    actions,
    before,
    after: {
      name,
      location: 'japaneast',
      version: '12.0',
      administrator_login: 'sqladmin',
      connection_policy: 'Default',
      identity: [],
      tags: null,
    },
    afterUnknown: { id: true, fully_qualified_domain_name: true, extended_auditing_policy: true },
  });
  const document = plan(
    [
      server('created', ['create'], null),
      // An existing server: the setting may have been changed outside Terraform.
      server('existing', ['update'], {
        name: 'existing',
        location: 'japaneast',
        version: '12.0',
        tags: { a: 'b' },
      }),
    ],
    { formatVersion: '0.1', terraformVersion: '0.13.5', providers },
  );

  it('fails public network access of a new server: the API enables it', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, 'azure.database.public-network-access', 'azurerm_sql_server.created');
    expect(finding.status).toBe('FAIL');
    const facts = resourceOf(scanned, 'azurerm_sql_server.created').facts as Record<
      string,
      { value?: unknown; source?: string; path?: string }
    >;
    expect(facts.publicNetworkAccess).toMatchObject({
      value: 'Enabled',
      source: 'default',
      path: 'azurerm_sql_server.created.public_network_access_enabled',
    });
  });

  it('leaves an existing server’s setting unknown', async () => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'azure.database.public-network-access', 'azurerm_sql_server.existing').status,
    ).toBe('UNKNOWN');
  });
});
