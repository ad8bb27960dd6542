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
