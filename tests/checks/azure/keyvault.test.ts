import { describe, expect, it } from 'vitest';
import recoverable from '../../../src/checks/azure/keyvault/recoverable.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { evaluate } from '../../helpers/checks.ts';
import { graphCliOutput, keyVaultRow, readDocument } from './arg-rows.ts';

const base = { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', sku: { family: 'A', name: 'standard' } };

describe('azure.keyvault.recoverable', () => {
  it.each([
    {
      name: 'soft delete and purge protection on',
      properties: { ...base, enableSoftDelete: true, enablePurgeProtection: true },
      status: 'PASS',
      message: 'recoverable',
      sources: ['explicit', 'explicit'],
    },
    {
      name: 'purge protection absent (null until enabled)',
      properties: { ...base, enableSoftDelete: true },
      status: 'FAIL',
      message: 'notRecoverable',
      sources: ['explicit', 'default'],
    },
    {
      name: 'soft delete absent → on by default, purge protection on',
      properties: { ...base, enablePurgeProtection: true },
      status: 'PASS',
      message: 'recoverable',
      sources: ['default', 'explicit'],
    },
    {
      name: 'soft delete explicitly off',
      properties: { ...base, enableSoftDelete: false, enablePurgeProtection: true },
      status: 'FAIL',
      message: 'notRecoverable',
      sources: ['explicit', 'explicit'],
    },
  ])('$name → $status', ({ properties, status, message, sources }) => {
    const resources = readDocument(azureGraphCli, graphCliOutput([keyVaultRow('kv-case', properties)]));
    const result = evaluate(recoverable, resources, resources[0]!.id);
    expect(result).toMatchObject({ status, message });
    expect(result.evidence.map((fact) => fact.source)).toEqual(sources);
  });

  it('is UNKNOWN when the row was projected without properties', () => {
    const row = keyVaultRow('kv-projected', {});
    delete row.properties;
    const resources = readDocument(azureGraphCli, graphCliOutput([row]));
    expect(evaluate(recoverable, resources, resources[0]!.id)).toMatchObject({
      status: 'UNKNOWN',
      message: 'unknown',
    });
  });
});
