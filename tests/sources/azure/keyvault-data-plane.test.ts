import { describe, expect, it } from 'vitest';
import keyExpiry from '../../../src/checks/azure/keyvault/key-expiry.ts';
import keyRotation from '../../../src/checks/azure/keyvault/key-rotation.ts';
import type { AzureKeyVaultKeyFacts } from '../../../src/model/azure.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { PLACEHOLDER_SCOPE } from '../../../src/sources/azure/arm-record.ts';
import { azureCassette } from '../../../src/sources/azure/cassette.ts';
import { azureKeyVaultDataPlane } from '../../../src/sources/azure/keyvault-data-plane.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { evaluate } from '../../helpers/checks.ts';

// Key Vault's data plane in the dialects of `az keyvault key list` / `key show` / `key
// rotation-policy show` (Azure CLI reference and the keyvault module's output: `kid`,
// `attributes.expires` as a time, `recoverableDays`, `managed`; `key.kty` in show; the policy's
// `lifetimeActions[].action` a word, `expiresIn`), the REST answers of Key Vault 7.x (`exp` in Unix
// seconds; `lifetimeActions[].trigger`/`.action.type`, `attributes.expiryTime`) and the vcrpy
// cassettes of cloud-custodian's KeyVaultKeyTest, written for kansa.

const VAULT = 'kv-kansa-dp';
const keyId = (name: string) =>
  `${PLACEHOLDER_SCOPE}/providers/Microsoft.KeyVault/vaults/${VAULT}/keys/${name}`.toLowerCase();

const cliKey = (name: string, expires: string | null) => ({
  attributes: {
    created: '2025-01-10T05:00:00+00:00',
    enabled: true,
    expires,
    exportable: false,
    notBefore: null,
    recoverableDays: 90,
    recoveryLevel: 'Recoverable',
    updated: '2025-01-10T05:00:00+00:00',
  },
  kid: `https://${VAULT}.vault.azure.net/keys/${name}`,
  managed: null,
  name,
  tags: {},
});

function read(document: unknown) {
  const skipped: string[] = [];
  const notes: string[] = [];
  const resources: Resource[] = [
    ...azureKeyVaultDataPlane.read(document, {
      file: 'keys.json',
      skip: (reason) => skipped.push(reason),
      note: (note) => notes.push(note),
    }),
  ];
  return { resources, skipped, notes };
}

describe('azure-keyvault-data-plane', () => {
  it('is the format of az keyvault key list, key show, rotation-policy show and the REST key list, not of ARM records', () => {
    const formatOf = (document: unknown) =>
      INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(document))?.id;
    expect(formatOf([cliKey('cmk', null)])).toBe('azure-keyvault-data-plane');
    expect(formatOf({ value: [{ kid: `https://${VAULT}.vault.azure.net/keys/k`, attributes: {} }] })).toBe(
      'azure-keyvault-data-plane',
    );
    expect(
      formatOf({
        id: `/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/${VAULT}`,
        type: 'Microsoft.KeyVault/vaults',
        properties: {},
      }),
    ).toBe('azure-arm');
  });

  it('reads az keyvault key list: expiry from attributes.expires, the rotation policy unknown, under placeholder ids', () => {
    const { resources, notes } = read([
      cliKey('cmk-never', null),
      cliKey('cmk-dated', '2027-03-31T00:00:00+00:00'),
    ]);
    expect(resources.map((r) => r.id)).toEqual([keyId('cmk-never'), keyId('cmk-dated')]);
    expect(evaluate(keyExpiry, resources, keyId('cmk-never')).status).toBe('FAIL');
    expect(evaluate(keyExpiry, resources, keyId('cmk-dated'))).toMatchObject({
      status: 'PASS',
      data: { value: '2027-03-31T00:00:00.000Z' },
    });
    expect(evaluate(keyRotation, resources, keyId('cmk-dated')).status).toBe('UNKNOWN');
    expect(notes).toContainEqual(
      expect.stringMatching(
        /names a key's vault by its host, not the vault's subscription or resource group/,
      ),
    );
  });

  // azure-cli's keyvault transformers: keep_max_results returns list(output)[:maxresults], every
  // page fetched and then cut, so the printed array carries no sign of the cut.
  it('reads az keyvault key list as the whole listing, and says a --maxresults cut cannot be told from it', () => {
    const cli = read([cliKey('cmk-a', null), cliKey('cmk-b', null)]);
    expect(cli.resources.map((r) => (r.facts as AzureKeyVaultKeyFacts).vaultKeysListed?.value)).toEqual([
      true,
      true,
    ]);
    expect(cli.notes).toContainEqual(expect.stringMatching(/--maxresults.*cannot be told/));
    // A REST page says it: without nextLink it is whole, with one it is not, and neither needs the note.
    const page = read({ value: [cliKey('cmk-a', null)] });
    expect(page.notes).not.toContainEqual(expect.stringMatching(/--maxresults/));
  });

  it('reads the REST answer (exp in Unix seconds) and az keyvault key show (key.kty)', () => {
    const rest = read({
      value: [
        {
          kid: `https://${VAULT}.vault.azure.net/keys/rest-key`,
          attributes: { enabled: true, exp: 1806451200, created: 1736485200, recoveryLevel: 'Recoverable' },
          tags: { owner: 'kansa' },
        },
      ],
      nextLink: null,
    });
    expect(evaluate(keyExpiry, rest.resources, keyId('rest-key')).data).toMatchObject({
      value: '2027-03-31T00:00:00.000Z',
    });
    const show = read({
      ...cliKey('hsm-key', null),
      kid: undefined,
      key: {
        kid: `https://${VAULT}.vault.azure.net/keys/hsm-key/3f1c0e2a9b8d4e6f`,
        kty: 'RSA-HSM',
        n: 'AQAB',
      },
    });
    expect((show.resources[0]?.facts as AzureKeyVaultKeyFacts | undefined)?.hsmBackedKey).toMatchObject({
      value: true,
      source: 'explicit',
    });
  });

  it('merges a key’s rotation policy (the CLI’s words, the REST shape) with the key listed', () => {
    const cliPolicy = {
      createdOn: '2025-01-10T05:00:00+00:00',
      expiresIn: 'P2Y',
      id: `https://${VAULT}.vault.azure.net/keys/cmk-dated/rotationpolicy`,
      lifetimeActions: [
        { action: 'Rotate', timeAfterCreate: 'P90D', timeBeforeExpiry: null },
        { action: 'Notify', timeAfterCreate: null, timeBeforeExpiry: 'P30D' },
      ],
      updatedOn: '2025-01-10T05:00:00+00:00',
    };
    const listed = read([cliKey('cmk-dated', '2027-03-31T00:00:00+00:00')]).resources;
    const policy = read(cliPolicy).resources;
    expect(evaluate(keyRotation, [...listed, ...policy], keyId('cmk-dated'))).toMatchObject({
      status: 'PASS',
      data: { value: 90 },
    });
    // Alone, the policy does not tell the expiry.
    expect(evaluate(keyExpiry, policy, keyId('cmk-dated')).status).toBe('UNKNOWN');
  });

  it('skips secrets and certificates listed the same way, saying so', () => {
    const { resources, skipped } = read([
      {
        attributes: { enabled: true },
        id: `https://${VAULT}.vault.azure.net/secrets/db-password`,
        name: 'db-password',
      },
    ]);
    expect(resources).toEqual([]);
    expect(skipped).toEqual([
      `a Key Vault secret (https://${VAULT}.vault.azure.net/secrets/db-password): kansa checks keys`,
    ]);
  });

  it('reads the data-plane answers a cassette recorded, a never-set rotation policy named by its call', () => {
    const interaction = (uri: string, body: unknown) => ({
      request: { method: 'GET', uri },
      response: { status: { code: 200, message: 'OK' }, body: { string: JSON.stringify(body) } },
    });
    const skipped: string[] = [];
    const resources = [
      ...azureCassette.read(
        {
          interactions: [
            interaction(`https://${VAULT}.vault.azure.net/keys?api-version=7.4`, {
              value: [
                { kid: `https://${VAULT}.vault.azure.net/keys/cert-key`, attributes: { enabled: true } },
              ],
              nextLink: null,
            }),
            interaction(`https://${VAULT}.vault.azure.net/keys/cert-key/rotationpolicy?api-version=7.4`, {
              lifetimeActions: [{ trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } }],
              attributes: null,
            }),
          ],
        },
        { file: 'KeyVaultKeyTest.json', skip: (reason) => skipped.push(reason) },
      ),
    ];
    expect(skipped).toEqual([]);
    expect(evaluate(keyRotation, resources, keyId('cert-key')).status).toBe('FAIL');
  });
  it('reads a Managed HSM’s keys (az keyvault key list --hsm-name) under the HSM, and its ARM record’s hsmUri in a cassette', () => {
    const hsmKey = (name: string, expires: string | null) => ({
      ...cliKey(name, expires),
      kid: `https://mhsm-kansa.managedhsm.azure.net/keys/${name}`,
    });
    const hsmKeyId = (name: string) =>
      `${PLACEHOLDER_SCOPE}/providers/Microsoft.KeyVault/managedHSMs/mhsm-kansa/keys/${name}`.toLowerCase();
    const { resources, skipped } = read([
      hsmKey('hsm-never', null),
      hsmKey('hsm-dated', '2027-03-31T00:00:00+00:00'),
    ]);
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.id, r.nativeType])).toEqual([
      [hsmKeyId('hsm-never'), 'microsoft.keyvault/managedhsms/keys'],
      [hsmKeyId('hsm-dated'), 'microsoft.keyvault/managedhsms/keys'],
    ]);
    expect(evaluate(keyExpiry, resources, hsmKeyId('hsm-never')).status).toBe('FAIL');
    expect(evaluate(keyExpiry, resources, hsmKeyId('hsm-dated')).status).toBe('PASS');

    const hsm =
      '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg/providers/Microsoft.KeyVault/managedHSMs/mhsm-kansa';
    const interaction = (uri: string, body: unknown) => ({
      request: { method: 'GET', uri },
      response: { status: { code: 200, message: 'OK' }, body: { string: JSON.stringify(body) } },
    });
    const recorded = [
      ...azureCassette.read(
        {
          interactions: [
            interaction(`https://management.azure.com${hsm}?api-version=2023-07-01`, {
              id: hsm,
              name: 'mhsm-kansa',
              type: 'Microsoft.KeyVault/managedHSMs',
              location: 'japaneast',
              properties: { hsmUri: 'https://mhsm-kansa.managedhsm.azure.net/', enablePurgeProtection: true },
            }),
            interaction('https://mhsm-kansa.managedhsm.azure.net/keys?api-version=7.4', {
              value: [
                { kid: 'https://mhsm-kansa.managedhsm.azure.net/keys/k1', attributes: { enabled: true } },
              ],
            }),
          ],
        },
        { file: 'hsm.json', skip: () => {} },
      ),
    ];
    expect(recorded.map((r) => r.id)).toContain(`${hsm}/keys/k1`.toLowerCase());
  });
  it('skips a deleted key (az keyvault key list-deleted, a recorded DELETE): no key in use', () => {
    const deleted = {
      ...cliKey('cmk-retired', null),
      deletedDate: '2026-11-20T08:15:00+00:00',
      recoveryId: `https://${VAULT}.vault.azure.net/deletedkeys/cmk-retired`,
      scheduledPurgeDate: '2027-02-18T08:15:00+00:00',
    };
    const rest = {
      value: [
        {
          kid: `https://${VAULT}.vault.azure.net/keys/old`,
          attributes: { enabled: true },
          recoveryId: `https://${VAULT}.vault.azure.net/deletedkeys/old`,
          deletedDate: 1763626500,
        },
      ],
    };
    for (const document of [[deleted, cliKey('cmk-live', null)], rest]) {
      const { resources, skipped } = read(document);
      expect(resources.map((r) => r.name)).toEqual(Array.isArray(document) ? ['cmk-live'] : []);
      expect(skipped).toEqual([
        expect.stringMatching(/deleted key .*deletedkeys.*kansa checks the keys in use/),
      ]);
    }
  });
  it('reads a key’s current version from az keyvault key list-versions, skipping the older ones', () => {
    const version = (id: string, created: string, expires: string | null) => ({
      ...cliKey('cmk-app', expires),
      attributes: { ...cliKey('cmk-app', expires).attributes, created },
      kid: `https://${VAULT}.vault.azure.net/keys/cmk-app/${id}`,
    });
    const { resources, skipped } = read([
      version('aa11', '2025-03-01T02:00:00+00:00', null),
      version('1f2e', '2024-03-01T02:00:00+00:00', '2025-03-01T02:00:00+00:00'),
    ]);
    expect(resources.map((r) => r.id)).toEqual([keyId('cmk-app')]);
    expect(evaluate(keyExpiry, resources, keyId('cmk-app')).status).toBe('FAIL');
    expect(skipped).toEqual([expect.stringMatching(/an older version of a key .*cmk-app\/1f2e/)]);
    // One key's versions are no listing of the vault's keys.
    expect(resources.map((r) => (r.facts as { vaultKeysListed?: unknown }).vaultKeysListed)).toEqual([
      undefined,
    ]);
    const listed = read([cliKey('cmk-app', null)]).resources;
    expect(
      (listed[0]?.facts as { vaultKeysListed?: { value: unknown } } | undefined)?.vaultKeysListed?.value,
    ).toBe(true);
  });
  it('reads a key a cassette answered several times in the state of its last answer (created with an expiry, rotated without)', () => {
    const interaction = (method: string, uri: string, body: unknown) => ({
      request: { method, uri },
      response: { status: { code: 200, message: 'OK' }, body: { string: JSON.stringify(body) } },
    });
    const bundle = (version: string, exp?: number) => ({
      key: { kid: `https://${VAULT}.vault.azure.net/keys/cmk-rot/${version}`, kty: 'RSA' },
      attributes: { enabled: true, created: 1717200000, updated: 1717200000, ...(exp ? { exp } : {}) },
    });
    const notes: string[] = [];
    const resources = [
      ...azureCassette.read(
        {
          interactions: [
            interaction(
              'POST',
              `https://${VAULT}.vault.azure.net/keys/cmk-rot/create?api-version=7.5`,
              bundle('v1', 1893456000),
            ),
            interaction(
              'POST',
              `https://${VAULT}.vault.azure.net/keys/cmk-rot/rotate?api-version=7.5`,
              bundle('v2'),
            ),
          ],
        },
        { file: 'rotate.json', skip: () => {}, note: (note) => notes.push(note) },
      ),
    ];
    expect(resources.map((r) => r.id)).toEqual([keyId('cmk-rot')]);
    expect(evaluate(keyExpiry, resources, keyId('cmk-rot')).status).toBe('FAIL');
    expect(notes).toContainEqual(expect.stringMatching(/interaction 0: .*an earlier answer of .*cmk-rot/));
  });
});
