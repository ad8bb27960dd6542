import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/base/input-error.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureArm } from '../../../src/sources/azure/arm.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { azureGraphRest } from '../../../src/sources/azure/graph-rest.ts';
import type { DocumentFormat } from '../../../src/sources/format.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import {
  activityLogSetting,
  graphCliOutput,
  SUBSCRIPTION,
  SUBSCRIPTION_ID,
  storageProperties,
  storageRow,
  subscriptionRow,
} from '../../checks/azure/arg-rows.ts';

function read(format: DocumentFormat, document: unknown) {
  const skipped: { reason: string; index?: number }[] = [];
  const resources = [
    ...format.read(document, {
      file: 'in.json',
      skip: (reason, where) => skipped.push({ reason, ...where }),
    }),
  ];
  return { resources, skipped };
}

const FORMATS = [azureGraphCli, azureGraphRest, azureArm];
const claimedBy = (document: unknown) =>
  FORMATS.filter((format) => format.matches(document)).map((f) => f.id);

const storage = storageRow('stkansa', storageProperties());

/** The other clouds' documents: no Azure format may claim them. */
const OTHER_CLOUDS = {
  'AWS Config snapshot': { fileVersion: '1.0', configSnapshotId: 'x', configurationItems: [] },
  'aws configservice select-resource-config': { QueryInfo: { SelectFields: [] }, Results: ['{}'] },
  'gcloud asset list': [
    {
      name: '//storage.googleapis.com/b',
      assetType: 'storage.googleapis.com/Bucket',
      resource: { data: { id: 'b' }, location: 'us' },
      updateTime: '2026-01-01T00:00:00Z',
    },
  ],
};

describe('matches()', () => {
  it.each([
    ['az graph query 2.x', graphCliOutput([storage]), ['azure-graph-cli']],
    ['az graph query 1.x bare array of ARG rows', [storage], ['azure-graph-cli']],
    [
      "az graph query --query data: a projection's rows without subscriptionId",
      [{ name: 'stkansa', id: storage.id, type: storage.type, properties_supportsHttpsTrafficOnly: true }],
      ['azure-graph-cli'],
    ],
    [
      'az graph query --query data: aliased columns, no properties, no subscriptionId',
      [{ name: 'stkansa', id: storage.id, type: storage.type, httpsOnly: false, minTls: 'TLS1_2' }],
      ['azure-graph-cli'],
    ],
    [
      'az storage account show, flattened (provider casing, no properties)',
      [
        {
          name: 'stkansa',
          id: storage.id,
          type: 'Microsoft.Storage/storageAccounts',
          minimumTlsVersion: 'TLS1_2',
        },
      ],
      ['azure-arm'],
    ],
    [
      'Search-AzGraph | ConvertTo-Json (rows with ResourceId)',
      [{ ...storage, ResourceId: storage.id }],
      ['azure-graph-cli'],
    ],
    [
      'Search-AzGraph answer converted whole (Az.ResourceGraph 0.11)',
      { SkipToken: null, Data: [{ ...storage, ResourceId: storage.id }] },
      ['azure-graph-cli'],
    ],
    [
      'Resource Graph REST page',
      { totalRecords: 1, count: 1, resultTruncated: 'false', data: [storage] },
      ['azure-graph-rest'],
    ],
    ['ARM list body', { value: [activityLogSetting('a', { logs: [] })], nextLink: null }, ['azure-arm']],
    ['empty ARM list body', { value: [] }, ['azure-arm']],
    [
      'az storage account list (provider casing)',
      [{ ...storage, type: 'Microsoft.Storage/storageAccounts' }],
      ['azure-arm'],
    ],
    ['az storage account show', { ...storage, type: 'Microsoft.Storage/storageAccounts' }, ['azure-arm']],
    ...Object.entries(OTHER_CLOUDS).map(([name, document]) => [name, document, []] as const),
    ['empty array', [], []],
  ] as [string, unknown, string[]][])('%s', (_name, document, expected) => {
    expect(claimedBy(document)).toEqual(expected);
  });
});

describe('azure-graph-cli', () => {
  it('reads rows into resources with lower-cased ids and native regions', () => {
    const { resources } = read(azureGraphCli, graphCliOutput([subscriptionRow(), storage]));
    expect(resources.map((r) => [r.kansaType, r.id, r.region, r.account])).toEqual([
      ['account', SUBSCRIPTION_ID, 'global', SUBSCRIPTION],
      ['storage.account', storage.id?.toString().toLowerCase(), 'japaneast', SUBSCRIPTION],
    ]);
    expect(resources[1]!.origin).toEqual({ file: 'in.json', index: 1 });
  });

  it('skips rows that are not resources, with the reason', () => {
    const { resources, skipped } = read(
      azureGraphCli,
      graphCliOutput([
        { name: 'projected-without-id', type: 'microsoft.storage/storageaccounts' },
        {
          id: '/providers/Microsoft.Management/managementGroups/mg-root',
          type: 'microsoft.management/managementgroups',
        },
        { id: 'i-0abc', type: 'AWS::EC2::Instance' },
        'text',
      ] as Record<string, unknown>[]),
    );
    expect(resources).toEqual([]);
    expect(skipped).toEqual([
      { index: 0, reason: 'no `id` column: project `id` in the query' },
      { index: 1, reason: expect.stringContaining('not in a subscription') },
      { index: 2, reason: 'not an ARM resource id: i-0abc' },
      { index: 3, reason: 'not a JSON object' },
    ]);
  });

  it("reads Search-AzGraph's {SkipToken, Data} answer as the CLI's rows", () => {
    const answer = { SkipToken: 'ew0KICAiJGlkIjogIjEiIH0=', Data: [subscriptionRow(), storage] };
    expect(read(azureGraphCli, answer).resources.map((r) => r.id)).toEqual([
      SUBSCRIPTION_ID,
      storage.id?.toString().toLowerCase(),
    ]);
    expect(() => read(azureGraphCli, { SkipToken: null, Data: 'x' })).toThrow(InputError);
  });

  it("reads the Python SDK's as_dict() of a table-format answer (data as {columns, rows})", () => {
    const answer = {
      total_records: 1,
      count: 1,
      result_truncated: 'false',
      data: {
        columns: [
          { name: 'id', type: 'string' },
          { name: 'type', type: 'string' },
          { name: 'subscriptionId', type: 'string' },
          { name: 'properties', type: 'object' },
        ],
        rows: [[storage.id, storage.type, SUBSCRIPTION, { minimumTlsVersion: 'TLS1_0' }]],
      },
      facets: [],
    };
    expect(claimedBy(answer)).toEqual(['azure-graph-cli']);
    const [resource] = read(azureGraphCli, answer).resources;
    expect(resource!.facts).toMatchObject({ minimumTlsVersion: { source: 'explicit', value: 'TLS1_0' } });
  });

  it('notes an answer that is one page of its query (100 rows unless --first asks for more)', () => {
    const notesOf = (format: DocumentFormat, document: unknown) => {
      const notes: string[] = [];
      [...format.read(document, { file: 'in.json', skip: () => {}, note: (note) => notes.push(note) })];
      return notes;
    };
    const page = { count: 1, data: [storage], skip_token: 'ew0KICAiJGlkIjogIjEiIH0=', total_records: 3000 };
    expect(notesOf(azureGraphCli, page)).toEqual([
      expect.stringContaining("holds 1 of the query's 3000 rows"),
    ]);
    expect(notesOf(azureGraphCli, { ...page, skip_token: null, total_records: 1 })).toEqual([]);
    expect(notesOf(azureGraphCli, { SkipToken: 'ew0K', Data: [storage] })).toEqual([
      expect.stringContaining('has a skip token'),
    ]);
    const rest = {
      totalRecords: 1200,
      count: 1000,
      resultTruncated: 'true',
      $skipToken: 'ew0K',
      data: [storage],
    };
    expect(notesOf(azureGraphRest, rest)).toEqual([expect.stringContaining('1000 of the query')]);
  });

  it('throws InputError when `data` is not an array', () => {
    expect(() => read(azureGraphCli, { count: 0, data: 'x', skip_token: null, total_records: 0 })).toThrow(
      InputError,
    );
  });

  it('reads stringified properties and tags (tostring projections)', () => {
    const row = storageRow('ststring', undefined, {
      properties: JSON.stringify(storageProperties({ allowBlobPublicAccess: true })),
      tags: JSON.stringify({ confidentiality: '3' }),
    });
    const [resource] = read(azureGraphCli, graphCliOutput([row])).resources;
    expect(resource!.facts).toMatchObject({ allowBlobPublicAccess: { source: 'explicit', value: true } });
    expect(resource!.tags).toEqual({ confidentiality: '3' });
  });

  it('derives the type from the id when the row has no `type` column', () => {
    const { type: _type, ...row } = storageRow('stnotype', storageProperties());
    const [resource] = read(azureGraphCli, graphCliOutput([row])).resources;
    expect(resource).toMatchObject({
      kansaType: 'storage.account',
      nativeType: 'microsoft.storage/storageaccounts',
    });
  });

  it('maps unrecognised types to other, with no facts', () => {
    const row = {
      ...storage,
      id: `${SUBSCRIPTION_ID}/resourceGroups/rg/providers/Microsoft.Logic/workflows/wf`,
      type: 'microsoft.logic/workflows',
    };
    const [resource] = read(azureGraphCli, graphCliOutput([row])).resources;
    expect(resource).toMatchObject({ kansaType: 'other', facts: {} });
  });
});

describe('azure-graph-rest', () => {
  it('reads the objectArray result format', () => {
    const page = { totalRecords: 2, count: 1, resultTruncated: 'true', $skipToken: 'ew0K', data: [storage] };
    expect(read(azureGraphRest, page).resources).toHaveLength(1);
  });

  it('reads the table result format', () => {
    const page = {
      totalRecords: 1,
      count: 1,
      resultTruncated: 'false',
      data: {
        columns: [
          { name: 'id', type: 'string' },
          { name: 'type', type: 'string' },
          { name: 'location', type: 'string' },
          { name: 'properties', type: 'object' },
        ],
        rows: [[storage.id, storage.type, 'eastus', { minimumTlsVersion: 'TLS1_1' }]],
      },
    };
    const [resource] = read(azureGraphRest, page).resources;
    expect(resource).toMatchObject({
      region: 'eastus',
      account: SUBSCRIPTION,
      facts: { minimumTlsVersion: { source: 'explicit', value: 'TLS1_1' } },
    });
  });

  it('throws InputError for a malformed data field', () => {
    expect(() => read(azureGraphRest, { totalRecords: 0, data: { columns: 'x' } })).toThrow(InputError);
  });
});

describe('azure-arm', () => {
  it('reads a REST list body of diagnostic settings', () => {
    const body = {
      value: [
        activityLogSetting('to-law', {
          workspaceId:
            '/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law',
          logs: [
            { category: 'Administrative', enabled: true },
            { categoryGroup: null, category: 'Alert', enabled: false },
          ],
        }),
      ],
    };
    const [setting] = read(azureArm, body).resources as Resource[];
    expect(setting).toMatchObject({
      kansaType: 'audit.diagnostic-setting',
      account: SUBSCRIPTION,
      region: 'global',
      facts: {
        targetResourceId: { value: SUBSCRIPTION_ID },
        enabledCategories: { value: ['Administrative'] },
        enabledCategoryGroups: { value: [] },
      },
    });
  });

  it('reads an Activity Log setting named under AzureResourceManager, as the Monitor REST examples name it', () => {
    // Modelled on Azure/azure-rest-api-specs Microsoft.Insights 2017-05-01-preview and
    // 2021-05-01-preview examples (getSubscriptionDiagnosticSetting, listSubscriptionDiagnosticSettings):
    // the id without its leading slash, the provider segment AzureResourceManager, `type` null or "".
    const body = {
      value: [
        {
          id: `${SUBSCRIPTION_ID.slice(1)}/providers/AzureResourceManager/diagnosticSettings/ds-export`,
          type: null,
          name: 'ds-export',
          properties: {
            workspaceId: '',
            storageAccountId: `${SUBSCRIPTION_ID}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs`,
            logs: [
              { category: 'Security', enabled: true },
              { category: 'Administrative', enabled: false },
            ],
          },
        },
        {
          ...activityLogSetting('ds-old', { logs: [] }),
          id: `${SUBSCRIPTION_ID}/providers/AzureResourceManager/diagnosticSettings/ds-old`,
          type: '',
        },
      ],
    };
    const { resources, skipped } = read(azureArm, body);
    expect(skipped).toEqual([]);
    expect(resources).toHaveLength(2);
    expect(resources[0]).toMatchObject({
      kansaType: 'audit.diagnostic-setting',
      id: `${SUBSCRIPTION_ID}/providers/microsoft.insights/diagnosticsettings/ds-export`.toLowerCase(),
      account: SUBSCRIPTION,
      facts: {
        targetResourceId: { value: SUBSCRIPTION_ID.toLowerCase() },
        enabledCategories: { value: ['Security'] },
      },
    });
    expect(resources[1]).toMatchObject({
      kansaType: 'audit.diagnostic-setting',
      facts: { targetResourceId: { value: SUBSCRIPTION_ID.toLowerCase() } },
    });
  });

  it("reads a resource's setting listed without the microsoft.insights segment and typed as its resource", () => {
    // Modelled on Azure/azure-rest-api-specs Microsoft.Insights 2021-05-01-preview
    // listDiagnosticSettingsCategory.json, a DiagnosticSettings_List example whose row is
    // `…/workflows/viruela6/diagnosticSettings/mysetting` with `type` the workflow's.
    const vault = `${SUBSCRIPTION_ID}/resourcegroups/rg/providers/microsoft.keyvault/vaults/kv1`;
    const body = {
      value: [
        {
          id: `${vault}/diagnosticSettings/mysetting`,
          type: 'microsoft.keyvault/vaults',
          name: 'mysetting',
          properties: { workspaceId: '', logs: [{ category: 'AuditEvent', enabled: true }] },
        },
        {
          id: `${vault}/providers/microsoft.insights/diagnosticSettings/spelled-as-usual`,
          type: 'Microsoft.Insights/diagnosticSettings',
          name: 'spelled-as-usual',
          properties: { logs: [] },
        },
      ],
    };
    const { resources, skipped } = read(azureArm, body);
    expect(skipped).toEqual([]);
    expect(resources).toHaveLength(2);
    expect(resources[1]?.id).toBe(
      `${vault}/providers/microsoft.insights/diagnosticsettings/spelled-as-usual`,
    );
    expect(resources[0]).toMatchObject({
      kansaType: 'audit.diagnostic-setting',
      nativeType: 'microsoft.insights/diagnosticsettings',
      id: `${vault}/providers/microsoft.insights/diagnosticsettings/mysetting`.toLowerCase(),
      facts: {
        targetResourceId: { value: vault.toLowerCase() },
        enabledCategories: { value: ['AuditEvent'] },
      },
    });
  });

  it('reads display-name locations and derives the subscription from the id', () => {
    const shown = {
      id: storage.id,
      name: 'stkansa',
      type: 'Microsoft.Storage/storageAccounts',
      location: 'Japan West',
    };
    expect(read(azureArm, shown).resources[0]).toMatchObject({ region: 'japanwest', account: SUBSCRIPTION });
  });
});

// Azure/azure-rest-api-specs examples folders hold, beside the GET and list examples, the
// examples of operations whose answer is no resource (Microsoft.KeyVault deleteVault,
// checkVaultNameAvailability, listOperations; error-only examples).
describe('azure-rest-example', () => {
  const formatOf = (document: unknown) =>
    INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(document));
  const example = (responses: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    parameters: { subscriptionId: SUBSCRIPTION, 'api-version': '2024-11-01' },
    responses,
    ...extra,
  });

  it.each([
    ['a delete', example({ '200': {}, '204': {} }), 'deleteVault', 'its answer (HTTP 200, 204) has no body'],
    [
      'a name check',
      example({ '200': { body: { nameAvailable: true } } }, { operationId: 'Vaults_CheckNameAvailability' }),
      'Vaults_CheckNameAvailability',
      'its answer is not a resource or a list of resources',
    ],
    [
      'an operations list',
      example({ '200': { body: { value: [{ name: 'Microsoft.KeyVault/vaults/read', display: {} }] } } }),
      'deleteVault',
      'its answer is not a resource or a list of resources',
    ],
    [
      'an error only',
      example({ default: { body: { error: { code: 'NotFound' } } } }, { title: 'Vault not found' }),
      'Vault not found',
      'it shows only an error answer (default)',
    ],
  ])('skips %s with the operation and why', (_what, document, operation, why) => {
    const format = formatOf(document);
    expect(format?.id).toBe('azure-rest-example');
    const skipped: string[] = [];
    const resources = [
      ...(format as DocumentFormat).read(document, {
        file: 'examples/deleteVault.json',
        skip: (r) => skipped.push(r),
      }),
    ];
    expect(resources).toEqual([]);
    expect(skipped).toEqual([`a REST API example of ${operation}: ${why}`]);
  });

  it('leaves the examples that hold resources to azure-arm', () => {
    const list = example({ '200': { body: { value: [storage] } }, default: { body: { error: {} } } });
    expect(formatOf(list)?.id).toBe('azure-arm');
  });
});

describe('through readInputFile', () => {
  it('un-gzips and detects the format', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-azure-'));
    const file = path.join(dir, 'resources.json.gz');
    await writeFile(file, gzipSync(JSON.stringify(graphCliOutput([subscriptionRow(), storage]))));
    const resources: Resource[] = [];
    const coverage = await readInputFile(file, (resource) => resources.push(resource));
    expect(coverage).toMatchObject({ format: 'azure-graph-cli', resources: 2, skipped: [] });
  });

  it("reads Resource Graph rows one a line (az graph query | jq -c '.data[]'), each on its line", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-azure-'));
    const file = path.join(dir, 'rows.jsonl');
    const legacy = storageRow('stlegacy', storageProperties({ minimumTlsVersion: 'TLS1_0' }));
    await writeFile(file, `${JSON.stringify(storage)}\n${JSON.stringify(legacy)}\n`);
    const resources: Resource[] = [];
    const coverage = await readInputFile(file, (resource) => resources.push(resource));
    expect(coverage).toMatchObject({ format: 'azure-graph-ndjson', resources: 2, skipped: [] });
    expect(resources.map((r) => [r.id, r.origin])).toEqual([
      [storage.id?.toString().toLowerCase(), { file, line: 1 }],
      [legacy.id?.toString().toLowerCase(), { file, line: 2 }],
    ]);
    expect(resources[1]!.facts).toMatchObject({ minimumTlsVersion: { source: 'explicit', value: 'TLS1_0' } });
  });
});
