import { expect } from 'vitest';
import { jsonFile } from '../../../helpers/exports.ts';
import type { AnyCase } from '../../../helpers/rule-tester.ts';
import { keyVaultRow, row, SUBSCRIPTION } from '../arg-rows.ts';
import { keyList } from './key.ts';

/** ARM's list body of kv1's keys, in a file of the given name. */
const keyListNamed = (name: string) => ({ ...keyList({ attributes: {} }), name });

/** A vault as Resource Graph holds it: without its keys (data-plane objects). */
const vault = () => keyVaultRow('kv1', { enableSoftDelete: true, enablePurgeProtection: true });

/** A managed HSM as Resource Graph holds it: its keys are the HSM's data plane too. */
const managedHsm = () =>
  row('Microsoft.KeyVault', 'managedHSMs', 'managedHSMs/hsm1', {
    properties: { enableSoftDelete: true, enablePurgeProtection: true },
  });

/** `az keyvault key list --vault-name kv1`: the data plane's keys, naming the vault by its host. */
const dataPlaneKey = {
  attributes: { enabled: true, expires: null, recoveryLevel: 'Recoverable' },
  kid: 'https://kv1.vault.azure.net/keys/k1',
  managed: null,
  name: 'k1',
  tags: {},
};

/** Get-AzKeyVaultKey's PSKeyVaultKeyIdentityItem, piped to ConvertTo-Json. */
const powerShellKey = (version: string | null) => ({
  Enabled: true,
  Expires: null,
  NotBefore: null,
  Created: '2025-07-01T02:03:04Z',
  Updated: '2025-07-01T02:03:04Z',
  RecoveryLevel: 'Recoverable',
  Tags: {},
  TagsTable: null,
  IsHsm: false,
  VaultName: 'kv1',
  Name: 'k1',
  Version: version,
  Id: `https://kv1.vault.azure.net:443/keys/k1${version ? `/${version}` : ''}`,
});

/**
 * `steampipe query --output json --timing "select * from azure_key_vault_key …"`: one key of kv1,
 * with the scan's quals (a WHERE on the key's name is the table's Get: one key, no listing).
 */
const steampipeKey = (quals: object[]) => {
  const id = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-kansa/providers/Microsoft.KeyVault/vaults/kv1/keys/k1`;
  const key = {
    name: 'k1',
    id,
    vault_name: 'kv1',
    enabled: true,
    key_type: 'RSA',
    expires_at: null,
    key_size: 2048,
    rotation_policy: null,
    region: 'japaneast',
    resource_group: 'rg-kansa',
    subscription_id: SUBSCRIPTION,
    tags: null,
    title: 'k1',
    akas: [id.toLowerCase()],
  };
  return jsonFile(
    {
      columns: Object.keys(key).map((name) => ({ name, data_type: 'text' })),
      rows: [key],
      metadata: {
        scans: [{ connection: 'azure', table: 'azure_key_vault_key', rows_fetched: 1, quals }],
        rows_returned: 1,
      },
    },
    'steampipe-keys.json',
  );
};

/** The key checks' verdicts on the vault itself: whether its keys are in the input to be judged. */
export const vaultCases: AnyCase[] = [
  {
    name: 'a vault whose keys were not listed (Resource Graph alone)',
    records: [vault()],
    target: 'kv1',
    status: 'UNKNOWN',
    messageId: 'keysNotListed',
    message: { en: 'az keyvault key list --vault-name', ja: 'Get-AzKeyVaultKey' },
  },
  {
    name: 'a vault beside ARM’s list body of its keys',
    records: [vault(), keyList({ attributes: {} })],
    target: 'kv1',
    status: 'NOT_APPLICABLE',
    messageId: 'keysListed',
    evidence: [{ path: expect.stringMatching(/keys\.json: value$/), value: true }],
  },
  {
    name: 'a vault beside az keyvault key list (the keys under the placeholder vault of its name)',
    records: [vault(), jsonFile([dataPlaneKey], 'keyvault-key-list.json')],
    target: 'kv1',
    status: 'NOT_APPLICABLE',
    messageId: 'keysListed',
    evidence: [{ path: expect.stringMatching(/keyvault-key-list\.json$/), value: true }],
  },
  {
    name: 'a vault beside az keyvault key show of one key: not a listing',
    records: [
      vault(),
      jsonFile({ ...dataPlaneKey, key: { kid: dataPlaneKey.kid, kty: 'RSA' } }, 'key-show.json'),
    ],
    target: 'kv1',
    status: 'UNKNOWN',
    messageId: 'keysNotListed',
  },
  {
    name: 'a vault beside a page of its keys that has a next one',
    records: [
      vault(),
      jsonFile(
        { value: [dataPlaneKey], nextLink: 'https://kv1.vault.azure.net/keys?$skiptoken=abc' },
        'keys-page.json',
      ),
    ],
    target: 'kv1',
    status: 'UNKNOWN',
    messageId: 'keysNotListed',
  },
  {
    name: 'a vault of a subscription whose vaults’ keys were listed (--save-inventory), with none',
    records: [vault(), jsonFile({ value: [] }, `keyvault-keys-${SUBSCRIPTION}.json`)],
    target: 'kv1',
    status: 'NOT_APPLICABLE',
    messageId: 'keysListed',
    evidence: [{ path: expect.stringMatching(/keyvault-keys-[0-9a-f-]+\.json: value$/), value: true }],
  },
  {
    name: 'a managed HSM of that subscription: its keys are not in the vaults’ listing',
    records: [managedHsm(), jsonFile({ value: [] }, `keyvault-keys-${SUBSCRIPTION}.json`)],
    target: 'hsm1',
    status: 'UNKNOWN',
    messageId: 'keysNotListed',
  },
  {
    // A live scan lists a managed HSM's keys through ARM (ManagedHsmKeys_List) and saves them apart.
    name: 'a managed HSM of a subscription whose HSMs’ keys were listed (--save-inventory), with none',
    records: [managedHsm(), jsonFile({ value: [] }, `managed-hsm-keys-${SUBSCRIPTION}.json`)],
    target: 'hsm1',
    status: 'NOT_APPLICABLE',
    messageId: 'keysListed',
    evidence: [{ path: expect.stringMatching(/managed-hsm-keys-[0-9a-f-]+\.json: value$/), value: true }],
  },
  {
    name: 'a vault of that subscription: its keys are not in the HSMs’ listing',
    records: [vault(), jsonFile({ value: [] }, `managed-hsm-keys-${SUBSCRIPTION}.json`)],
    target: 'kv1',
    status: 'UNKNOWN',
    messageId: 'keysNotListed',
  },
  {
    name: 'a vault whose keys a live scan saved as read in part (-incomplete-)',
    records: [vault(), keyListNamed(`keyvault-keys-incomplete-${SUBSCRIPTION}.json`)],
    target: 'kv1',
    status: 'UNKNOWN',
    messageId: 'keysNotListed',
  },
  {
    name: 'a vault beside Get-AzKeyVaultKey -VaultName (identity items, Version null)',
    records: [vault(), jsonFile([powerShellKey(null)], 'Get-AzKeyVaultKey.json')],
    target: 'kv1',
    status: 'NOT_APPLICABLE',
    messageId: 'keysListed',
  },
  {
    name: 'a vault beside Get-AzKeyVaultKey -Name -IncludeVersions (one key’s versions): not a listing',
    records: [
      vault(),
      jsonFile([powerShellKey('4b7e1f0c2d3a4e5f8091a2b3c4d5e6f7')], 'Get-AzKeyVaultKey.json'),
    ],
    target: 'kv1',
    status: 'UNKNOWN',
    messageId: 'keysNotListed',
  },
  {
    name: 'a vault beside a Steampipe query of azure_key_vault_key (the plugin lists each vault’s keys whole)',
    records: [vault(), steampipeKey([])],
    target: 'kv1',
    status: 'NOT_APPLICABLE',
    messageId: 'keysListed',
    evidence: [{ path: 'azure_key_vault_key', value: true }],
  },
  {
    name: 'a vault beside a Steampipe query of one of its keys by name (picked): not a listing',
    records: [
      vault(),
      steampipeKey([
        { column: 'vault_name', operator: '=', value: 'kv1' },
        { column: 'name', operator: '=', value: 'k1' },
      ]),
    ],
    target: 'kv1',
    status: 'UNKNOWN',
    messageId: 'keysNotListed',
  },
  {
    name: 'another vault’s keys listed: this one’s are not',
    records: [
      keyVaultRow('kv2', { enableSoftDelete: true }),
      jsonFile([dataPlaneKey], 'keyvault-key-list.json'),
    ],
    target: 'kv2',
    status: 'UNKNOWN',
    messageId: 'keysNotListed',
  },
];
