import { type Resource, UNKNOWN_REGION } from '../../model/resource.ts';
import { type CsvRow, headedCsv, loadCsvParser } from '../csv.ts';
import type { ReadContext, TextFormat } from '../format.ts';
import { ADAPTERS } from './adapters/index.ts';
import { GUID, subscriptionOf, typeFromId } from './arm-record.ts';

/**
 * The portal's browse lists ("All resources", "Resource groups") → "Export to CSV": one column
 * per column of the view, headed by its label in the portal's language (English `NAME`, `TYPE`,
 * `RESOURCE GROUP`, `LOCATION`, `SUBSCRIPTION`; Japanese 名前, 種類, リソース グループ, 場所,
 * サブスクリプション), a type's and a location's display names ("Storage account" /
 * ストレージ アカウント, "Japan East" / 東日本) and the subscription's name, not its id. Columns
 * are told by label, in any order, spaced, cased and full- or half-width as they come: a
 * column is named by its label with NFKC applied, lower-cased and without white space.
 */
const COLUMN_LABELS: Readonly<Record<string, Column>> = {
  name: 'name',
  名前: 'name',
  type: 'type',
  種類: 'type',
  resourcegroup: 'resourceGroup',
  リソースグループ: 'resourceGroup',
  location: 'location',
  場所: 'location',
  subscription: 'subscription',
  サブスクリプション: 'subscription',
  // Columns a view may add ("Manage view" → "Edit columns"): with them a row names its resource
  // as ARM does, and merges with an ARM or Resource Graph record of it.
  subscriptionid: 'subscriptionId',
  サブスクリプションid: 'subscriptionId',
  resourceid: 'resourceId',
  リソースid: 'resourceId',
  // The view's "Tags" column is not read: no export published shows how the portal writes a
  // resource's tags in its cell (a key and value with what between them, several how joined),
  // and a guess could split one tag in two.
};

type Column =
  | 'name'
  | 'type'
  | 'resourceGroup'
  | 'location'
  | 'subscription'
  | 'subscriptionId'
  | 'resourceId';

function columnKey(label: string): string {
  return label.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Type display names of the English and Japanese portal → ARM types, for the types kansa reads
 * (a type not listed is skipped, naming it, unless the row carries its resource id). The
 * resource groups list has no type column: its rows are resource groups.
 */
const TYPE_NAMES: ReadonlyMap<string, string> = new Map(
  (
    [
      ['microsoft.storage/storageaccounts', 'Storage account', 'ストレージ アカウント'],
      ['microsoft.compute/virtualmachines', 'Virtual machine', '仮想マシン'],
      [
        'microsoft.compute/virtualmachinescalesets',
        'Virtual machine scale set',
        '仮想マシン スケール セット',
      ],
      ['microsoft.compute/disks', 'Disk', 'ディスク'],
      ['microsoft.compute/snapshots', 'Snapshot', 'スナップショット'],
      ['microsoft.keyvault/vaults', 'Key vault', 'キー コンテナー'],
      ['microsoft.sql/servers', 'SQL server', 'SQL サーバー'],
      ['microsoft.sql/managedinstances', 'SQL managed instance', 'SQL マネージド インスタンス'],
      [
        'microsoft.dbforpostgresql/flexibleservers',
        'Azure Database for PostgreSQL flexible server',
        'Azure Database for PostgreSQL フレキシブル サーバー',
      ],
      [
        'microsoft.dbformysql/flexibleservers',
        'Azure Database for MySQL flexible server',
        'Azure Database for MySQL フレキシブル サーバー',
      ],
      ['microsoft.documentdb/databaseaccounts', 'Azure Cosmos DB account', 'Azure Cosmos DB アカウント'],
      ['microsoft.cache/redis', 'Azure Cache for Redis', 'Azure Cache for Redis'],
      ['microsoft.containerregistry/registries', 'Container registry', 'コンテナー レジストリ'],
      ['microsoft.containerservice/managedclusters', 'Kubernetes service', 'Kubernetes サービス'],
      ['microsoft.recoveryservices/vaults', 'Recovery Services vault', 'Recovery Services コンテナー'],
      ['microsoft.servicebus/namespaces', 'Service Bus Namespace', 'Service Bus 名前空間'],
      ['microsoft.eventhub/namespaces', 'Event Hubs Namespace', 'Event Hubs 名前空間'],
      ['microsoft.operationalinsights/workspaces', 'Log Analytics workspace', 'Log Analytics ワークスペース'],
      [
        'microsoft.network/networksecuritygroups',
        'Network security group',
        'ネットワーク セキュリティ グループ',
      ],
      ['microsoft.network/virtualnetworks', 'Virtual network', '仮想ネットワーク'],
      ['microsoft.web/sites', 'App Service', 'App Service'],
      ['microsoft.web/sites', 'Function App', '関数アプリ'],
      ['microsoft.resources/subscriptions/resourcegroups', 'Resource group', 'リソース グループ'],
    ] as const
  ).flatMap(([type, ...names]) => names.map((name) => [columnKey(name), type] as const)),
);

/**
 * Location display names of the Japanese portal → regions (the English ones, `Japan East`, read
 * as ARM's `japaneast` once spaces are dropped). A location not listed is unknown, never taken
 * for a region abroad.
 */
const JAPANESE_LOCATIONS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['東日本', 'japaneast'],
      ['西日本', 'japanwest'],
      ['米国東部', 'eastus'],
      ['米国東部2', 'eastus2'],
      ['米国西部', 'westus'],
      ['米国西部2', 'westus2'],
      ['米国西部3', 'westus3'],
      ['米国中部', 'centralus'],
      ['米国中北部', 'northcentralus'],
      ['米国中南部', 'southcentralus'],
      ['米国中西部', 'westcentralus'],
      ['東アジア', 'eastasia'],
      ['東南アジア', 'southeastasia'],
      ['韓国中部', 'koreacentral'],
      ['韓国南部', 'koreasouth'],
      ['オーストラリア東部', 'australiaeast'],
      ['オーストラリア南東部', 'australiasoutheast'],
      ['インド中部', 'centralindia'],
      ['西ヨーロッパ', 'westeurope'],
      ['北ヨーロッパ', 'northeurope'],
      ['英国南部', 'uksouth'],
      ['英国西部', 'ukwest'],
      ['フランス中部', 'francecentral'],
      ['ドイツ中西部', 'germanywestcentral'],
      ['スイス北部', 'switzerlandnorth'],
      ['スウェーデン中部', 'swedencentral'],
      ['カナダ中部', 'canadacentral'],
      ['ブラジル南部', 'brazilsouth'],
      ['グローバル', 'global'],
    ] as const
  ).map(([name, region]) => [columnKey(name), region] as const),
);

/** The portal columns a header has, by role; undefined when the header is not the portal's. */
function portalColumns(header: readonly string[]): Partial<Record<Column, string>> | undefined {
  const columns: Partial<Record<Column, string>> = {};
  for (const label of header) {
    const column = COLUMN_LABELS[columnKey(label)];
    if (column && columns[column] === undefined) columns[column] = label;
  }
  const listed = columns.name && columns.location && columns.subscription;
  // "All resources" has a type and a resource group; "Resource groups" neither.
  const shaped = (columns.type === undefined) === (columns.resourceGroup === undefined);
  return listed && shaped ? columns : undefined;
}

const PORTAL_CSV = headedCsv(portalColumns, 'not the Azure portal\'s "Export to CSV" header');

/**
 * What a row gives is what and where a resource is, not how it is set nor its tags: each row
 * becomes a resource listed only (`Resource.listedOnly`), which the data-location checks judge
 * and every other check reports UNKNOWN, unless another record of the same resource (an ARM or
 * Resource Graph export, with the "Resource ID" or "Subscription ID" column) completes it.
 */
export const azurePortalCsv: TextFormat = {
  kind: 'text',
  id: 'azure-portal-csv',
  provider: 'azure',
  description:
    'Azure portal "All resources" / "Resource groups" → "Export to CSV" (English or Japanese portal): name, type, location and subscription, no settings',
  load: loadCsvParser,
  matches: PORTAL_CSV.matches,
  *read(text, ctx) {
    const { columns, rows } = PORTAL_CSV.read(text, ctx.file);
    if (!columns.subscriptionId && !columns.resourceId)
      ctx.note?.(
        'the export names each subscription, not its id: its resources are named by the subscription name and do not merge with ARM or Resource Graph records of the same resources (add the "Subscription ID" column to the view before exporting)',
      );
    for (const row of rows) {
      const result = portalResource(row, columns, ctx);
      if ('skip' in result) ctx.skip(result.skip, { line: row.line });
      else yield result;
    }
  },
};

function portalResource(
  { line, cells }: CsvRow,
  columns: Partial<Record<Column, string>>,
  ctx: ReadContext,
): Resource | { skip: string } {
  const cell = (column: Column) =>
    columns[column] === undefined ? '' : (cells[columns[column]] ?? '').trim();
  const name = cell('name');
  if (name === '') return { skip: `the ${columns.name} cell is empty: a row names its resource` };
  const located = placeOf(cell('resourceId'), cell('subscriptionId'), cell('subscription'));
  if ('skip' in located) return located;
  const displayType = cell('type');
  const nativeType =
    (located.resourceId && typeFromId(located.resourceId)) ??
    (columns.type === undefined
      ? 'microsoft.resources/subscriptions/resourcegroups'
      : (TYPE_NAMES.get(columnKey(displayType)) ?? armType(displayType)));
  if (nativeType === undefined)
    return {
      skip: `the type "${displayType}" is not one kansa reads from the portal's display names: its location is not judged (add the "Resource ID" column to the view before exporting)`,
    };
  const resourceGroup = cell('resourceGroup').toLowerCase();
  const id =
    located.resourceId ??
    (nativeType === 'microsoft.resources/subscriptions/resourcegroups'
      ? `/subscriptions/${located.account}/resourcegroups/${name.toLowerCase()}`
      : `/subscriptions/${located.account}/resourcegroups/${resourceGroup}/providers/${nativeType}/${name.toLowerCase()}`);
  return {
    provider: 'azure',
    account: located.account,
    region: regionOf(cell('location'), id, (note) => ctx.note?.(note, { line })),
    kansaType: ADAPTERS.get(nativeType)?.kansaType ?? 'other',
    nativeType,
    id,
    name,
    tags: {},
    facts: {},
    origin: { file: ctx.file, line },
    listedOnly: true,
  };
}

/** The account and, where the view has the column, the ARM id a row names. */
function placeOf(
  resourceId: string,
  subscriptionId: string,
  subscription: string,
): { account: string; resourceId?: string } | { skip: string } {
  if (resourceId !== '') {
    const id = (resourceId.startsWith('/') ? resourceId : `/${resourceId}`).toLowerCase();
    const account = subscriptionOf(id);
    return account ? { account, resourceId: id } : { skip: `not an ARM resource id: ${resourceId}` };
  }
  if (GUID.test(subscriptionId)) return { account: subscriptionId.toLowerCase() };
  if (subscription === '') return { skip: 'the subscription cell is empty: a row names its subscription' };
  return { account: subscription.toLowerCase() };
}

/** A view may show the ARM type itself (`microsoft.storage/storageaccounts`). */
function armType(type: string): string | undefined {
  return /^microsoft\.[a-z0-9]+\/[a-z0-9/]+$/i.test(type) ? type.toLowerCase() : undefined;
}

function regionOf(location: string, id: string, note: (note: string) => void): string {
  const key = columnKey(location);
  const japanese = JAPANESE_LOCATIONS.get(key);
  if (japanese) return japanese;
  if (/^[a-z0-9]+$/.test(key)) return key;
  note(`${id}: location "${location}" is not one kansa reads as a region`);
  return UNKNOWN_REGION;
}
