import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlanOrigin } from '../../src/model/resource.ts';
import { bucketV3, type Change, constant, plan, ref } from './dialect-plan.ts';
import { FIXTURES, findingOf, scanDocument, scanFile } from './helpers.ts';

/**
 * A finding on a resource of a Terraform plan says what the plan does not show, never what
 * "the export" lacks nor which export to add: the plan is the input, and an export's records
 * are not its resources.
 */

/** "The export", the input file: not a cloud feature of that name (RDS log exports, 「ログのエクスポート設定」). */
const NAMES_EXPORT = {
  en: /\b(?:the|this) export\b(?![’']s)|add the output of/i,
  ja: /エクスポート(?:に|から)|出力を追加/,
};

describe('the wording of findings on a plan’s resources', () => {
  it.each(['aws', 'azure', 'gcp'])('names no export in %s messages or evidence notes', async (cloud) => {
    const scanned = await scanFile(path.join(FIXTURES, cloud, 'plan.json'));
    // The plan's resources, and the account that only they name.
    const fromPlan = scanned.findings.filter((f) => isPlanOrigin(f.resource.origin));
    expect(fromPlan.length).toBeGreaterThan(10);
    const named: string[] = [];
    for (const finding of fromPlan) {
      const notes = finding.evidence.flatMap((fact) => ('note' in fact && fact.note ? [fact.note] : []));
      for (const text of [finding.message, ...notes]) {
        for (const lang of ['en', 'ja'] as const) {
          if (NAMES_EXPORT[lang].test(text[lang]))
            named.push(`${finding.checkId} ${finding.resource.id}: ${text[lang]}`);
        }
      }
    }
    expect(named).toEqual([]);
  });

  it('speaks of the plan for the account only the plan’s resources name', async () => {
    const scanned = await scanFile(path.join(FIXTURES, 'aws', 'plan.json'));
    const finding = findingOf(scanned, 'aws.iam.root-mfa', 'arn:aws:iam::123456789012:root');
    expect(finding.resource.origin.iac).toBeUndefined();
    expect(finding).toMatchObject({ status: 'UNKNOWN', messageId: 'noReport.plan' });
  });

  it('gives an UNKNOWN that would ask for an export the plan’s own advice', async () => {
    const scanned = await scanFile(path.join(FIXTURES, 'azure', 'plan.json'));
    // An existing account: its diagnostic settings may have been made outside the configuration.
    const finding = findingOf(scanned, 'azure.monitor.resource-logs', 'azurerm_storage_account.legacy');
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.messageId).toBe('notExported.plan');
    expect(finding.message.en).toMatch(
      /^The Terraform plan does not show the resource's diagnostic settings/,
    );
    expect(finding.message.ja).toMatch(/^Terraform の計画にこのリソースの診断設定はありません/);
  });
});

describe('a KMS key the plan does not hold', () => {
  it('is judged on the cloud’s inventory, not asked of an export', async () => {
    // Provider v3's inline rule naming an existing key by ARN (regula's bucket_sse input).
    const key = 'arn:aws:kms:ap-northeast-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
    const bucket = bucketV3('records', {
      server_side_encryption_configuration: [
        {
          rule: [
            {
              apply_server_side_encryption_by_default: [{ kms_master_key_id: key, sse_algorithm: 'aws:kms' }],
            },
          ],
        },
      ],
    });
    const scanned = await scanDocument(plan([bucket]));
    const finding = findingOf(scanned, 'aws.s3.bucket-cmk-encryption', 'aws_s3_bucket.records');
    expect(finding.status).toBe('UNKNOWN');
    const notes = finding.evidence.flatMap((fact) => ('note' in fact && fact.note ? [fact.note] : []));
    expect(notes.map((note) => note.en)).toContain(
      "the KMS key is not in the Terraform plan (a key its configuration does not manage: judge it on the cloud's inventory)",
    );
    // The key is named once, by the bucket's own evidence beside the note.
    expect(finding.evidence.some((fact) => 'value' in fact && fact.value === key)).toBe(true);
    expect(notes.some((note) => NAMES_EXPORT.en.test(note.en) || NAMES_EXPORT.ja.test(note.ja))).toBe(false);
  });
});

describe('diagnostic settings of a plan’s Azure resources', () => {
  // Modelled on an azurerm 3.x plan (format 1.2): a Key Vault and a storage account created
  // together, one azurerm_monitor_diagnostic_setting naming the vault through
  // `target_resource_id = azurerm_key_vault.x.id` (known after apply).
  const providers = { azurerm: { features: constant([{}]) } };
  const vault = (name: string, actions: string[] = ['create']): Change => ({
    address: `azurerm_key_vault.${name}`,
    actions,
    before: actions.includes('create') ? null : { name, location: 'japaneast' },
    after: {
      name,
      location: 'japaneast',
      sku_name: 'standard',
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
    },
    afterUnknown: { id: true, network_acls: true },
    expressions: { name: constant(name) },
  });
  const setting = (name: string, target: unknown): Change => ({
    address: `azurerm_monitor_diagnostic_setting.${name}`,
    after: { name, enabled_log: [{ category: 'AuditEvent', category_group: null }], metric: [] },
    afterUnknown: { id: true, target_resource_id: true, log_analytics_workspace_id: true },
    expressions: {
      name: constant(name),
      target_resource_id: target,
      log_analytics_workspace_id: ref(
        'azurerm_log_analytics_workspace.main.id',
        'azurerm_log_analytics_workspace.main',
      ),
    },
  });

  it('fails a new resource no setting of the plan targets, and passes the one a setting targets', async () => {
    const scanned = await scanDocument(
      plan(
        [
          vault('audited'),
          vault('forgotten'),
          {
            address: 'azurerm_log_analytics_workspace.main',
            after: { name: 'law', location: 'japaneast', sku: 'PerGB2018' },
            afterUnknown: { id: true },
          },
          setting('audit', ref('azurerm_key_vault.audited.id', 'azurerm_key_vault.audited')),
        ],
        { providers },
      ),
    );
    expect(findingOf(scanned, 'azure.monitor.resource-logs', 'azurerm_key_vault.audited').status).toBe(
      'PASS',
    );
    const forgotten = findingOf(scanned, 'azure.monitor.resource-logs', 'azurerm_key_vault.forgotten');
    expect(forgotten.status).toBe('FAIL');
    expect(forgotten.messageId).toBe('noSetting');
  });

  it('fails a new resource in a plan that has no diagnostic setting at all (a new resource has none)', async () => {
    const scanned = await scanDocument(plan([vault('alone')], { providers }));
    expect(findingOf(scanned, 'azure.monitor.resource-logs', 'azurerm_key_vault.alone').status).toBe('FAIL');
  });

  it('leaves an existing resource unknown: its settings may be made outside the configuration', async () => {
    const scanned = await scanDocument(
      plan(
        [
          vault('existing', ['update']),
          vault('other'),
          setting('audit', ref('azurerm_key_vault.other.id', 'azurerm_key_vault.other')),
        ],
        { providers },
      ),
    );
    const finding = findingOf(scanned, 'azure.monitor.resource-logs', 'azurerm_key_vault.existing');
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.messageId).toBe('notExported.plan');
  });

  it('leaves a new resource unknown when a setting of the plan targets what the plan cannot name', async () => {
    // `target_resource_id = local.vault_id`: the configuration JSON lists only the local.
    const scanned = await scanDocument(
      plan([vault('maybe'), setting('audit', ref('local.vault_id'))], { providers }),
    );
    const finding = findingOf(scanned, 'azure.monitor.resource-logs', 'azurerm_key_vault.maybe');
    expect(finding.status).toBe('UNKNOWN');
    expect(finding.evidence[0]).toMatchObject({
      path: 'azurerm_monitor_diagnostic_setting.audit.target_resource_id',
    });
  });
});
