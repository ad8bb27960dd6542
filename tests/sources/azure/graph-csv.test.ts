import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import nsgInternetIngress from '../../../src/checks/azure/network/nsg-internet-ingress.ts';
import blobPublicAccess from '../../../src/checks/azure/storage/blob-public-access.ts';
import minimumTls from '../../../src/checks/azure/storage/minimum-tls.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { azureGraphCsv } from '../../../src/sources/azure/graph-csv.ts';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { readInputFile } from '../../../src/sources/read-inputs.ts';
import { graphCliOutput, idOf, row, storageProperties, storageRow } from '../../checks/azure/arg-rows.ts';
import { evaluate } from '../../helpers/checks.ts';
import { writeCsv } from '../csv/write-csv.ts';

// Resource Graph Explorer's "Download as CSV": the query's columns as the header, dynamic
// columns (`properties`, `sku`, `tags`, …) as JSON text in quoted cells, null as an empty cell
// (tests/corpus/SOURCES.md names the public material modelled).
const COLUMNS = [
  'id',
  'name',
  'type',
  'tenantId',
  'kind',
  'location',
  'resourceGroup',
  'subscriptionId',
  'managedBy',
  'sku',
  'plan',
  'properties',
  'tags',
  'identity',
  'zones',
  'extendedLocation',
];

const legacyAccount = storageRow(
  'stlegacy',
  storageProperties({ minimumTlsVersion: 'TLS1_0', allowBlobPublicAccess: true }),
  { tags: { owner: 'digital-office' } },
);
const nsg = row('Microsoft.Network', 'networkSecurityGroups', 'networkSecurityGroups/nsg-web', {
  properties: {
    provisioningState: 'Succeeded',
    securityRules: [
      {
        name: 'allow-ssh',
        properties: {
          protocol: 'Tcp',
          sourcePortRange: '*',
          destinationPortRange: '22',
          sourceAddressPrefix: 'Internet',
          destinationAddressPrefix: '*',
          access: 'Allow',
          priority: 100,
          direction: 'Inbound',
        },
      },
    ],
  },
});

function read(text: string) {
  const skipped: { reason: string; line?: number }[] = [];
  const resources = [
    ...azureGraphCsv.read(text, {
      file: 'graph.csv',
      skip: (reason, where) => skipped.push({ reason, ...where }),
    }),
  ];
  return { resources, skipped };
}

const withoutOrigin = (resources: readonly Resource[]) => resources.map(({ origin: _, ...rest }) => rest);

// The CSV parser is loaded by the scan before a text format is asked (read-inputs); here, first.
beforeAll(loadCsvParser);

describe('azure-graph-csv', () => {
  it('is recognised by its header, before no other format and after none', () => {
    const textFormatOf = (firstLine: string) =>
      INPUT_FORMATS.filter((f) => f.kind === 'text' && f.matches(firstLine)).map((f) => f.id);
    expect(textFormatOf(COLUMNS.join(','))).toEqual(['azure-graph-csv']);
    expect(textFormatOf(COLUMNS.map((c) => `"${c}"`).join(','))).toEqual(['azure-graph-csv']);
    expect(textFormatOf('"ID","NAME","TYPE","SUBSCRIPTIONID"')).toEqual(['azure-graph-csv']);
    expect(textFormatOf('id,name,type,location,subscriptionId')).toEqual(['azure-graph-csv']);
    // Another CSV with an id and a type is not Resource Graph's.
    expect(textFormatOf('id,type,amount')).toEqual([]);
  });

  it('gives the resources az graph query gives for the same rows', () => {
    const rows = [legacyAccount, nsg];
    const fromCsv = read(writeCsv(COLUMNS, rows, { quoteAll: true, crlf: true, bom: true }));
    const fromJson = [...azureGraphCli.read(graphCliOutput(rows), { file: 'graph.json', skip: () => {} })];
    expect(fromCsv.skipped).toEqual([]);
    expect(withoutOrigin(fromCsv.resources)).toEqual(withoutOrigin(fromJson));
    expect(fromCsv.resources.map((resource) => resource.origin)).toEqual([
      { file: 'graph.csv', line: 2 },
      { file: 'graph.csv', line: 3 },
    ]);
  });

  it('reads a header in any casing', () => {
    const text = writeCsv(COLUMNS, [legacyAccount, nsg]);
    const upper = text.replace(/^[^\n]*/, (header) => header.toUpperCase());
    expect(withoutOrigin(read(upper).resources)).toEqual(withoutOrigin(read(text).resources));
  });

  it('fails a storage account with TLS 1.0 and public blob access, naming the fields', () => {
    const { resources } = read(writeCsv(COLUMNS, [legacyAccount]));
    const tls = evaluate(minimumTls, resources, idOf(legacyAccount));
    expect(tls.status).toBe('FAIL');
    expect(tls.evidence).toContainEqual(
      expect.objectContaining({ path: 'properties.minimumTlsVersion', value: 'TLS1_0', source: 'explicit' }),
    );
    const blob = evaluate(blobPublicAccess, resources, idOf(legacyAccount));
    expect(blob.status).toBe('FAIL');
    expect(blob.evidence).toContainEqual(
      expect.objectContaining({ path: 'properties.allowBlobPublicAccess', value: true }),
    );
  });

  it('fails a network security group that admits SSH from the internet', () => {
    const { resources } = read(writeCsv(COLUMNS, [nsg]));
    expect(evaluate(nsgInternetIngress, resources, idOf(nsg)).status).toBe('FAIL');
  });

  it('leaves every setting unknown when the query did not keep `properties`', () => {
    const projected = ['id', 'name', 'type', 'location', 'subscriptionId', 'minimumTlsVersion'];
    const { resources } = read(writeCsv(projected, [{ ...legacyAccount, minimumTlsVersion: 'TLS1_0' }]));
    const tls = evaluate(minimumTls, resources, idOf(legacyAccount));
    expect(tls.status).toBe('UNKNOWN');
    expect(evaluate(blobPublicAccess, resources, idOf(legacyAccount)).status).toBe('UNKNOWN');
  });

  it('reads the properties_<path> columns of a projection as those settings, lists as JSON text', () => {
    const cluster = row('Microsoft.ContainerService', 'managedClusters', 'managedClusters/aks-ranges', {});
    const projected = ['id', 'name', 'type', 'subscriptionId', 'properties_supportsHttpsTrafficOnly'];
    const aks = 'properties_apiServerAccessProfile_authorizedIPRanges';
    const { resources } = read(
      writeCsv(
        [...projected, aks],
        [
          { ...legacyAccount, properties_supportsHttpsTrafficOnly: 'false' },
          { ...cluster, [aks]: JSON.stringify(['203.0.113.8/29']) },
        ],
      ),
    );
    expect(resources[0]!.facts).toMatchObject({
      httpsTrafficOnly: { source: 'explicit', value: false, path: 'properties.supportsHttpsTrafficOnly' },
      minimumTlsVersion: { source: 'unknown' },
    });
    expect(resources[1]!.facts).toMatchObject({
      authorizedIpRanges: { source: 'explicit', value: ['203.0.113.8/29'] },
      privateCluster: { source: 'unknown' },
    });
  });

  it('reads the TRUE / FALSE that Excel writes back into a projection it saved again', () => {
    const projected = ['id', 'name', 'type', 'subscriptionId', 'properties_supportsHttpsTrafficOnly'];
    const { resources } = read(
      writeCsv(projected, [{ ...legacyAccount, properties_supportsHttpsTrafficOnly: 'FALSE' }]),
    );
    expect(resources[0]!.facts).toMatchObject({ httpsTrafficOnly: { source: 'explicit', value: false } });
  });

  it('reads a row without an id as a skip on its line', () => {
    const text = writeCsv(COLUMNS, [legacyAccount, { ...nsg, id: '' }]);
    expect(read(text).skipped).toEqual([{ reason: 'no `id` column: project `id` in the query', line: 3 }]);
  });
});

describe('azure-graph-csv: malformed files', () => {
  const header = `${COLUMNS.join(',')}\n`;
  const good = writeCsv(COLUMNS, [legacyAccount]).slice(header.length);

  async function scanFile(text: string) {
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-graph-csv-'));
    const file = path.join(dir, 'graph.csv');
    await writeFile(file, text);
    const resources: Resource[] = [];
    const coverage = await readInputFile(file, (resource) => resources.push(resource));
    return { coverage, resources, file };
  }

  it('names the line of a quote never closed, and keeps the rows before it', async () => {
    const { coverage, resources, file } = await scanFile(`${header}${good}"/subscriptions/x,unterminated\n`);
    expect(coverage.format).toBe('azure-graph-csv');
    expect(resources).toHaveLength(1);
    expect(coverage.error).toBe(
      `${file}:3: malformed CSV: a quoted cell that starts in the row on this line is never closed`,
    );
  });

  it('names the line of a row whose cells do not match the header', async () => {
    const { coverage, resources, file } = await scanFile(`${header}a,b,c\n${good}`);
    expect(resources).toHaveLength(0);
    expect(coverage.error).toBe(
      `${file}:2: malformed CSV: the row's cells (3) do not match the header's columns (16)`,
    );
  });

  it('names the column and line of a dynamic cell that is not JSON', async () => {
    const broken = good.replace('"{""name"":""Standard_LRS""', '"{name:Standard_LRS');
    const { coverage, file } = await scanFile(`${header}${good}${broken}`);
    expect(coverage.error).toMatch(
      new RegExp(
        `^${file.replaceAll('.', '\\.')}:3: the sku column is not JSON \\(.+\\): Resource Graph writes its dynamic columns as JSON text$`,
      ),
    );
    expect(coverage.resources).toBe(1);
  });

  it('reads a file with a byte-order mark and CRLF line ends, and one in UTF-16', async () => {
    const text = writeCsv(COLUMNS, [legacyAccount, nsg], { quoteAll: true, crlf: true, bom: true });
    expect((await scanFile(text)).coverage).toMatchObject({ format: 'azure-graph-csv', resources: 2 });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.slice(1), 'utf16le')]);
    const dir = await mkdtemp(path.join(tmpdir(), 'kansa-graph-csv-'));
    await writeFile(path.join(dir, 'graph.csv'), utf16);
    const coverage = await readInputFile(path.join(dir, 'graph.csv'), () => {});
    expect(coverage).toMatchObject({ format: 'azure-graph-csv', resources: 2 });
  });
});
