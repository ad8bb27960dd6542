import { sharedString } from '../../../base/memo.ts';
import {
  accountResourceId,
  isLocatedType,
  type Origin,
  type Resource,
  tagsHeldElsewhere,
  UNKNOWN_REGION,
} from '../../../model/resource.ts';
import { type ArmRecord, get, type RowDialect, readArmRecord, typeFromId } from '../arm-record.ts';
import { DEPTH_CUT, DEPTH_CUT_COVERAGE_NOTE, depthCutPaths, withUnreadable } from '../depth-cut.ts';
import { type Projection, projectedRow, withProjectedOnly } from '../projection.ts';
import type { Adapter } from './adapter.ts';
import { classicAdministrator, roleAssignment, roleDefinition } from './authorization.ts';
import { redisCache, redisEnterprise, redisEnterpriseDatabase } from './cache.ts';
import { disk, snapshot, virtualMachine } from './compute.ts';
import { containerRegistry, managedCluster } from './containers.ts';
import { budget } from './cost.ts';
import {
  appConfigurationStore,
  cognitiveServicesAccount,
  databricksWorkspace,
  dataFactory,
  galleryImageVersion,
  machineLearningWorkspace,
  managedImage,
  searchService,
} from './data-services.ts';
import {
  cosmosDbAccount,
  databaseFirewallRule,
  flexibleServer,
  flexibleServerParameter,
  managedInstanceEncryptionProtector,
  singleServer,
  sqlManagedInstance,
  sqlServer,
  sqlServerAuditing,
  sqlServerEncryptionProtector,
} from './databases.ts';
import { keyVault, keyVaultKey, managedHsm } from './keyvault.ts';
import { diagnosticSetting, logAnalyticsWorkspace } from './monitor.ts';
import { flowLog, networkSecurityGroup, virtualNetwork } from './network.ts';
import { subscription } from './resources.ts';
import { securityAssessment, securityPricing } from './security.ts';
import { storageAccount } from './storage.ts';
import { webApp, webAppConfig } from './web.ts';

/** Native types (lower-case, as Resource Graph writes them) kansa recognises. Others become 'other'. */
export const ADAPTERS: ReadonlyMap<string, Adapter> = new Map<string, Adapter>([
  ['microsoft.resources/subscriptions', subscription],
  ['microsoft.resources/subscriptions/resourcegroups', { kansaType: 'other' }],
  ['microsoft.authorization/roleassignments', roleAssignment],
  ['microsoft.authorization/classicadministrators', classicAdministrator],
  ['microsoft.authorization/roledefinitions', roleDefinition],
  ['microsoft.security/assessments', securityAssessment],
  ['microsoft.security/pricings', securityPricing],
  ['microsoft.insights/diagnosticsettings', diagnosticSetting],
  ['microsoft.operationalinsights/workspaces', logAnalyticsWorkspace],
  ['microsoft.storage/storageaccounts', storageAccount],
  // A blob container is data of its account, where the account is: read as the account. Its
  // `publicAccess` (anonymous read) takes effect only where the account allows anonymous access
  // (`allowBlobPublicAccess`), which azure.storage.blob-public-access already fails on: it adds
  // no verdict. https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-configure
  [
    'microsoft.storage/storageaccounts/blobservices/containers',
    { kansaType: 'storage.account', describesParent: true },
  ],
  // Classic (Service Management) storage accounts and VMs, retired in 2024: their records carry
  // none of the settings the storage and VM checks read, which name the Resource Manager types.
  ['microsoft.classicstorage/storageaccounts', { kansaType: 'storage.account' }],
  ['microsoft.classiccompute/virtualmachines', { kansaType: 'compute.vm' }],
  ['microsoft.storage/storageaccounts/queueservices/queues', { kansaType: 'storage.queue' }],
  ['microsoft.storage/storageaccounts/fileservices/shares', { kansaType: 'storage.file-system' }],
  ['microsoft.netapp/netappaccounts/capacitypools/volumes', { kansaType: 'storage.file-system' }],
  ['microsoft.compute/virtualmachines', virtualMachine],
  ['microsoft.compute/virtualmachinescalesets', { kansaType: 'compute.vm' }],
  ['microsoft.compute/disks', disk],
  ['microsoft.compute/snapshots', snapshot],
  ['microsoft.compute/images', managedImage],
  ['microsoft.compute/galleries/images/versions', galleryImageVersion],
  ['microsoft.keyvault/vaults', keyVault],
  ['microsoft.keyvault/vaults/keys', keyVaultKey],
  ['microsoft.keyvault/managedhsms', managedHsm],
  ['microsoft.keyvault/managedhsms/keys', keyVaultKey],
  ['microsoft.sql/servers', sqlServer],
  ['microsoft.sql/servers/auditingsettings', sqlServerAuditing],
  ['microsoft.sql/servers/extendedauditingsettings', sqlServerAuditing],
  ['microsoft.sql/servers/encryptionprotector', sqlServerEncryptionProtector],
  ['microsoft.sql/servers/firewallrules', databaseFirewallRule],
  ['microsoft.dbforpostgresql/flexibleservers/firewallrules', databaseFirewallRule],
  ['microsoft.dbformysql/flexibleservers/firewallrules', databaseFirewallRule],
  ['microsoft.sql/servers/databases', { kansaType: 'database.instance' }],
  ['microsoft.sql/managedinstances', sqlManagedInstance],
  ['microsoft.sql/managedinstances/encryptionprotector', managedInstanceEncryptionProtector],
  ['microsoft.dbforpostgresql/flexibleservers', flexibleServer],
  ['microsoft.dbformysql/flexibleservers', flexibleServer],
  ['microsoft.dbforpostgresql/flexibleservers/configurations', flexibleServerParameter],
  ['microsoft.dbformysql/flexibleservers/configurations', flexibleServerParameter],
  ['microsoft.dbforpostgresql/servers', singleServer],
  ['microsoft.dbformysql/servers', singleServer],
  ['microsoft.documentdb/databaseaccounts', cosmosDbAccount],
  ['microsoft.dbformariadb/servers', singleServer],
  ['microsoft.synapse/workspaces', { kansaType: 'database.server' }],
  ['microsoft.kusto/clusters', { kansaType: 'database.server' }],
  ['microsoft.search/searchservices', searchService],
  ['microsoft.appconfiguration/configurationstores', appConfigurationStore],
  ['microsoft.machinelearningservices/workspaces', machineLearningWorkspace],
  ['microsoft.databricks/workspaces', databricksWorkspace],
  ['microsoft.datafactory/factories', dataFactory],
  ['microsoft.cognitiveservices/accounts', cognitiveServicesAccount],
  ['microsoft.datalakestore/accounts', { kansaType: 'storage.file-system' }],
  // Backup vaults hold copies of data: LOC-1 with the LOC-2 exception (tag them as backups).
  ['microsoft.recoveryservices/vaults', { kansaType: 'compute.snapshot' }],
  ['microsoft.dataprotection/backupvaults', { kansaType: 'compute.snapshot' }],
  ['microsoft.cache/redis', redisCache],
  ['microsoft.cache/redisenterprise', redisEnterprise],
  ['microsoft.cache/redisenterprise/databases', redisEnterpriseDatabase],
  ['microsoft.servicebus/namespaces', { kansaType: 'storage.queue' }],
  ['microsoft.servicebus/namespaces/queues', { kansaType: 'storage.queue' }],
  ['microsoft.eventhub/namespaces', { kansaType: 'storage.queue' }],
  ['microsoft.containerregistry/registries', containerRegistry],
  ['microsoft.containerservice/managedclusters', managedCluster],
  ['microsoft.network/networksecuritygroups', networkSecurityGroup],
  ['microsoft.network/azurefirewalls', { kansaType: 'network.firewall' }],
  ['microsoft.network/virtualnetworks', virtualNetwork],
  ['microsoft.network/networkwatchers/flowlogs', flowLog],
  ['microsoft.web/sites', webApp],
  ['microsoft.web/sites/config', webAppConfig],
  // Deployment slots are apps of their own, with their own settings and config/web.
  ['microsoft.web/sites/slots', webApp],
  ['microsoft.web/sites/slots/config', webAppConfig],
  ['microsoft.consumption/budgets', budget],
  // The same budgets as Cost Management's own provider serves them (REST 2019-04-01-preview on).
  ['microsoft.costmanagement/budgets', budget],
]);

const UNRECOGNISED: Adapter = { kansaType: 'other' };

/** One record of any Azure dialect → a Resource, or the reason it is skipped. */
export function toResource(
  raw: unknown,
  origin: Origin,
  note?: (note: string) => void,
  dialect?: RowDialect,
): Resource | { skip: string } {
  const projection = dialect === 'graph' ? projectedRow(raw) : undefined;
  const record = readArmRecord(projection?.row ?? raw, dialect);
  if ('skip' in record) return record;
  if (note) for (const text of record.notes) note(text);
  const adapter = ADAPTERS.get(record.nativeType) ?? UNRECOGNISED;
  const parent = adapter.describesParent ? parentOf(record) : undefined;
  return {
    provider: 'azure',
    account: sharedString(record.subscriptionId),
    region: adapter.dataRegion?.(record) ?? regionOf(record, adapter, parent !== undefined),
    nativeType: parent?.nativeType ?? sharedString(record.nativeType),
    // A subscription is the account resource: other records' account-wide facts merge into it.
    id:
      adapter.kansaType === 'account'
        ? accountResourceId('azure', record.subscriptionId)
        : (adapter.canonicalId?.(record) ?? parent?.id ?? record.id),
    name: parent?.name ?? record.name,
    tags: record.tags,
    kansaType: adapter.kansaType,
    facts: adapter.facts ? readableFacts(record, adapter.facts(record), projection, note) : {},
    origin,
    // Resource Graph gives every row a `tags` column (null where there are none) unless the
    // query projected it away: then the row says nothing of the tags.
    ...(dialect === 'graph' &&
      get(projection?.row ?? raw, 'tags') === undefined && { unknownTags: UNPROJECTED_TAGS }),
  };
}

const UNPROJECTED_TAGS = tagsHeldElsewhere(
  'a Resource Graph query that does not project tags',
  'the tags column of a query that projects it',
);

/**
 * Where a record places its resource. A settings child without a location (auditing settings,
 * server parameters) does not say where its parent is, nor does a record of a type that keeps
 * data (a storage account, a workspace, a key) that names none: a Resource Graph projection
 * without `location`, a key as the data plane lists it. Both are unknown, which another record
 * of the resource, when read, replaces; `global` stays for what has no location by nature.
 */
function regionOf(record: ArmRecord, adapter: Adapter, describesParent: boolean): string {
  const location = get(record.raw, 'location');
  const named = typeof location === 'string' && location.trim() !== '';
  if (describesParent ? location === undefined : !named && isLocatedType(adapter.kansaType))
    return UNKNOWN_REGION;
  return record.region;
}

/**
 * The adapter's facts, those read from values `ConvertTo-Json` cut at its depth limit (PowerShell
 * objects: `Get-AzResource`, `Search-AzGraph`, the Az cmdlets' own) made unknown, and of a
 * Resource Graph row that projected some settings (`properties_<path>`), those of the others.
 */
function readableFacts(
  record: ArmRecord,
  adapterFacts: object,
  projection: Projection | undefined,
  note?: (note: string) => void,
): object {
  const facts = projection ? withProjectedOnly(adapterFacts, projection.paths) : adapterFacts;
  const cut = depthCutPaths(record.raw);
  if (cut.length === 0) return facts;
  // A flattened record (the CLI's, PowerShell's) keeps its settings beside the envelope.
  const flattened = record.properties === record.raw;
  const read = withUnreadable(
    facts,
    cut
      .flatMap((path) => (flattened ? [path, `properties.${path}`] : [path]))
      .map((path) => ({ path, note: DEPTH_CUT })),
  );
  if (read !== facts) note?.(DEPTH_CUT_COVERAGE_NOTE);
  return read;
}

/**
 * The id, type and name of the resource a settings child (`…/<type>/<name>/config/web`) or a
 * part (`…/storageAccounts/<a>/blobServices/default/containers/<c>`) belongs to: the nearest
 * ancestor whose type kansa reads as a resource of its own.
 */
function parentOf(record: ArmRecord): Pick<Resource, 'id' | 'nativeType' | 'name'> {
  const segments = record.id.split('/');
  let id = segments.slice(0, -2).join('/');
  for (let end = segments.length - 2; end > 4; end -= 2) {
    const type = typeFromId(segments.slice(0, end).join('/'));
    const adapter = type === undefined ? undefined : ADAPTERS.get(type);
    if (adapter && !adapter.describesParent) {
      id = segments.slice(0, end).join('/');
      break;
    }
  }
  return { id, nativeType: typeFromId(id) ?? record.nativeType, name: id.split('/').pop() ?? record.name };
}
