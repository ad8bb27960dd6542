import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileCoverage } from '../../../src/model/coverage.ts';
import type { Resource } from '../../../src/model/resource.ts';
import { localizeProblem } from '../../../src/report/problem-text.ts';
import { readInput } from '../../../src/sources/read-inputs.ts';
import { walkInputs } from '../../../src/sources/walk-inputs.ts';
import { zipArchive } from '../../helpers/zip.ts';

// Template parameter files as Azure's samples and tools lay them out beside their templates:
// Azure/azure-quickstart-templates (`azuredeploy.json`, `azuredeploy.parameters.json` with the
// CI placeholders `GEN-UNIQUE`, `GEN-PASSWORD`, `azuredeploy.parameters.us.json`, `metadata.json`
// with the samples' metadata schema, `main.bicep`), the portal's "Export template" download
// (`template.json`, `parameters.json`), Key Vault references as the ARM docs write them
// ("Use Azure Key Vault to pass secure parameter value during deployment"), written for kansa.

const TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';
const SECRET = 'Pa55w0rd-never-printed';

/** A Quickstart-like storage template: TLS and public access from parameters, a secure one unused by any check. */
const template = JSON.stringify({
  $schema: TEMPLATE_SCHEMA,
  contentVersion: '1.0.0.0',
  parameters: {
    storageAccountName: { type: 'string' },
    location: { type: 'string', defaultValue: '[resourceGroup().location]' },
    minimumTlsVersion: {
      type: 'string',
      defaultValue: 'TLS1_2',
      allowedValues: ['TLS1_0', 'TLS1_1', 'TLS1_2'],
    },
    allowBlobPublicAccess: { type: 'bool', defaultValue: false },
    adminPassword: { type: 'securestring' },
  },
  resources: [
    {
      type: 'Microsoft.Storage/storageAccounts',
      apiVersion: '2023-01-01',
      name: "[parameters('storageAccountName')]",
      location: "[parameters('location')]",
      sku: { name: 'Standard_LRS' },
      kind: 'StorageV2',
      tags: { owner: "[parameters('adminPassword')]" },
      properties: {
        minimumTlsVersion: "[parameters('minimumTlsVersion')]",
        allowBlobPublicAccess: "[parameters('allowBlobPublicAccess')]",
      },
    },
  ],
});

const parameterFile = (parameters: Record<string, unknown>) =>
  JSON.stringify({ $schema: PARAMETERS_SCHEMA, contentVersion: '1.0.0.0', parameters });

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kansa-arm-parameters-'));
});

/** Writes a folder of files and reads it as a scan does: every file walked, in the walk's order. */
async function scanFolder(name: string, files: Record<string, string>) {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), content);
  const walk = await walkInputs([dir]);
  const resources: Resource[] = [];
  const coverage: FileCoverage[] = [...walk.passedOver];
  for (const file of walk.files) coverage.push(...(await readInput(file, (r) => resources.push(r))));
  const of = (file: string) => coverage.find((c) => path.basename(c.path) === file);
  return { resources, coverage, of };
}

const fact = (resource: Resource | undefined, key: string) =>
  (
    resource?.facts as Record<string, { value?: unknown; source: string; note?: { en: string } }> | undefined
  )?.[key];

describe('a template with the parameter file that goes with it', () => {
  it('applies azuredeploy.parameters.json to azuredeploy.json (the Quickstart layout), the rest passed over', async () => {
    const { resources, coverage, of } = await scanFolder('quickstart', {
      'azuredeploy.json': template,
      'azuredeploy.parameters.json': parameterFile({
        storageAccountName: { value: 'stkansa01' },
        location: { value: 'japaneast' },
        minimumTlsVersion: { value: 'TLS1_0' },
        allowBlobPublicAccess: { value: true },
        adminPassword: { value: SECRET },
      }),
      'azuredeploy.parameters.us.json': parameterFile({ location: { value: 'usgovvirginia' } }),
      'metadata.json': JSON.stringify({
        $schema: 'https://aka.ms/azure-quickstart-templates-metadata-schema#',
        itemDisplayName: 'Create a storage account',
        type: 'QuickStart',
      }),
      'main.bicep': 'param storageAccountName string\nparam location string = resourceGroup().location\n',
    });
    expect(resources).toHaveLength(1);
    const [storage] = resources;
    expect(storage?.name).toBe('stkansa01');
    expect(storage?.region).toBe('japaneast');
    expect(fact(storage, 'minimumTlsVersion')).toMatchObject({ value: 'TLS1_0', source: 'explicit' });
    expect(fact(storage, 'allowBlobPublicAccess')).toMatchObject({ value: true, source: 'explicit' });
    expect(of('azuredeploy.json')?.notes?.[0]?.note).toBe(
      'its parameters take the values of azuredeploy.parameters.json beside it',
    );
    expect(of('azuredeploy.parameters.json')).toMatchObject({
      ignored: 'a template parameter file: nothing to scan in itself; applied to azuredeploy.json beside it',
      skipped: [],
    });
    expect(of('azuredeploy.parameters.us.json')?.ignored).toBe(
      'a template parameter file: nothing to scan in itself, and applied to no template: the templates beside it have their own (azuredeploy.json: azuredeploy.parameters.json)',
    );
    expect(of('metadata.json')?.ignored).toMatch(/^an Azure Quickstart Templates metadata\.json/);
    expect(of('main.bicep')?.ignored).toMatch(/^a Bicep file, which kansa does not compile/);
    expect(coverage.filter((c) => c.error)).toEqual([]);
    // A secure parameter's value is a secret: it reaches no name, tag, fact or message.
    expect(JSON.stringify({ resources, coverage })).not.toContain(SECRET);
  });

  it('applies the one parameter file of a folder with one template (the portal’s template.json and parameters.json)', async () => {
    const { resources, of } = await scanFolder('portal', {
      'template.json': template,
      'parameters.json': parameterFile({
        storageAccountName: { value: 'stportal01' },
        minimumTlsVersion: { value: 'TLS1_1' },
      }),
    });
    expect(resources[0]?.name).toBe('stportal01');
    expect(fact(resources[0], 'minimumTlsVersion')).toMatchObject({ value: 'TLS1_1', source: 'explicit' });
    expect(of('parameters.json')?.ignored).toMatch(/applied to template\.json beside it$/);
  });

  it('applies the file whose metadata.template names the template (PSRule for Azure’s link), among several templates', async () => {
    const { resources, of } = await scanFolder('psrule', {
      'Resources.Storage.Template.json': template,
      'Resources.Other.Template.json': template.replace("parameters('storageAccountName')", "'stother01'"),
      'Resources.Storage.Parameters.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2015-01-01/deploymentParameters.json#',
        contentVersion: '1.0.0.0',
        metadata: { template: './Resources.Storage.Template.json' },
        parameters: { storageAccountName: { value: 'stpsrule01' }, minimumTlsVersion: { value: 'TLS1_0' } },
      }),
      'Resources.Missing.Parameters.json': JSON.stringify({
        $schema: PARAMETERS_SCHEMA,
        metadata: { template: '../templates/missing.json' },
        parameters: {},
      }),
    });
    const linked = resources.find((r) => r.name === 'stpsrule01');
    expect(fact(linked, 'minimumTlsVersion')).toMatchObject({ value: 'TLS1_0', source: 'explicit' });
    expect(of('Resources.Storage.Parameters.json')?.ignored).toMatch(
      /applied to Resources\.Storage\.Template\.json/,
    );
    expect(of('Resources.Missing.Parameters.json')?.ignored).toMatch(
      /its metadata\.template names \.\.\/templates\/missing\.json, which is no template beside it$/,
    );
  });

  it('pairs files saved as UTF-16 by Windows PowerShell (Out-File), as it reads them', async () => {
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const dir = path.join(root, 'utf16');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'azuredeploy.json'), utf16(template));
    await writeFile(
      path.join(dir, 'azuredeploy.parameters.json'),
      utf16(
        parameterFile({ storageAccountName: { value: 'stutf16' }, minimumTlsVersion: { value: 'TLS1_0' } }),
      ),
    );
    const resources: Resource[] = [];
    const [coverage] = await readInput(path.join(dir, 'azuredeploy.parameters.json'), () => {});
    await readInput(path.join(dir, 'azuredeploy.json'), (r) => resources.push(r));
    expect(coverage?.ignored).toMatch(/applied to azuredeploy\.json beside it$/);
    expect(fact(resources[0], 'minimumTlsVersion')).toMatchObject({ value: 'TLS1_0', source: 'explicit' });
  });

  it('leaves to the deployment what only it knows: Key Vault references, Quickstart CI placeholders, parameters without a value', async () => {
    const { resources } = await scanFolder('deployment-values', {
      'azuredeploy.json': template,
      'azuredeploy.parameters.json': parameterFile({
        storageAccountName: { value: 'GEN-UNIQUE-8' },
        minimumTlsVersion: {
          reference: {
            keyVault: {
              id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
            },
            secretName: 'tls',
          },
        },
        adminPassword: { value: 'GEN-PASSWORD' },
      }),
    });
    expect(resources[0]?.name).toBe('{storageAccountName}');
    expect(fact(resources[0], 'minimumTlsVersion')).toMatchObject({ source: 'unknown' });
    expect(fact(resources[0], 'minimumTlsVersion')?.note?.en).toContain("[parameters('minimumTlsVersion')]");
    // The file does not set it: the template's default holds.
    expect(fact(resources[0], 'allowBlobPublicAccess')).toMatchObject({ value: false, source: 'explicit' });
  });

  it('takes null for a nullable parameter (Bicep’s `param x string?`), as ARM does', async () => {
    const nullable = JSON.parse(template);
    nullable.parameters.minimumTlsVersion = { type: 'string', nullable: true };
    const { resources, of } = await scanFolder('nullable', {
      'main.json': JSON.stringify(nullable),
      'main.parameters.json': parameterFile({
        storageAccountName: { value: 'stnullable01' },
        minimumTlsVersion: { value: null },
      }),
    });
    expect(of('main.parameters.json')?.skipped).toEqual([]);
    // Null leaves the property out: the API's default (TLS 1.0 for an account that never set it).
    expect(fact(resources[0], 'minimumTlsVersion')).toMatchObject({ source: 'default' });
  });

  it('lists each parameter ARM would refuse, without its value, and reads it as unknown', async () => {
    const { resources, of } = await scanFolder('refused', {
      'azuredeploy.json': template,
      'azuredeploy.parameters.json': parameterFile({
        storageAccountName: { value: 'strefused01' },
        minimumTlsVersion: { value: 'TLS9_9' },
        allowBlobPublicAccess: { value: 'false' },
        storageSku: { value: 'Standard_GRS' },
        location: {},
      }),
    });
    expect(of('azuredeploy.parameters.json')?.skipped).toEqual([
      {
        index: 1,
        reason:
          "parameter minimumTlsVersion: its value is not one of the template's allowedValues (a deployment with this file is refused): read as unknown",
      },
      {
        index: 2,
        reason:
          'parameter allowBlobPublicAccess: a string where the template declares bool (a deployment with this file is refused): read as unknown',
      },
      {
        index: 3,
        reason:
          'parameter storageSku: the template declares no such parameter (a deployment with this file is refused): not applied',
      },
      { index: 4, reason: 'parameter location: neither a value nor a Key Vault reference: read as unknown' },
    ]);
    expect(JSON.stringify(of('azuredeploy.parameters.json'))).not.toContain('TLS9_9');
    expect(fact(resources[0], 'minimumTlsVersion')).toMatchObject({ source: 'unknown' });
    expect(fact(resources[0], 'allowBlobPublicAccess')).toMatchObject({ source: 'unknown' });
    expect(resources[0]?.region).toBe('');
  });
});

describe('a parameter file that goes with no template', () => {
  it('applies none where the pairing is not clear, and says so', async () => {
    const { resources, of } = await scanFolder('ambiguous', {
      'template.json': template,
      'dev.parameters.json': parameterFile({ minimumTlsVersion: { value: 'TLS1_0' } }),
      'prod.parameters.json': parameterFile({ minimumTlsVersion: { value: 'TLS1_2' } }),
    });
    expect(fact(resources[0], 'minimumTlsVersion')).toMatchObject({ value: 'TLS1_2', source: 'explicit' });
    expect(of('template.json')?.notes ?? []).not.toContainEqual(
      expect.objectContaining({ note: expect.stringContaining('take the values') }),
    );
    expect(of('dev.parameters.json')?.ignored).toBe(
      'a template parameter file: nothing to scan in itself, and applied to no template: which template beside it it goes with is not clear (templates template.json; parameter files dev.parameters.json, prod.parameters.json): name it <template>.parameters.json',
    );
  });

  it('is passed over alone, or beside the Bicep file it goes with, and the scan is not partial', async () => {
    const lone = await scanFolder('lone', {
      'azuredeploy.parameters.json': parameterFile({ location: { value: 'japaneast' } }),
    });
    expect(lone.of('azuredeploy.parameters.json')).toMatchObject({
      format: 'azure-arm-template',
      ignored:
        'a template parameter file: nothing to scan in itself, and applied to no template: no template beside it',
      skipped: [],
    });
    const bicep = await scanFolder('bicep', {
      'main.bicep': 'param location string\n',
      'main.parameters.json': parameterFile({ location: { value: 'japaneast' } }),
      'main.bicepparam': "using './main.bicep'\nparam location = 'japaneast'\n",
    });
    expect(bicep.of('main.parameters.json')?.ignored).toMatch(
      /applied to no template: it goes with main\.bicep, which kansa does not read/,
    );
    expect(bicep.of('main.bicepparam')?.ignored).toMatch(
      /^a Bicep parameters file, which kansa does not evaluate/,
    );
    expect(bicep.coverage.filter((c) => c.error)).toEqual([]);
  });

  it('in a ZIP archive, where nothing beside an entry is read: the template keeps its defaults', async () => {
    const archive = path.join(root, 'handover.zip');
    await writeFile(
      archive,
      zipArchive([
        { name: 'arm/azuredeploy.json', data: template },
        {
          name: 'arm/azuredeploy.parameters.json',
          data: parameterFile({ minimumTlsVersion: { value: 'TLS1_0' } }),
        },
      ]),
    );
    const resources: Resource[] = [];
    const files = await readInput(archive, (r) => resources.push(r));
    expect(fact(resources[0], 'minimumTlsVersion')).toMatchObject({ value: 'TLS1_2' });
    expect(files.find((f) => f.path.endsWith('azuredeploy.parameters.json'))?.ignored).toMatch(
      /in a ZIP archive kansa reads nothing beside an entry; extract the archive and scan the folder$/,
    );
  });
});

describe('what is said of parameter files, in Japanese', () => {
  it.each([
    'a template parameter file: nothing to scan in itself; applied to azuredeploy.json beside it',
    'a template parameter file: nothing to scan in itself, and applied to no template: no template beside it',
    'a template parameter file: nothing to scan in itself, and applied to no template: the templates beside it have their own (azuredeploy.json: azuredeploy.parameters.json)',
    'a template parameter file: nothing to scan in itself, and applied to no template: which template beside it it goes with is not clear (templates a.json, b.json; parameter files p.json): name it <template>.parameters.json',
    'a template parameter file: nothing to scan in itself, and applied to no template: it goes with main.bicep, which kansa does not read: scan the template az bicep build writes from it, with this file beside it named <template>.parameters.json',
    'a template parameter file: nothing to scan in itself, and applied to no template: its metadata.template names ../t.json, which is no template beside it',
    'a template parameter file: nothing to scan in itself, and applied to no template: another parameter file beside it names the same template, t.json, in its metadata.template',
    'a template parameter file: nothing to scan in itself, and applied to no template: in a ZIP archive kansa reads nothing beside an entry; extract the archive and scan the folder',
    'an Azure Quickstart Templates metadata.json (the sample’s entry in the samples’ index): nothing to scan',
    'parameter sku: a string where the template declares int (a deployment with this file is refused): read as unknown',
    'a Bicep file, which kansa does not compile: scan the ARM template az bicep build --file <name>.bicep writes (a module is inside the template of the file that uses it)',
    'a Bicep parameters file, which kansa does not evaluate: az bicep build-params --file <name>.bicepparam writes its JSON parameter file; name it <template>.parameters.json beside the template to apply it',
  ])('%s', (text) => {
    const ja = localizeProblem(text, 'ja');
    expect(ja).not.toBe(text);
    expect(
      ja.replace(/[\w.<>-]+\.(?:json|bicep|bicepparam)|`[^`]*`|metadata|parameters|allowedValues/g, ''),
    ).not.toMatch(/\b[a-z]{2,}(?: [a-z]{2,}){2,}\b/);
  });
});
