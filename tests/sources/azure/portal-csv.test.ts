import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../../src/frameworks/load.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { evaluate } from '../../../src/scan/evaluate.ts';
import { LISTED_ONLY } from '../../../src/scan/finding.ts';
import { readInventory } from '../../../src/scan/read-inventory.ts';
import { azurePortalCsv } from '../../../src/sources/azure/portal-csv.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { graphCliOutput, SUBSCRIPTION, storageProperties, storageRow } from '../../checks/azure/arg-rows.ts';

/** The messages of the classification checks on a resource a listing shows with some tags at most. */
const LISTED_TAG_MESSAGES = ['markListedOnly', 'classListedOnly'];

// The portal's "All resources" → "Export to CSV", English and Japanese (tests/corpus/SOURCES.md
// names the public material modelled): labels of the view's columns, display names, the
// subscription's name; every cell quoted, a byte-order mark and CRLF from the English portal.
const ENGLISH = '\ufeff"NAME","TYPE","RESOURCE GROUP","LOCATION","SUBSCRIPTION"\r\n';
const JAPANESE = '種類,名前,リソース グループ,場所,サブスクリプション,タグ\r\n';
const CORPUS = path.resolve(import.meta.dirname, '../../corpus/data/azure/portal-csv');
const NOW = new Date('2026-12-01T00:00:00Z');

function read(text: string) {
  const skipped: { reason: string; line?: number }[] = [];
  const notes: string[] = [];
  const resources = [
    ...azurePortalCsv.read(text, {
      file: 'portal.csv',
      skip: (reason, where) => skipped.push({ reason, ...where }),
      note: (note) => notes.push(note),
    }),
  ];
  return { resources, skipped, notes };
}

const placed = (resources: readonly Resource[]) =>
  resources.map(({ id, kansaType, nativeType, region, account, listedOnly }) => ({
    id,
    kansaType,
    nativeType,
    region,
    account,
    listedOnly,
  }));

async function scanDir(files: Readonly<Record<string, string | Buffer>>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'kansa-portal-csv-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  const { inventory } = await readInventory(
    { inputs: [dir], live: [], concurrency: 1 },
    pino({ level: 'silent' }),
  );
  const findings = [...evaluate(inventory, await loadFramework('osaka'), NOW)];
  return { inventory, findings, dir };
}

beforeAll(loadCsvParser);

describe('azure-portal-csv', () => {
  it('is recognised by the English or Japanese labels, in any order, with other columns', () => {
    const textFormatOf = (firstLine: string) =>
      INPUT_FORMATS.filter((f) => f.kind === 'text' && f.matches(firstLine)).map((f) => f.id);
    expect(textFormatOf(ENGLISH.trim())).toEqual(['azure-portal-csv']);
    expect(textFormatOf(JAPANESE.trim())).toEqual(['azure-portal-csv']);
    expect(textFormatOf('Name,Type,Resource group,Location,Subscription,Subscription ID,Tags')).toEqual([
      'azure-portal-csv',
    ]);
    // Full-width spaces and letters, as a hand-edited header may have them.
    expect(textFormatOf('名前,種類,リソース　グループ,場所,サブスクリプション')).toEqual([
      'azure-portal-csv',
    ]);
    // The "Resource groups" list: no type, no resource group.
    expect(textFormatOf('"NAME","SUBSCRIPTION","LOCATION"')).toEqual(['azure-portal-csv']);
    // Resource Graph Explorer's CSV has an id: it is that format's.
    expect(textFormatOf('id,name,type,location,subscriptionId')).toEqual(['azure-graph-csv']);
    // A type without a resource group, or no subscription, is no portal list.
    expect(textFormatOf('NAME,TYPE,LOCATION,SUBSCRIPTION')).toEqual([]);
    expect(textFormatOf('NAME,TYPE,RESOURCE GROUP,LOCATION')).toEqual([]);
  });

  it('reads display names of types and locations as ARM types and regions', () => {
    const { resources, skipped } = read(
      `${ENGLISH}"stjpe","Storage account","rg-app","Japan East","Production"\r\n` +
        `"vm-web","Virtual machine","rg-app","East US 2","Production"\r\n`,
    );
    expect(skipped).toEqual([]);
    expect(placed(resources)).toEqual([
      {
        id: '/subscriptions/production/resourcegroups/rg-app/providers/microsoft.storage/storageaccounts/stjpe',
        kansaType: 'storage.account',
        nativeType: 'microsoft.storage/storageaccounts',
        region: 'japaneast',
        account: 'production',
        listedOnly: true,
      },
      {
        id: '/subscriptions/production/resourcegroups/rg-app/providers/microsoft.compute/virtualmachines/vm-web',
        kansaType: 'compute.vm',
        nativeType: 'microsoft.compute/virtualmachines',
        region: 'eastus2',
        account: 'production',
        listedOnly: true,
      },
    ]);
    expect(resources.map((r) => [r.facts, r.tags, r.origin])).toEqual([
      [{}, {}, { file: 'portal.csv', line: 2 }],
      [{}, {}, { file: 'portal.csv', line: 3 }],
    ]);
  });

  it('passes over a Tags column, whose cell the portal writes in no published form', () => {
    const { resources, skipped } = read(
      `"NAME","TYPE","RESOURCE GROUP","LOCATION","SUBSCRIPTION","TAGS"\r\n` +
        `"sttokyo","Storage account","rg-app","Japan East","production","env : prod"\r\n`,
    );
    expect(skipped).toEqual([]);
    expect(resources.map((r) => [r.name, r.region, r.tags])).toEqual([['sttokyo', 'japaneast', {}]]);
  });

  it('reads the Japanese portal’s display names, and says what it cannot place', () => {
    const { resources, skipped, notes } = read(
      `${JAPANESE}ストレージ アカウント,sttokyo,rg-庁内,東日本,従量課金,\r\n` +
        `ストレージ アカウント,stvirginia,rg-庁内,米国東部,従量課金,\r\n` +
        `キー コンテナー,kv-庁内,rg-庁内,オーストラリア中部 2,従量課金,\r\n` +
        `パブリック IP アドレス,pip-庁内,rg-庁内,東日本,従量課金,\r\n` +
        `ディスク,,rg-庁内,東日本,従量課金,\r\n`,
    );
    expect(resources.map((r) => [r.name, r.nativeType, r.region, r.account])).toEqual([
      ['sttokyo', 'microsoft.storage/storageaccounts', 'japaneast', '従量課金'],
      ['stvirginia', 'microsoft.storage/storageaccounts', 'eastus', '従量課金'],
      // A location kansa does not know is unknown, never a region abroad.
      ['kv-庁内', 'microsoft.keyvault/vaults', '', '従量課金'],
    ]);
    expect(skipped).toEqual([
      {
        reason:
          'the type "パブリック IP アドレス" is not one kansa reads from the portal\'s display names: its location is not judged (add the "Resource ID" column to the view before exporting)',
        line: 5,
      },
      { reason: 'the 名前 cell is empty: a row names its resource', line: 6 },
    ]);
    expect(notes).toEqual([
      'the export names each subscription, not its id: its resources are named by the subscription name and do not merge with ARM or Resource Graph records of the same resources (add the "Subscription ID" column to the view before exporting)',
      '/subscriptions/従量課金/resourcegroups/rg-庁内/providers/microsoft.keyvault/vaults/kv-庁内: location "オーストラリア中部 2" is not one kansa reads as a region',
    ]);
  });

  it('reads the "Resource groups" list as resource groups', () => {
    const { resources } = read('"NAME","SUBSCRIPTION","LOCATION"\r\n"rg-app","Production","Japan West"\r\n');
    expect(placed(resources)).toEqual([
      {
        id: '/subscriptions/production/resourcegroups/rg-app',
        kansaType: 'other',
        nativeType: 'microsoft.resources/subscriptions/resourcegroups',
        region: 'japanwest',
        account: 'production',
        listedOnly: true,
      },
    ]);
  });

  it('names a resource by its id when the view has the Resource ID column, whatever its type', () => {
    const id = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-app/providers/Microsoft.Network/publicIPAddresses/pip-web`;
    const { resources, skipped } = read(
      `NAME,TYPE,RESOURCE GROUP,LOCATION,SUBSCRIPTION,RESOURCE ID\n` +
        `pip-web,Public IP address,rg-app,Japan East,Production,${id}\n`,
    );
    expect(skipped).toEqual([]);
    expect(placed(resources)).toMatchObject([
      { id: id.toLowerCase(), nativeType: 'microsoft.network/publicipaddresses', account: SUBSCRIPTION },
    ]);
  });

  it('reads a file Excel saved in Shift_JIS (CP932), noting it', async () => {
    const file = path.join(CORPUS, 'all-resources-ja-cp932.csv');
    const resources: Resource[] = [];
    const coverage = await readInputFile(file, (resource) => resources.push(resource));
    expect(coverage).toMatchObject({ format: 'azure-portal-csv', resources: 3 });
    expect(coverage.notes?.map((n) => n.note)).toContain(
      'the file is in Shift_JIS (CP932), as Excel and Japanese Windows tools save it: read as such',
    );
    expect(resources.map((r) => [r.name, r.region, r.account])).toEqual([
      ['stkansatokyo', 'japaneast', '従量課金'],
      ['stkansavirginia', 'eastus', '従量課金'],
      ['vnet-庁内', 'japanwest', '従量課金'],
    ]);
  });

  it('judges a listed resource’s location, and its marks as far as it shows tags: every other check is UNKNOWN', async () => {
    const { findings } = await scanDir({
      'resources.csv':
        `${ENGLISH}"stjpe","Storage account","rg-app","Japan East","Production"\r\n` +
        `"stusa","Storage account","rg-app","East US","Production"\r\n`,
    });
    const onAccounts = findings.filter((f) => f.resource.type === 'storage.account');
    const judged = onAccounts.filter((f) => f.status !== 'UNKNOWN');
    expect(judged.map((f) => [f.resource.name, f.checkId, f.status])).toEqual([
      ['stjpe', 'common.location.data-in-japan', 'PASS'],
      ['stusa', 'common.location.data-in-japan', 'FAIL'],
    ]);
    const unknown = onAccounts.filter((f) => f.status === 'UNKNOWN');
    expect(unknown.length).toBeGreaterThan(5);
    // The classification checks that read tags alone judge a listed resource too: without its tags, UNKNOWN.
    for (const finding of unknown) expect([LISTED_ONLY, ...LISTED_TAG_MESSAGES]).toContain(finding.messageId);
  });

  it('merges with a Resource Graph record of the same resource when the subscription id is exported', async () => {
    const graph = storageRow('stlegacy', storageProperties({ minimumTlsVersion: 'TLS1_0' }), {
      subscriptionId: SUBSCRIPTION,
    });
    const { inventory, findings } = await scanDir({
      'graph.json': JSON.stringify(graphCliOutput([graph])),
      'resources.csv':
        `NAME,TYPE,RESOURCE GROUP,LOCATION,SUBSCRIPTION,SUBSCRIPTION ID\n` +
        `stlegacy,Storage account,${String(graph.resourceGroup)},Japan East,Production,${SUBSCRIPTION}\n`,
    });
    const accounts = [...inventory.all()].filter((r) => r.kansaType === 'storage.account');
    expect(accounts.map((r) => [r.id, r.listedOnly])).toEqual([[String(graph.id).toLowerCase(), undefined]]);
    const tls = findings.find((f) => f.checkId === 'azure.storage.minimum-tls');
    expect(tls?.status).toBe('FAIL');
  });
});
