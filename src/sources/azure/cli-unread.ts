import { type UnreadAnswer, unreadAnswerFormat } from '../unread-answers.ts';
import { GUID, isObject } from './arm-record.ts';

/** The members of a network rule set (Key Vault's `networkAcls`, Storage's `networkRuleSet`). */
const NETWORK_RULE_KEYS = new Set([
  'bypass',
  'defaultAction',
  'ipRules',
  'virtualNetworkRules',
  'resourceAccessRules',
]);

/** The members of a Resource Graph query request (QueryRequest; `managementGroupId` before 2020). */
const GRAPH_REQUEST_KEYS = new Set([
  'query',
  'subscriptions',
  'managementGroups',
  'managementGroupId',
  'options',
  'facets',
]);

/** The storage services `az storage logging show` / `az storage metrics show` print, by key. */
const STORAGE_SERVICES = new Set(['blob', 'queue', 'table', 'file']);

/**
 * A storage account's classic Storage Analytics settings, by service, without the account: each
 * service's `version` and `retentionPolicy`, with `read`/`write`/`delete` (logging) or `hour` and
 * `minute` (metrics).
 */
const storageAnalytics = (item: Readonly<Record<string, unknown>>) => {
  const services = Object.entries(item);
  return (
    services.length > 0 &&
    services.every(
      ([key, value]) =>
        STORAGE_SERVICES.has(key) &&
        typeof value === 'object' &&
        value !== null &&
        (('retentionPolicy' in value && 'version' in value) || 'hour' in value || 'minute' in value),
    )
  );
};

/** Microsoft Graph's objects (`az ad …` since CLI 2.37) are named by a bare GUID, the older AAD Graph's by `objectId`. */
const directoryObject = (item: Readonly<Record<string, unknown>>) =>
  (typeof item.id === 'string' && GUID.test(item.id)) || typeof item.objectId === 'string';

/**
 * Azure CLI answers that hold nothing a check reads (unread-answers.ts): Microsoft Entra
 * directory objects, which carry no ARM id (but users, which graph-directory.ts reads), the subscription's resource providers, an app's
 * settings and access restrictions; and parts of a resource printed without it (a storage
 * account's keys, a vault's network rules), whose settings kansa reads from the resource's own
 * record. Each is told by the fields its object always has.
 */
const UNREAD: readonly UnreadAnswer[] = [
  // https://learn.microsoft.com/graph/api/resources/group
  {
    command: 'az ad group list / show',
    is: (item) =>
      directoryObject(item) &&
      typeof item.securityEnabled === 'boolean' &&
      typeof item.mailEnabled === 'boolean',
  },
  // https://learn.microsoft.com/graph/api/resources/serviceprincipal
  {
    command: 'az ad sp list / show',
    is: (item) =>
      directoryObject(item) && typeof item.appId === 'string' && Array.isArray(item.servicePrincipalNames),
  },
  // https://learn.microsoft.com/graph/api/resources/application
  {
    command: 'az ad app list / show',
    is: (item) =>
      directoryObject(item) && typeof item.appId === 'string' && typeof item.signInAudience === 'string',
  },
  // https://learn.microsoft.com/rest/api/resources/providers/list
  {
    command: 'az provider list / show',
    is: (item) => typeof item.namespace === 'string' && typeof item.registrationState === 'string',
  },
  // A storage account's keys (their values too), without the account: its record's
  // `keyCreationTime` says when they were made.
  {
    command: 'az storage account keys list',
    is: (item) =>
      typeof item.keyName === 'string' && typeof item.permissions === 'string' && item.id === undefined,
    readFrom: 'az storage account list / show (keyCreationTime)',
  },
  // A vault's or account's network rules, without the resource: its record carries them.
  {
    command: 'az keyvault network-rule list (or az storage account network-rule list)',
    is: (item) =>
      item.id === undefined &&
      Array.isArray(item.ipRules) &&
      Array.isArray(item.virtualNetworkRules) &&
      Object.keys(item).every((key) => NETWORK_RULE_KEYS.has(key)),
    readFrom: 'az keyvault show (networkAcls) or az storage account show (networkRuleSet)',
  },
  // A Resource Graph query request, kept beside its answer (`az rest --body @query.json`).
  // https://learn.microsoft.com/rest/api/azureresourcegraph/resourcegraph/resources/resources
  {
    command: 'Resource Graph QueryRequest {"query", "subscriptions", "options"} (az rest --body)',
    is: (item) =>
      typeof item.query === 'string' && Object.keys(item).every((key) => GRAPH_REQUEST_KEYS.has(key)),
    readFrom: 'az graph query -o json / REST QueryResponse',
  },
  // A failed call's answer saved in place of its output (`az rest … > file`, Invoke-AzRestMethod's
  // Content): ARM's and Resource Graph's error body, its code a word (Google's is a number).
  // https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors
  {
    command: 'an Azure error answer',
    is: (item) =>
      Object.keys(item).length === 1 && isObject(item.error) && typeof item.error.code === 'string',
    failed: (item) => {
      const error = isObject(item.error) ? item.error : {};
      const details = Array.isArray(error.details) ? error.details : [];
      const codes = [error.code, ...details.map((detail) => (isObject(detail) ? detail.code : undefined))];
      return `the call failed (${codes.filter((code) => typeof code === 'string').join(' / ')}): the file holds no resource; run the command again`;
    },
  },
  // CIS Microsoft Azure Foundations' audit of Storage Analytics logging (`--services bqt`): the
  // output names no account. kansa reads a storage account's logs from its diagnostic settings.
  {
    command: 'az storage logging show (or az storage metrics show)',
    is: storageAnalytics,
  },
  {
    command: 'az webapp config appsettings list',
    is: (item) =>
      typeof item.name === 'string' &&
      typeof item.slotSetting === 'boolean' &&
      Object.keys(item).every((key) => key === 'name' || key === 'value' || key === 'slotSetting'),
  },
  {
    command: 'az webapp config access-restriction show',
    is: (item) => item.id === undefined && Array.isArray(item.ipSecurityRestrictions),
  },
];

export const azureCliUnread = unreadAnswerFormat({
  id: 'azure-cli-unread',
  provider: 'azure',
  description:
    'Azure CLI output that holds nothing a check reads (az ad group / sp / app list, az provider list, app settings and access restrictions, Storage Analytics logging and metrics) or names no resource (storage account keys, network rules, a Resource Graph query request), and a failed call’s error answer: skipped naming the command',
  answers: UNREAD,
  // Microsoft Graph's and ARM's pages: `{"@odata.context", "value": [...]}`.
  pageKeys: ['value'],
});
