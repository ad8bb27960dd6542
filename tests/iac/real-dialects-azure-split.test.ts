import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * azurerm settings a plan holds in a second resource, or in a block the provider computes beside
 * its new spelling (SOURCES.md, "The fifth sweep").
 */

const providers = { azurerm: { features: constant([{}]) } };

describe('azurerm 2.x azurerm_sql_server audited by azurerm_mssql_server_extended_auditing_policy', () => {
  // The split policy takes any logical server's id: `server_id = azurerm_sql_server.x.id` in
  // policy tools' tests of SQL auditing. azurerm 2.x's `azurerm_sql_server` has the inline
  // `extended_auditing_policy` Optional+Computed (unknown in the plan when left out).
  const server = (name: string): Change => ({
    address: `azurerm_sql_server.${name}`,
    after: {
      name,
      location: 'japaneast',
      resource_group_name: 'rg',
      version: '12.0',
      administrator_login: 'sqladmin',
      tags: null,
      timeouts: null,
    },
    afterUnknown: {
      id: true,
      fully_qualified_domain_name: true,
      extended_auditing_policy: true,
      identity: true,
      threat_detection_policy: true,
    },
    expressions: { name: constant(name), version: constant('12.0') },
  });
  const document = plan(
    [
      server('audited'),
      {
        address: 'azurerm_mssql_server_extended_auditing_policy.audited',
        after: { retention_in_days: 90, storage_account_access_key_is_secondary: false, timeouts: null },
        afterUnknown: { id: true, server_id: true, storage_endpoint: true, storage_account_access_key: true },
        expressions: {
          server_id: ref('azurerm_sql_server.audited.id', 'azurerm_sql_server.audited'),
          storage_endpoint: ref(
            'azurerm_storage_account.logs.primary_blob_endpoint',
            'azurerm_storage_account.logs',
          ),
          retention_in_days: constant(90),
        },
      },
      server('unaudited'),
    ],
    { formatVersion: '0.2', terraformVersion: '0.15.5', providers },
  );

  it('passes the server the policy names (2.x: no `enabled`, the policy turns auditing on)', async () => {
    const scanned = await scanDocument(document);
    const finding = findingOf(scanned, 'azure.sql.auditing', 'azurerm_sql_server.audited');
    expect(finding.status).toBe('PASS');
    expect(finding.evidence[0]?.path).toBe('azurerm_mssql_server_extended_auditing_policy.audited');
  });

  it('still fails a new server no policy names', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'azure.sql.auditing', 'azurerm_sql_server.unaudited').status).toBe('FAIL');
  });
});

describe('azurerm 3.x diagnostic settings written with enabled_log', () => {
  // azurerm 3.39 (hashicorp/terraform-provider-azurerm#19504) deprecated `log` for `enabled_log`
  // and made `log` Optional+Computed, so a plan of a new setting that writes only `enabled_log`
  // has `log` known after apply (the categories read back), beside `metric`.
  const vault: Change = {
    address: 'azurerm_key_vault.app',
    after: {
      name: 'kv-app',
      location: 'japaneast',
      resource_group_name: 'rg',
      sku_name: 'standard',
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      tenant_id: '00000000-0000-0000-0000-000000000000',
    },
    afterUnknown: { id: true, vault_uri: true, access_policy: true, network_acls: true },
    expressions: { name: constant('kv-app') },
  };
  const workspace: Change = {
    address: 'azurerm_log_analytics_workspace.central',
    after: {
      name: 'law-central',
      location: 'japaneast',
      resource_group_name: 'rg',
      sku: 'PerGB2018',
      retention_in_days: 365,
    },
    afterUnknown: { id: true, workspace_id: true, primary_shared_key: true, secondary_shared_key: true },
    expressions: { name: constant('law-central'), retention_in_days: constant(365) },
  };
  const setting = (enabledLog: boolean): Change => ({
    address: 'azurerm_monitor_diagnostic_setting.app',
    after: {
      name: 'diag-app',
      eventhub_authorization_rule_id: null,
      eventhub_name: null,
      partner_solution_id: null,
      storage_account_id: null,
      ...(enabledLog && {
        enabled_log: [{ category: 'AuditEvent', category_group: '', retention_policy: [] }],
      }),
    },
    afterUnknown: {
      id: true,
      log: true,
      metric: true,
      log_analytics_destination_type: true,
      log_analytics_workspace_id: true,
      target_resource_id: true,
      ...(enabledLog && { enabled_log: [{ retention_policy: [] }] }),
    },
    expressions: {
      target_resource_id: ref('azurerm_key_vault.app.id', 'azurerm_key_vault.app'),
      log_analytics_workspace_id: ref(
        'azurerm_log_analytics_workspace.central.id',
        'azurerm_log_analytics_workspace.central',
      ),
      ...(enabledLog && { enabled_log: [{ category: constant('AuditEvent') }] }),
    },
  });
  const planOf = (enabledLog: boolean) =>
    plan([vault, workspace, setting(enabledLog)], { terraformVersion: '1.5.7', providers });

  it('reads the enabled_log categories, not the computed log, and passes the vault', async () => {
    const scanned = await scanDocument(planOf(true));
    const finding = findingOf(scanned, 'azure.monitor.resource-logs', 'azurerm_key_vault.app');
    expect(finding.status).toBe('PASS');
    expect(
      finding.evidence.some((e) => e.path === 'azurerm_monitor_diagnostic_setting.app.enabled_log'),
    ).toBe(true);
  });

  it('leaves a setting whose only logs are known after apply (a dynamic log block) unknown', async () => {
    const scanned = await scanDocument(planOf(false));
    expect(findingOf(scanned, 'azure.monitor.resource-logs', 'azurerm_key_vault.app').status).toBe('UNKNOWN');
  });

  // The other way round: a configuration that still writes the deprecated `log` blocks has
  // `enabled_log` (Optional+Computed in 3.x, ExactlyOneOf with `log`) known after apply, read back
  // as the enabled ones of those blocks.
  const subscription = '/subscriptions/3c5e7a9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d';
  const activity = (security: boolean): Change => ({
    address: 'azurerm_monitor_diagnostic_setting.activity',
    after: {
      name: 'activity',
      target_resource_id: subscription,
      storage_account_id: `${subscription}/resourceGroups/logs/providers/Microsoft.Storage/storageAccounts/activity`,
      eventhub_authorization_rule_id: null,
      eventhub_name: null,
      log_analytics_workspace_id: null,
      partner_solution_id: null,
      log: ['Administrative', 'Security', 'Policy'].map((category) => ({
        category,
        category_group: null,
        enabled: category !== 'Security' || security,
        retention_policy: [{ days: 0, enabled: false }],
      })),
    },
    afterUnknown: { id: true, enabled_log: true, metric: true, log_analytics_destination_type: true },
    expressions: {
      target_resource_id: constant(subscription),
      log: ['Administrative', 'Security', 'Policy'].map((category) => ({
        category: constant(category),
        enabled: constant(category !== 'Security' || security),
      })),
    },
  });

  it('reads the log blocks of a setting whose enabled_log is computed from them', async () => {
    for (const [security, status] of [
      [true, 'PASS'],
      [false, 'FAIL'],
    ] as const) {
      const scanned = await scanDocument(
        plan([activity(security)], { terraformVersion: '1.5.7', providers }),
      );
      const finding = findingOf(scanned, 'azure.monitor.activity-log-exported', subscription);
      expect(finding.status, `Security enabled ${security}`).toBe(status);
    }
  });
});

describe('App Service deployment slots', () => {
  // azurerm 3.x/4.x `azurerm_linux_web_app_slot` (`app_service_id`, no `location`: the slot lives
  // with its app) and 2.x `azurerm_app_service_slot` (`app_service_name`, `location`, `site_config`
  // Optional+Computed with `min_tls_version` "1.2 for new" apps), per the azurerm docs of each: a
  // slot is an app of its own, `Microsoft.Web/sites/slots`, with its own TLS and FTPS settings.
  const app: Change = {
    address: 'azurerm_linux_web_app.shop',
    after: {
      name: 'shop',
      location: 'japaneast',
      resource_group_name: 'rg',
      https_only: true,
      public_network_access_enabled: true,
      site_config: [{ minimum_tls_version: '1.2', ftps_state: 'Disabled', always_on: true }],
    },
    afterUnknown: { id: true, service_plan_id: true, default_hostname: true, site_config: [{}] },
    expressions: { name: constant('shop'), https_only: constant(true) },
  };
  const slot3: Change = {
    address: 'azurerm_linux_web_app_slot.staging',
    after: {
      name: 'staging',
      https_only: false,
      public_network_access_enabled: true,
      site_config: [{ minimum_tls_version: '1.0', ftps_state: 'AllAllowed', always_on: true }],
    },
    afterUnknown: { id: true, app_service_id: true, default_hostname: true, site_config: [{}] },
    expressions: {
      name: constant('staging'),
      app_service_id: ref('azurerm_linux_web_app.shop.id', 'azurerm_linux_web_app.shop'),
      https_only: constant(false),
      site_config: [{ minimum_tls_version: constant('1.0'), ftps_state: constant('AllAllowed') }],
    },
  };
  const slot2: Change = {
    address: 'azurerm_app_service_slot.blue',
    after: {
      name: 'blue',
      location: 'japaneast',
      resource_group_name: 'rg',
      app_service_name: 'legacy',
      https_only: true,
    },
    afterUnknown: { id: true, app_service_plan_id: true, default_site_hostname: true, site_config: true },
    expressions: { name: constant('blue'), https_only: constant(true) },
  };

  it('judges a 3.x slot by its own settings, in its app’s location', async () => {
    const scanned = await scanDocument(plan([app, slot3, slot2], { terraformVersion: '1.5.7', providers }));
    expect(findingOf(scanned, 'azure.appservice.tls-only', 'azurerm_linux_web_app.shop').status).toBe('PASS');
    const finding = findingOf(scanned, 'azure.appservice.tls-only', 'azurerm_linux_web_app_slot.staging');
    expect(finding.status).toBe('FAIL');
    expect(finding.evidence.map((e) => e.path)).toContain('azurerm_linux_web_app_slot.staging.https_only');
    expect(resourceOf(scanned, 'azurerm_linux_web_app_slot.staging').region).toBe('japaneast');
  });

  it('gives a new 2.x slot that leaves site_config out the provider’s TLS 1.2, and FTPS unknown', async () => {
    const scanned = await scanDocument(
      plan([slot2], { formatVersion: '0.1', terraformVersion: '0.13.5', providers }),
    );
    expect(resourceOf(scanned, 'azurerm_app_service_slot.blue').kansaType).toBe(
      resourceOf(await scanDocument(plan([app], { providers })), 'azurerm_linux_web_app.shop').kansaType,
    );
    expect(findingOf(scanned, 'azure.appservice.tls-only', 'azurerm_app_service_slot.blue').status).toBe(
      'UNKNOWN',
    );
  });
});

describe('flexible server parameters', () => {
  // The azurerm docs of `postgresql_flexible_server_configuration` (`name`, `server_id`, `value`)
  // and `mysql_flexible_server_configuration` (`name`, `resource_group_name`, `server_name`,
  // `value`); Microsoft's defaults for a new server: require_secure_transport ON, TLS 1.2 at least.
  const server = (type: string, name: string): Change => ({
    address: `${type}.${name}`,
    after: {
      name,
      location: 'japaneast',
      resource_group_name: 'rg',
      version: '16',
      sku_name: 'B_Standard_B1ms',
    },
    afterUnknown: { id: true, fqdn: true, zone: true, public_network_access_enabled: true },
    expressions: { name: constant(name) },
  });
  const parameter = (type: string, name: string, key: string, value: string | null, link: Json): Change => ({
    address: `${type}.${name}`,
    after: { name: key, value },
    afterUnknown: { id: true, server_id: true, ...(value === null && { value: true }) },
    expressions: { name: constant(key), ...link },
  });
  const PG = 'azurerm_postgresql_flexible_server';
  const MY = 'azurerm_mysql_flexible_server';
  const byId = (name: string) => ({ server_id: ref(`${PG}.${name}.id`, `${PG}.${name}`) });
  const byName = (name: string) => ({ server_name: ref(`${MY}.${name}.name`, `${MY}.${name}`) });
  const document = plan(
    [
      server(PG, 'defaults'),
      server(PG, 'plain_text'),
      parameter(`${PG}_configuration`, 'plain_text', 'require_secure_transport', 'off', byId('plain_text')),
      server(PG, 'pending'),
      parameter(`${PG}_configuration`, 'pending', 'ssl_min_protocol_version', null, byId('pending')),
      server(MY, 'old_tls'),
      parameter(`${MY}_configuration`, 'old_tls', 'tls_version', 'TLSv1.1,TLSv1.2', byName('old_tls')),
    ],
    { terraformVersion: '1.9.8', providers },
  );
  const CHECK = 'azure.database.minimum-tls';

  it('reads the parameters a plan writes', async () => {
    const scanned = await scanDocument(document);
    const plain = findingOf(scanned, CHECK, `${PG}.plain_text`);
    expect(plain.status).toBe('FAIL');
    expect(plain.evidence[0]?.path).toBe(`${PG}_configuration.plain_text.value`);
    expect(findingOf(scanned, CHECK, `${MY}.old_tls`).status).toBe('FAIL');
    expect(findingOf(scanned, CHECK, `${PG}.pending`).status).toBe('UNKNOWN');
  });

  it('gives a new server Azure’s defaults for the parameters it leaves out', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, CHECK, `${PG}.defaults`).status).toBe('PASS');
  });

  it('leaves an existing server’s parameters unknown', async () => {
    const existing = { ...server(PG, 'existing'), actions: ['update'], before: server(PG, 'existing').after };
    const scanned = await scanDocument(plan([existing], { providers }));
    expect(findingOf(scanned, CHECK, `${PG}.existing`).status).toBe('UNKNOWN');
  });
});
