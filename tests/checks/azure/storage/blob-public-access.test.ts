import { describe, expect, it } from 'vitest';
import check from '../../../../src/checks/azure/storage/blob-public-access.ts';
import { azureArm } from '../../../../src/sources/azure/arm.ts';
import { evaluate, readRecords } from '../../../helpers/checks.ts';

// Storage accounts of every kind, as the Storage REST API lists them.
const account = (name: string, kind: string, properties: Record<string, unknown>) => ({
  id: `/subscriptions/6c1f2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/${name}`,
  name,
  kind,
  location: 'japaneast',
  sku: { name: kind === 'FileStorage' || kind === 'BlockBlobStorage' ? 'Premium_LRS' : 'Standard_LRS' },
  type: 'Microsoft.Storage/storageAccounts',
  properties,
});
const resources = readRecords(azureArm, {
  value: [
    account('files', 'FileStorage', {}),
    account('filesopen', 'FileStorage', { allowBlobPublicAccess: true }),
    account('blockblob', 'BlockBlobStorage', { allowBlobPublicAccess: true }),
    account('v2', 'StorageV2', { allowBlobPublicAccess: false }),
    account('v1', 'Storage', {}),
  ],
});
const id = (name: string) => resources.find((r) => r.name === name)!.id;

describe('azure.storage.blob-public-access: applicability by kind', () => {
  it.each([
    ['files', 'NOT_APPLICABLE'],
    ['filesopen', 'NOT_APPLICABLE'],
    ['blockblob', 'FAIL'],
    ['v2', 'PASS'],
    ['v1', 'FAIL'],
  ])('%s → %s', (name, status) => {
    expect(evaluate(check, resources, id(name)).status).toBe(status);
  });
});
