import { type UnreadAnswer, unreadAnswerFormat } from '../unread-answers.ts';
import { isObject, stringAt } from './json.ts';

/**
 * gcloud answers that hold nothing a check reads (unread-answers.ts), each told by the fields
 * its API resource always has.
 */
const UNREAD: readonly UnreadAnswer[] = [
  // LogSink: `name` and `destination` are required; the destination is a service's resource.
  // https://cloud.google.com/logging/docs/reference/v2/rest/v2/projects.sinks
  {
    command: 'gcloud logging sinks list / describe',
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
    command: 'gcloud resource-manager org-policies list / describe',
    is: (item) =>
      /^constraints\//.test(stringAt(item, 'constraint') ?? '') &&
      ['booleanPolicy', 'listPolicy', 'restoreDefault', 'etag'].some((key) => item[key] !== undefined),
  },
  // Org Policy v2 (`gcloud org-policies list / describe`): `<parent>/policies/<constraint>`.
  // https://cloud.google.com/resource-manager/docs/reference/orgpolicy/rest/v2/organizations.policies
  {
    command: 'gcloud org-policies list / describe',
    is: (item) =>
      /^(?:projects|folders|organizations)\/[^/]+\/policies\/[^/]+$/.test(stringAt(item, 'name') ?? '') &&
      ['spec', 'dryRunSpec', 'alternate'].some((key) => item[key] !== undefined),
  },
  // Cloud DNS: managed zones, record sets and DNS policies, each with its `dns#` kind.
  {
    command: 'gcloud dns managed-zones list / describe',
    is: (item) => item.kind === 'dns#managedZone',
  },
  {
    command: 'gcloud dns record-sets list / describe',
    is: (item) => item.kind === 'dns#resourceRecordSet',
  },
  {
    command: 'gcloud dns policies list / describe',
    is: (item) => item.kind === 'dns#policy',
  },
  // Log-based metrics: a short name, a `filter` and the metric's descriptor.
  // https://cloud.google.com/logging/docs/reference/v2/rest/v2/projects.metrics
  {
    command: 'gcloud logging metrics list / describe',
    is: (item) =>
      typeof item.filter === 'string' &&
      isObject(item.metricDescriptor) &&
      stringAt(item, 'name') !== undefined,
  },
  // Cloud Monitoring alert policies: `projects/<p>/alertPolicies/<id>` with `conditions`.
  {
    command: 'gcloud monitoring policies list / describe',
    is: (item) =>
      /^projects\/[^/]+\/alertPolicies\/[^/]+$/.test(stringAt(item, 'name') ?? '') &&
      Array.isArray(item.conditions),
  },
  // IAM roles: predefined `roles/<r>`, and custom `projects|organizations/<x>/roles/<r>` listed
  // without their permissions (a custom role with them is read: gcp-rest-resources).
  // https://cloud.google.com/iam/docs/reference/rest/v1/roles
  {
    command: 'gcloud iam roles list / describe',
    is: (item) => {
      const name = stringAt(item, 'name') ?? '';
      if (/^(?:projects|organizations)\/[^/]+\/roles\/[^/]+$/.test(name))
        return item.includedPermissions === undefined && typeof item.stage === 'string';
      return (
        /^roles\/[^/]+$/.test(name) &&
        (Array.isArray(item.includedPermissions) || typeof item.stage === 'string')
      );
    },
  },
  // A key's versions: the key (`gcloud kms keys list`) carries its rotation.
  {
    command: 'gcloud kms keys versions list / describe',
    is: (item) => /\/cryptoKeys\/[^/]+\/cryptoKeyVersions\/[^/]+$/.test(stringAt(item, 'name') ?? ''),
  },
];

export const gcpGcloudUnread = unreadAnswerFormat({
  id: 'gcp-gcloud-unread',
  provider: 'gcp',
  description:
    'gcloud output that holds nothing a check reads (logging sinks and metrics, services, org policies, Cloud DNS, alert policies, IAM roles, key versions): skipped naming the command',
  answers: UNREAD,
  // The APIs' pages: `{"sinks": [...]}`, `{"services": [...]}`, `{"policies": [...]}`, …
  pageKeys: [
    'sinks',
    'services',
    'policies',
    'constraints',
    'managedZones',
    'rrsets',
    'metrics',
    'alertPolicies',
    'roles',
    'cryptoKeyVersions',
  ],
});
