import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { azureCassette } from '../../../src/sources/azure/cassette.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';

/**
 * Recorded Azure Resource Manager exchanges (azure-vcr-cassette). The Azure CLI's own test
 * recordings are vcrpy cassettes in YAML (`recordings/*.yaml`: `interactions`, each answer's
 * JSON as text in `response.body.string`, `status: {code, message}`), recording a resource as
 * the test makes it: created, updated, shown, listed, its group deleted at the end. The fixture
 * is the corpus file (tests/corpus/data/azure/cli-recordings/, its dialect in
 * tests/corpus/SOURCES.md).
 */
const RECORDING = path.resolve(
  import.meta.dirname,
  '../../corpus/data/azure/cli-recordings/test_storage_account_update_https.yaml',
);
const ACCOUNTS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/clitest.rg000001/providers/microsoft.storage/storageaccounts/';

describe('azure-vcr-cassette: the Azure CLI’s YAML recordings', () => {
  it('reads the YAML cassette end to end, each resource in the state its last answer gives', async () => {
    const resources: Resource[] = [];
    const coverage = await readInputFile(RECORDING, (resource) => resources.push(resource));
    expect(coverage.format).toBe('azure-vcr-cassette');
    const account = resources.find((r) => r.id === `${ACCOUNTS}clitest000002`);
    // Created with HTTPS only and TLS 1.0, then updated (PATCH) to allow HTTP and require TLS 1.2.
    expect(account?.facts).toMatchObject({
      httpsTrafficOnly: { source: 'explicit', value: false },
      minimumTlsVersion: { source: 'explicit', value: 'TLS1_2' },
    });
    expect(resources.filter((r) => r.id === `${ACCOUNTS}clitest000002`)).toHaveLength(1);
    expect(resources.map((r) => r.id)).toContain(`${ACCOUNTS}clitest000004`);
    expect(coverage.skipped.map((s) => s.reason.replace(/^interaction \d+: (\w+) .*: /, '$1: '))).toEqual([
      'PUT: the answer is not a resource or a list of resources',
      'POST: the answer is not a resource or a list of resources',
      'GET: answered HTTP 404',
      'DELETE: a deletion, not the state of a resource',
    ]);
    expect(coverage.notes?.map((n) => n.index)).toEqual([2, 4]);
  });
});

describe('azure-vcr-cassette: a resource answered more than once', () => {
  const account = (name: string, httpsOnly: boolean) => ({
    id: `/subscriptions/1b2c3d4e-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`,
    name,
    type: 'Microsoft.Storage/storageAccounts',
    location: 'japaneast',
    properties: { supportsHttpsTrafficOnly: httpsOnly },
  });
  const exchange = (method: string, uri: string, code: number, body: unknown) => ({
    request: { method, uri: `https://management.azure.com${uri}?api-version=2023-05-01` },
    response: { status: { code }, body: { data: body } },
  });
  const read = (interactions: unknown[]) => {
    const skipped: string[] = [];
    const notes: string[] = [];
    const resources = [
      ...azureCassette.read(
        { interactions },
        { file: 'c.json', skip: (reason) => skipped.push(reason), note: (note) => notes.push(note) },
      ),
    ];
    const https = (name: string) =>
      resources
        .filter((r) => r.name === name)
        .map((r) => (r.facts as Record<string, { value?: unknown }>).httpsTrafficOnly?.value);
    return { skipped, notes, https };
  };
  const list =
    '/subscriptions/1b2c3d4e-0000-4000-8000-000000000001/providers/Microsoft.Storage/storageAccounts';

  it('keeps the other rows of a list whose row a later GET answers again', () => {
    const { https, notes } = read([
      exchange('GET', list, 200, { value: [account('a', true), account('b', true)] }),
      exchange('PATCH', account('a', false).id, 200, account('a', false)),
    ]);
    expect(https('a')).toEqual([false]);
    expect(https('b')).toEqual([true]);
    expect(notes).toEqual([
      `interaction 0: GET ${list}: an earlier answer of ${account('a', true).id}, which a later interaction answers again`,
    ]);
  });

  it('matches ids whatever their casing, and reads no failed or deleting answer as a state', () => {
    const { https, skipped } = read([
      exchange('GET', account('a', true).id, 200, account('a', true)),
      exchange('PUT', account('a', false).id, 409, { error: { code: 'Conflict' } }),
      exchange('GET', list, 200, {
        value: [{ ...account('a', false), id: account('a', false).id.toLowerCase() }],
      }),
      exchange('DELETE', account('a', false).id, 200, account('a', false)),
    ]);
    expect(https('a')).toEqual([false]);
    expect(skipped).toHaveLength(2);
  });
});

describe('azure-vcr-cassette: diagnostic settings listed for some resources', () => {
  const SUB = '/subscriptions/1b2c3d4e-0000-4000-8000-000000000002';
  const cluster = (name: string) => ({
    id: `${SUB}/resourcegroups/aks/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    type: 'Microsoft.ContainerService/ManagedClusters',
    location: 'westus2',
    properties: { enableRBAC: true },
  });
  const exchange = (uri: string, body: unknown) => ({
    request: { method: 'GET', uri: `https://management.azure.com${uri}?api-version=2021-05-01-preview` },
    response: { status: { code: 200 }, body: { data: body } },
  });
  const [logged, empty, unlisted] = [cluster('logged'), cluster('empty'), cluster('unlisted')];
  const setting = {
    id: `${logged.id}/providers/microsoft.insights/diagnosticSettings/audit`,
    name: 'audit',
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: {
      workspaceId: `${SUB}/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/law`,
      logs: [{ category: 'kube-audit', enabled: true }],
    },
  };
  const listed = (interactions: unknown[]) => {
    const resources = [...azureCassette.read({ interactions }, { file: 'c.json', skip: () => {} })];
    return (name: string) =>
      (
        resources.find((r) => r.name === name)?.facts as
          | Record<string, { source?: string; value?: unknown }>
          | undefined
      )?.diagnosticSettingsListed;
  };

  it('reads a listing as the resource’s settings listed, and a resource without one as unknown', () => {
    const of = listed([
      exchange(`${SUB}/providers/Microsoft.ContainerService/managedClusters`, {
        value: [logged, empty, unlisted],
      }),
      exchange(`${logged.id}/providers/microsoft.insights/diagnosticSettings`, { value: [setting] }),
      exchange(`${empty.id}/providers/microsoft.insights/diagnosticSettings`, { value: [] }),
    ]);
    expect(of('logged')).toMatchObject({ source: 'explicit', value: true });
    expect(of('empty')).toMatchObject({ source: 'explicit', value: true });
    expect(of('unlisted')).toMatchObject({ source: 'unknown' });
  });

  it('leaves a recording that lists no diagnostic settings as it was', () => {
    const of = listed([
      exchange(`${SUB}/providers/Microsoft.ContainerService/managedClusters`, { value: [logged] }),
    ]);
    expect(of('logged')).toBeUndefined();
  });
});

describe('azure-vcr-cassette: Key Vault data-plane calls beside the vaults’ ARM answers', () => {
  const SUB = '/subscriptions/1b2c3d4e-0000-4000-8000-000000000003';
  const vault = {
    id: `${SUB}/resourceGroups/kv-rg/providers/Microsoft.KeyVault/vaults/corp-kv`,
    name: 'corp-kv',
    type: 'Microsoft.KeyVault/vaults',
    location: 'japaneast',
    properties: { vaultUri: 'https://corp-kv.vault.azure.net/', enableSoftDelete: true },
  };
  const exchange = (uri: string, body: unknown) => ({
    request: { method: 'GET', uri },
    response: { status: { code: 200 }, body: { string: JSON.stringify(body) } },
  });

  it('reads the keys and their rotation policies under the vault the recording answered', () => {
    const notes: string[] = [];
    const resources = [
      ...azureCassette.read(
        {
          interactions: [
            exchange(
              `https://management.azure.com${SUB}/providers/Microsoft.KeyVault/vaults?api-version=2019-09-01`,
              {
                value: [vault],
              },
            ),
            exchange('https://corp-kv.vault.azure.net/keys?api-version=7.4', {
              value: [
                {
                  kid: 'https://corp-kv.vault.azure.net/keys/cmk',
                  attributes: { enabled: true, created: 1692896587 },
                },
              ],
            }),
            exchange('https://corp-kv.vault.azure.net/keys/cmk/rotationpolicy?api-version=7.4', {
              lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }],
              attributes: null,
            }),
            exchange('https://other-kv.vault.azure.net/keys?api-version=7.4', {
              value: [{ kid: 'https://other-kv.vault.azure.net/keys/k', attributes: { enabled: true } }],
            }),
          ],
        },
        { file: 'c.json', skip: () => {}, note: (note) => notes.push(note) },
      ),
    ];
    const keys = resources.filter((r) => r.nativeType.toLowerCase() === 'microsoft.keyvault/vaults/keys');
    expect(keys.map((k) => k.id)).toEqual([
      `${vault.id}/keys/cmk`.toLowerCase(),
      `${vault.id}/keys/cmk`.toLowerCase(),
      '/subscriptions/{subscriptionid}/resourcegroups/{resourcegroupname}/providers/microsoft.keyvault/vaults/other-kv/keys/k',
    ]);
    expect(keys[0]?.account).toBe('1b2c3d4e-0000-4000-8000-000000000003');
    expect(notes.filter((n) => n.includes('placeholder ids'))).toHaveLength(1);
    // Each key of a whole listing says its vault's keys were listed; the rotation policy does not.
    expect(keys.map((k) => (k.facts as { vaultKeysListed?: unknown }).vaultKeysListed)).toEqual([
      expect.objectContaining({ source: 'explicit', value: true }),
      undefined,
      expect.objectContaining({ source: 'explicit', value: true }),
    ]);
  });

  const vaultOf = (interactions: unknown[]) =>
    [...azureCassette.read({ interactions }, { file: 'c.json', skip: () => {} })].find(
      (r) => r.kansaType === 'kms.vault',
    );
  const vaults = exchange(
    `https://management.azure.com${SUB}/providers/Microsoft.KeyVault/vaults?api-version=2019-09-01`,
    { value: [vault] },
  );

  it('marks the vault whose keys the recording listed with none (data plane or ARM)', () => {
    const dataPlane = vaultOf([
      vaults,
      exchange('https://corp-kv.vault.azure.net/keys?api-version=7.4', { value: [] }),
    ]);
    expect(dataPlane?.facts).toMatchObject({
      keysListed: { source: 'explicit', value: true, path: 'GET https://corp-kv.vault.azure.net/keys' },
    });
    const arm = vaultOf([
      vaults,
      exchange(`https://management.azure.com${vault.id}/keys?api-version=2023-07-01`, { value: [] }),
    ]);
    expect(arm?.facts).toMatchObject({ keysListed: { source: 'explicit', value: true } });
  });

  it('marks the managed HSM whose keys the recording listed with none (data plane or ARM)', () => {
    const hsm = {
      id: `${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/managedHSMs/corp-hsm`,
      name: 'corp-hsm',
      type: 'Microsoft.KeyVault/managedHSMs',
      location: 'japaneast',
      properties: { hsmUri: 'https://corp-hsm.managedhsm.azure.net/', enableSoftDelete: true },
    };
    const hsms = exchange(
      `https://management.azure.com${SUB}/providers/Microsoft.KeyVault/managedHSMs?api-version=2024-11-01`,
      { value: [hsm] },
    );
    const dataPlane = vaultOf([
      hsms,
      exchange('https://corp-hsm.managedhsm.azure.net/keys?api-version=7.4', { value: [] }),
    ]);
    expect(dataPlane?.facts).toMatchObject({
      keysListed: { source: 'explicit', value: true, path: 'GET https://corp-hsm.managedhsm.azure.net/keys' },
    });
    const arm = vaultOf([
      hsms,
      exchange(`https://management.azure.com${hsm.id}/keys?api-version=2024-11-01`, { value: [] }),
    ]);
    expect(arm?.facts).toMatchObject({ keysListed: { source: 'explicit', value: true } });
  });

  it('does not mark a vault whose key listing has a next page, or another vault’s', () => {
    const paged = vaultOf([
      vaults,
      exchange('https://corp-kv.vault.azure.net/keys?api-version=7.4', {
        value: [],
        nextLink: 'https://corp-kv.vault.azure.net/keys?api-version=7.4&$skiptoken=x',
      }),
    ]);
    expect(paged?.facts).not.toHaveProperty('keysListed');
    const other = vaultOf([
      vaults,
      exchange('https://other-kv.vault.azure.net/keys?api-version=7.4', { value: [] }),
    ]);
    expect(other?.facts).not.toHaveProperty('keysListed');
  });
});
