import type { DocumentFormat } from '../format.ts';
import { isObject, type JsonObject, stringAt } from './json.ts';

/**
 * gcloud answers that hold nothing a check reads, as a vendor hands them over beside the ones
 * kansa reads, one file per command: known, so skipped naming the command, not rejected as an
 * unknown format (which would make the scan partial). Each is told by the fields its API
 * resource always has; a file is one command's answer (an array, one object, or the API's page).
 */
const UNREAD: readonly { readonly command: string; readonly is: (item: JsonObject) => boolean }[] = [
  // LogSink: `name` and `destination` are required; the destination is a service's resource.
  // https://cloud.google.com/logging/docs/reference/v2/rest/v2/projects.sinks
  {
    command: 'gcloud logging sinks list',
    is: (item) =>
      stringAt(item, 'name') !== undefined &&
      /^(?:storage|bigquery|pubsub|logging)\.googleapis\.com\//.test(stringAt(item, 'destination') ?? ''),
  },
  // Service Usage: `projects/<number>/services/<service>` with its `state`.
  // https://cloud.google.com/service-usage/docs/reference/rest/v1/services
  {
    command: 'gcloud services list',
    is: (item) =>
      /^projects\/[^/]+\/services\/[^/]+$/.test(stringAt(item, 'name') ?? '') &&
      (item.state !== undefined || item.config !== undefined),
  },
  // Resource Manager v1 org policies (`gcloud resource-manager org-policies list / describe`).
  // https://cloud.google.com/resource-manager/reference/rest/v1/Policy
  {
    command: 'gcloud resource-manager org-policies list',
    is: (item) =>
      /^constraints\//.test(stringAt(item, 'constraint') ?? '') &&
      ['booleanPolicy', 'listPolicy', 'restoreDefault', 'etag'].some((key) => item[key] !== undefined),
  },
  // Org Policy v2 (`gcloud org-policies list / describe`): `<parent>/policies/<constraint>`.
  // https://cloud.google.com/resource-manager/docs/reference/orgpolicy/rest/v2/organizations.policies
  {
    command: 'gcloud org-policies list',
    is: (item) =>
      /^(?:projects|folders|organizations)\/[^/]+\/policies\/[^/]+$/.test(stringAt(item, 'name') ?? '') &&
      ['spec', 'dryRunSpec', 'alternate'].some((key) => item[key] !== undefined),
  },
  // Cloud DNS: managed zones, record sets and policies carry a `dns#` kind.
  {
    command: 'gcloud dns managed-zones list',
    is: (item) => /^dns#/.test(stringAt(item, 'kind') ?? ''),
  },
  // Log-based metrics: a short name, a `filter` and the metric's descriptor.
  // https://cloud.google.com/logging/docs/reference/v2/rest/v2/projects.metrics
  {
    command: 'gcloud logging metrics list',
    is: (item) =>
      typeof item.filter === 'string' &&
      isObject(item.metricDescriptor) &&
      stringAt(item, 'name') !== undefined,
  },
  // Cloud Monitoring alert policies: `projects/<p>/alertPolicies/<id>` with `conditions`.
  {
    command: 'gcloud monitoring policies list',
    is: (item) =>
      /^projects\/[^/]+\/alertPolicies\/[^/]+$/.test(stringAt(item, 'name') ?? '') &&
      Array.isArray(item.conditions),
  },
];

/** A page's list (`{"services": [...]}`, `{"sinks": [...]}`, `{"policies": [...]}`, `{"managedZones": [...]}`), an array, or one answer. */
const PAGE_KEYS = [
  'sinks',
  'services',
  'policies',
  'constraints',
  'managedZones',
  'rrsets',
  'metrics',
  'alertPolicies',
];

function itemsOf(document: unknown): readonly unknown[] {
  if (Array.isArray(document)) return document;
  if (!isObject(document)) return [];
  const key = PAGE_KEYS.find(
    (name) => Array.isArray(document[name]) && (document[name] as unknown[]).length > 0,
  );
  return key ? (document[key] as unknown[]) : [document];
}

/** The command whose answer every item of the document is; undefined for anything else. */
function commandOf(document: unknown): string | undefined {
  const items = itemsOf(document);
  if (items.length === 0 || !items.every(isObject)) return undefined;
  const first = items[0] as JsonObject;
  const answer = UNREAD.find((candidate) => candidate.is(first));
  return answer && items.every((item) => answer.is(item as JsonObject)) ? answer.command : undefined;
}

export const gcpGcloudUnread: DocumentFormat = {
  kind: 'document',
  id: 'gcp-gcloud-unread',
  provider: 'gcp',
  description:
    'gcloud output that holds nothing a check reads (logging sinks and metrics, services, org policies, Cloud DNS, alert policies): skipped naming the command',
  matches: (document) => commandOf(document) !== undefined,
  read(document, ctx) {
    const command = commandOf(document);
    if (command) ctx.skip(`${command}: no kansa check reads its output`);
    return [];
  },
};
