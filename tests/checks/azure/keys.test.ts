import { describe, expect, it } from 'vitest';
import keyExpiry from '../../../src/checks/azure/keyvault/key-expiry.ts';
import keyRotation from '../../../src/checks/azure/keyvault/key-rotation.ts';
import accessKeyAge from '../../../src/checks/azure/storage/access-key-age.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { evaluate } from '../../helpers/checks.ts';
import {
  graphResources,
  idOf,
  readDocument,
  SUBSCRIPTION_ID,
  storageProperties,
  storageRow,
} from './arg-rows.ts';

type Row = Record<string, unknown>;
const VAULT = `${SUBSCRIPTION_ID}/resourceGroups/rg-kansa/providers/Microsoft.KeyVault/vaults/kv1`;

/** A key as the ARM management plane lists it (`GET …/vaults/kv1/keys`). */
function key(extra: Row) {
  return {
    id: `${VAULT}/keys/k1`,
    name: 'k1',
    type: 'Microsoft.KeyVault/vaults/keys',
    location: 'japaneast',
    tags: {},
    properties: {
      attributes: {
        enabled: true,
        created: 1712020364,
        updated: 1712020364,
        recoveryLevel: 'Recoverable',
        ...(extra.attributes as Row),
      },
      kty: 'RSA',
      keyUri: 'https://kv1.vault.azure.net/keys/k1',
      ...(extra.rotationPolicy ? { rotationPolicy: extra.rotationPolicy } : {}),
    },
  };
}
const rotate = (trigger: Row, expiryTime?: string) => ({
  attributes: { created: 1712020364, updated: 1712020364, ...(expiryTime ? { expiryTime } : {}) },
  lifetimeActions: [
    { action: { type: 'Rotate' }, trigger },
    { action: { type: 'Notify' }, trigger: { timeBeforeExpiry: 'P30D' } },
  ],
});
const evaluateKey = (check: typeof keyRotation, extra: Row) =>
  evaluate(check, readDocument(azureArm, { value: [key(extra)] }), `${VAULT}/keys/k1`);

describe('azure.keyvault.key-rotation', () => {
  it.each([
    {
      name: 'after 90 days',
      extra: { rotationPolicy: rotate({ timeAfterCreate: 'P90D' }) },
      status: 'PASS',
      days: 90,
    },
    {
      name: 'after a year',
      extra: { rotationPolicy: rotate({ timeAfterCreate: 'P1Y' }) },
      status: 'PASS',
      days: 365,
    },
    {
      name: 'after two years',
      extra: { rotationPolicy: rotate({ timeAfterCreate: 'P2Y' }) },
      status: 'FAIL',
      days: 730,
    },
    {
      name: '30 days before a 13-month expiry',
      extra: { rotationPolicy: rotate({ timeBeforeExpiry: 'P30D' }, 'P13M') },
      status: 'PASS',
      days: 360,
    },
    {
      name: 'notify only',
      extra: {
        rotationPolicy: {
          lifetimeActions: [{ action: { type: 'Notify' }, trigger: { timeBeforeExpiry: 'P30D' } }],
        },
      },
      status: 'FAIL',
      days: null,
    },
    { name: 'no rotation policy', extra: {}, status: 'FAIL', days: null },
  ])('$name → $status', ({ extra, status, days }) => {
    expect(evaluateKey(keyRotation, extra)).toMatchObject({ status, data: { value: days } });
  });
});

describe('azure.keyvault.key-expiry', () => {
  it.each([
    {
      name: 'exp set',
      extra: { attributes: { exp: 1806710400 } },
      status: 'PASS',
      value: '2027-04-03T00:00:00.000Z',
    },
    { name: 'no exp → never expires', extra: { attributes: {} }, status: 'FAIL', value: null },
  ])('$name → $status', ({ extra, status, value }) => {
    expect(evaluateKey(keyExpiry, extra)).toMatchObject({ status, data: { value } });
  });
});

describe('azure.storage.access-key-age', () => {
  const now = new Date('2026-11-01T00:00:00Z');
  const keys = (key1: string, key2: string) => ({ keyCreationTime: { key1, key2 } });
  it.each([
    {
      name: 'rotated 30 days ago',
      properties: storageProperties(keys('2026-10-02T00:00:00Z', '2026-10-05T00:00:00Z')),
      status: 'PASS',
    },
    {
      name: 'one key 200 days old',
      properties: storageProperties(keys('2026-04-15T00:00:00Z', '2026-10-05T00:00:00Z')),
      status: 'FAIL',
    },
    {
      name: 'old keys, Shared Key disallowed',
      properties: storageProperties({
        ...keys('2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'),
        allowSharedKeyAccess: false,
      }),
      status: 'PASS',
    },
    {
      name: 'creation times null',
      properties: storageProperties({ keyCreationTime: { key1: null, key2: null } }),
      status: 'UNKNOWN',
    },
  ])('$name → $status', ({ properties, status }) => {
    const record = storageRow('st1', properties);
    expect(evaluate(accessKeyAge, graphResources(record), idOf(record), { now }).status).toBe(status);
  });

  it('takes the limit from the framework parameters', () => {
    const record = storageRow('st1', storageProperties(keys('2026-10-02T00:00:00Z', '2026-10-02T00:00:00Z')));
    const result = evaluate(accessKeyAge, graphResources(record), idOf(record), { now, maxKeyAgeDays: 14 });
    expect(result).toMatchObject({ status: 'FAIL', data: { age: 30, max: 14 } });
  });
});
