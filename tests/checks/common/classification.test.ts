import { describe, expect, it } from 'vitest';
import closedNetwork from '../../../src/checks/common/classification/closed-network.ts';
import cmkAtRest from '../../../src/checks/common/classification/cmk-at-rest.ts';
import noMyNumberData from '../../../src/checks/common/classification/no-my-number-data.ts';
import noSecretData from '../../../src/checks/common/classification/no-secret-data.ts';
import topSecretData from '../../../src/checks/common/classification/top-secret-data.ts';
import { azureGraphCli } from '../../../src/sources/azure/graph-cli.ts';
import { evaluate, readRecords } from '../../helpers/checks.ts';

// `az graph query -o json` rows of storage accounts in Resource Graph's shape.
const SUB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const id = (name: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`;

function storage(name: string, tags: Record<string, string>, properties: Record<string, unknown>) {
  return {
    id: id(name),
    name,
    type: 'microsoft.storage/storageaccounts',
    kind: 'StorageV2',
    location: 'japaneast',
    resourceGroup: 'rg-data',
    subscriptionId: SUB,
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    tags,
    properties,
  };
}

const CMK = {
  keySource: 'Microsoft.Keyvault',
  keyvaultproperties: { keyname: 'cmk', keyvaulturi: 'https://kv-city.vault.azure.net/' },
};
const PLATFORM_KEY = { keySource: 'Microsoft.Storage' };

const resources = readRecords(azureGraphCli, {
  count: 7,
  data: [
    storage(
      'stpublicdocs',
      { confidentiality: '1' },
      { encryption: PLATFORM_KEY, publicNetworkAccess: 'Enabled' },
    ),
    storage(
      'stjumin',
      { confidentiality: '2' },
      {
        encryption: CMK,
        publicNetworkAccess: 'Disabled',
        networkAcls: { defaultAction: 'Deny', ipRules: [] },
      },
    ),
    storage(
      'stzeimu',
      {},
      { encryption: PLATFORM_KEY, publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } },
    ),
    storage(
      'stfirewalled',
      { confidentiality: '2' },
      {
        encryption: CMK,
        publicNetworkAccess: 'Enabled',
        networkAcls: { defaultAction: 'Deny', ipRules: [], virtualNetworkRules: [{ id: 'subnet-a' }] },
      },
    ),
    storage('stprojected', { confidentiality: '2' }, {}),
    storage('stsecret', { confidentiality: '3' }, { encryption: CMK }),
    storage('stmynumber', { confidentiality: '2', MyNumber: 'Yes' }, { encryption: CMK }),
  ],
  skip_token: null,
  total_records: 7,
});

describe('common.classification.cmk-at-rest (CLS-1)', () => {
  it.each([
    ['stpublicdocs', 'NOT_APPLICABLE', 'notClassified'], // class 1
    ['stjumin', 'PASS', 'customerKey'],
    ['stzeimu', 'FAIL', 'providerKey'], // untagged: the default class 2
  ])('%s → %s', (name, status, message) => {
    expect(evaluate(cmkAtRest, resources, id(name))).toMatchObject({ status, message });
  });

  it('an absent encryption setting is the platform key by default: FAIL with the default as evidence', () => {
    const result = evaluate(cmkAtRest, resources, id('stprojected'));
    expect(result.status).toBe('FAIL');
    expect(result.evidence[1]?.source).toBe('default');
  });

  it('follows the configured default class for untagged resources', () => {
    const relaxed = { classification: { tagKey: 'confidentiality', default: 1 } };
    expect(evaluate(cmkAtRest, resources, id('stzeimu'), relaxed).status).toBe('NOT_APPLICABLE');
  });
});

describe('common.classification.closed-network (CLS-2)', () => {
  it.each([
    ['stpublicdocs', 'NOT_APPLICABLE', 'notClassified'],
    ['stjumin', 'PASS', 'closed'], // public network access disabled
    ['stfirewalled', 'PASS', 'closed'], // firewall denies, no public IP rules
    ['stzeimu', 'FAIL', 'public'],
  ])('%s → %s', (name, status, message) => {
    expect(evaluate(closedNetwork, resources, id(name))).toMatchObject({ status, message });
  });

  it('is never a pass when the export does not show the network settings', () => {
    const result = evaluate(closedNetwork, resources, id('stprojected'));
    expect(result.status).not.toBe('PASS');
  });
});

describe('common.classification.no-secret-data (CLS-3)', () => {
  it.each([
    ['stjumin', 'PASS', 'allowed'],
    ['stsecret', 'FAIL', 'secretClass'],
    ['stmynumber', 'PASS', 'allowed'], // class 2: My Number is a rule of its own
  ])('%s → %s', (name, status, message) => {
    expect(evaluate(noSecretData, resources, id(name))).toMatchObject({ status, message });
  });

  it.each([
    ['stjumin', 'PASS', 'notMarked'],
    ['stmynumber', 'FAIL', 'myNumber'], // tag key and value in any case
  ])('no-my-number-data (Kobe view): %s → %s', (name, status, message) => {
    expect(evaluate(noMyNumberData, resources, id(name))).toMatchObject({ status, message });
  });

  it('is critical', () => {
    expect(noSecretData.meta.severity).toBe('critical');
  });
});

describe('common.classification.top-secret-data (CLS-3, national view)', () => {
  const marked = readRecords(azureGraphCli, {
    count: 3,
    data: [
      storage('stgokuhi', { 'kansa:secrecy': 'gokuhi' }, { encryption: CMK }),
      storage('stclass3', { confidentiality: '3' }, { encryption: CMK }),
      storage('stmynumber2', { MyNumber: 'yes' }, { encryption: CMK }),
    ],
  });

  it.each([
    ['stgokuhi', 'FAIL', 'topSecret'],
    // The national rule bans 特定秘密 and 極秘文書 only: class 3 and My Number are other rules.
    ['stclass3', 'PASS', 'notMarked'],
    ['stmynumber2', 'PASS', 'notMarked'],
  ])('%s → %s', (name, status, message) => {
    expect(evaluate(topSecretData, marked, id(name))).toMatchObject({ status, message });
  });
});
