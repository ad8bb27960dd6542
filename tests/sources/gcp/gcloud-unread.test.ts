import { describe, expect, it } from 'vitest';
import { gcpGcloudUnread } from '../../../src/sources/gcp/gcloud-unread.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';

// gcloud answers a hand-over folder holds beside the ones kansa reads, in the APIs' shapes.
const sink = {
  createTime: '2024-04-02T02:03:04.123456789Z',
  destination: 'storage.googleapis.com/city-audit-archive',
  filter: 'logName:"cloudaudit.googleapis.com"',
  name: 'audit-to-gcs',
  writerIdentity: 'serviceAccount:service-123456789012@gcp-sa-logging.iam.gserviceaccount.com',
};
const service = {
  config: { name: 'compute.googleapis.com', title: 'Compute Engine API' },
  name: 'projects/123456789012/services/compute.googleapis.com',
  parent: 'projects/123456789012',
  state: 'ENABLED',
};
const orgPolicyV1 = {
  booleanPolicy: { enforced: true },
  constraint: 'constraints/iam.disableServiceAccountKeyCreation',
  etag: 'BwYUx0vVbhM=',
};
const orgPolicyV2 = {
  name: 'projects/123456789012/policies/gcp.resourceLocations',
  spec: { rules: [{ values: { allowedValues: ['in:asia-northeast1-locations'] } }] },
};
const zone = {
  dnsName: 'city.example.lg.jp.',
  dnssecConfig: { state: 'off' },
  kind: 'dns#managedZone',
  name: 'z',
};
const metric = {
  filter: 'resource.type="gce_network" AND protoPayload.methodName:"compute.networks.insert"',
  metricDescriptor: { metricKind: 'DELTA', valueType: 'INT64' },
  name: 'vpc-network-changes',
};
const alertPolicy = {
  conditions: [{ displayName: 'vpc changes' }],
  displayName: 'VPC changes',
  name: 'projects/city-prod-123456/alertPolicies/1234567890',
};

const formatOf = (document: unknown) =>
  INPUT_FORMATS.find((format) => format.kind === 'document' && format.matches(document))?.id;

const skipsOf = (document: unknown) => {
  const skipped: string[] = [];
  const read = [
    ...gcpGcloudUnread.read(document, { file: 'x.json', skip: (reason) => skipped.push(reason) }),
  ];
  return { read, skipped };
};

describe('gcp-gcloud-unread', () => {
  it.each([
    ['gcloud logging sinks list / describe', [sink]],
    [
      'gcloud services list',
      [service, { ...service, name: 'projects/123456789012/services/logging.googleapis.com' }],
    ],
    ['gcloud services list', { services: [service], nextPageToken: 't' }],
    ['gcloud resource-manager org-policies list / describe', [orgPolicyV1]],
    ['gcloud resource-manager org-policies list / describe', orgPolicyV1],
    ['gcloud org-policies list / describe', [orgPolicyV2]],
    ['gcloud dns managed-zones list / describe', [zone]],
    [
      'gcloud dns record-sets list / describe',
      [
        {
          kind: 'dns#resourceRecordSet',
          name: 'city.example.lg.jp.',
          rrdatas: ['203.0.113.10'],
          ttl: 300,
          type: 'A',
        },
      ],
    ],
    ['gcloud logging metrics list / describe', [metric]],
    ['gcloud monitoring policies list / describe', [alertPolicy]],
    [
      'gcloud iam roles list / describe',
      [
        // The list's basic view: a custom role without its permissions.
        { etag: 'BwX=', name: 'projects/p/roles/vendorOperator', stage: 'GA', title: 'Vendor Operator' },
      ],
    ],
    [
      'gcloud iam roles list / describe',
      {
        roles: [
          { description: 'Full access', etag: 'AA==', name: 'roles/owner', stage: 'GA', title: 'Owner' },
        ],
      },
    ],
    [
      'gcloud kms keys versions list / describe',
      [
        {
          algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION',
          name: 'projects/p/locations/asia-northeast1/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1',
          state: 'ENABLED',
        },
      ],
    ],
  ])('skips %s output naming the command, reading no resource', (command, document) => {
    expect(formatOf(document)).toBe('gcp-gcloud-unread');
    expect(skipsOf(document)).toEqual({ read: [], skipped: [`${command}: no kansa check reads its output`] });
  });

  it('takes no file mixing them with anything else, nor the resources kansa reads', () => {
    expect(gcpGcloudUnread.matches([sink, { name: 'x' }])).toBe(false);
    expect(gcpGcloudUnread.matches([sink, service])).toBe(false);
    expect(gcpGcloudUnread.matches([])).toBe(false);
    // A Cloud Run v2 service is named `…/locations/<l>/services/<s>`: read, not skipped.
    const run = { name: 'projects/p/locations/asia-northeast1/services/web', template: { containers: [] } };
    expect(gcpGcloudUnread.matches([run])).toBe(false);
    expect(
      formatOf({
        kind: 'compute#project',
        name: 'p',
        selfLink: 'https://www.googleapis.com/compute/v1/projects/p',
      }),
    ).toBe('gcp-rest-resources');
  });
});
