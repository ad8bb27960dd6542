import { graphQuery } from '../../../helpers/exports.ts';

// `az graph query -o json` rows of storage accounts in Resource Graph's shape, for the
// common.classification.* cases: each case evaluates one of them (`target`) in the same export.
export const SUB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const id = (name: string) =>
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

export const ACCOUNTS = graphQuery([
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
  storage('stgokuhi', { confidentiality: '1', 'kansa:secrecy': 'gokuhi' }, { encryption: CMK }),
  storage('stmynumber', { confidentiality: '2', MyNumber: 'Yes' }, { encryption: CMK }),
  // Marks written as people write them: in Japanese, with spaces and capitals, or a plain no.
  storage('stmynumberja', { confidentiality: '2', MyNumber: 'はい' }, { encryption: CMK }),
  storage('stmynumberno', { confidentiality: '2', 'my-number': 'No' }, { encryption: CMK }),
  storage('stgokuhispaced', { confidentiality: '3', 'kansa:secrecy': ' GOKUHI ' }, { encryption: CMK }),
  storage('sthi', { confidentiality: '3', 'kansa:secrecy': '秘' }, { encryption: CMK }),
  // Classes as Japanese public bodies write them, beside the digit alone.
  storage('stkimitsu3', { Confidentiality: '機密性３情報' }, { encryption: CMK }),
  storage(
    'stclassc2',
    { Confidentiality: 'C2' },
    { encryption: PLATFORM_KEY, publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } },
  ),
  // A secret document's grade is class 3 (the standards' 機密性3情報 is information needing a
  // secret document's secrecy).
  storage('stgokuhiclass', { confidentiality: '極秘' }, { encryption: CMK }),
  // The tag is there, its value no class: `Secret` says no grade, Ⅱ a numeral kansa does not take.
  storage(
    'stsecretword',
    { confidentiality: 'Secret' },
    { encryption: PLATFORM_KEY, publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } },
  ),
  storage(
    'stroman',
    { confidentiality: '機密性Ⅱ' },
    { encryption: CMK, publicNetworkAccess: 'Disabled', networkAcls: { defaultAction: 'Deny', ipRules: [] } },
  ),
]);

// Marks as each cloud lets them be written, for the mark checks alone: `_` for `-` (Google Cloud
// labels take no `:`), words with a space, the key or the value in Japanese (labels take
// international characters too), a value that says nothing.
export const MARKED = graphQuery([
  storage('stmynumberunderscore', { my_number: 'true' }, { encryption: CMK }),
  storage('stmynumberfullwidth', { mynumber: '１' }, { encryption: CMK }),
  storage('stkojinbangou', { 個人番号: 'あり' }, { encryption: CMK }),
  storage('stmainanba', { マイナンバー: '有' }, { encryption: CMK }),
  storage('stmynumberempty', { mynumber: '' }, { encryption: CMK }),
  storage('stmynumbertaishougai', { mynumber: '対象外' }, { encryption: CMK }),
  storage('stmynumbergaitounashi', { mynumber: '該当なし' }, { encryption: CMK }),
  storage('sttopsecretwords', { 'kansa:secrecy': 'Top Secret' }, { encryption: CMK }),
  storage('sttokuteiunderscore', { kansa_secrecy: 'TOKUTEI_HIMITSU' }, { encryption: CMK }),
  storage('stgokuhija', { 'kansa:secrecy': '極秘' }, { encryption: CMK }),
  storage('sttokuteija', { 'kansa-secrecy': '特定秘密' }, { encryption: CMK }),
  storage('stsecrecyblank', { 'kansa:secrecy': ' ' }, { encryption: CMK }),
  // The classification tag naming the grade itself, not a class.
  storage('stkimitsugokuhi', { 機密性: '極秘' }, { encryption: CMK }),
  storage('stclasstokutei', { Confidentiality: 'Tokutei-Himitsu' }, { encryption: CMK }),
]);
