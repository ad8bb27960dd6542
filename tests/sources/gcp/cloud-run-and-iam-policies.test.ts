import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../src/model/resource.ts';
import { gcpEffectiveIamPolicies } from '../../../src/sources/gcp/effective-iam-policies.ts';
import { gcpIamPolicy, gcpIamPolicySearch } from '../../../src/sources/gcp/iam-policies.ts';
import { gcpRestResources } from '../../../src/sources/gcp/rest-resources.ts';
import { INPUT_FORMATS } from '../../../src/sources/index.ts';
import { fact } from '../../helpers/checks.ts';

// Shapes modelled on `gcloud run services describe --format=json` (Admin API v1, Knative), the
// Admin API v2 list page, `gcloud projects get-iam-policy --format=json` and
// `gcloud asset search-all-iam-policies --format=json` (see tests/corpus/SOURCES.md).
const knative = (annotations: Record<string, string>, labels: Record<string, string>) => ({
  apiVersion: 'serving.knative.dev/v1',
  kind: 'Service',
  metadata: { name: 'rates', namespace: '123456789012', labels, annotations, generation: 4 },
  spec: { template: { spec: { containers: [{ image: 'gcr.io/p/rates' }] } } },
  status: { url: 'https://rates-abc-an.a.run.app' },
});
const TOKYO = { 'cloud.googleapis.com/location': 'asia-northeast1' };

function read(
  format: typeof gcpIamPolicy,
  document: unknown,
  file = 'test-input',
): { resources: Resource[]; skipped: string[] } {
  const skipped: string[] = [];
  const resources = [...format.read(document, { file, skip: (reason) => skipped.push(reason) })];
  return { resources, skipped };
}
const formatOf = (document: unknown) =>
  INPUT_FORMATS.find((f) => f.kind === 'document' && f.matches(document))?.id;

describe('Cloud Run services as gcloud and the Admin API write them', () => {
  it('names a v1 (Knative) service by its namespace and location label, with its ingress', () => {
    const document = knative({ 'run.googleapis.com/ingress': 'internal' }, TOKYO);
    expect(formatOf(document)).toBe('gcp-rest-resources');
    const [service] = read(gcpRestResources, document).resources;
    expect(service).toMatchObject({
      id: '//run.googleapis.com/projects/123456789012/locations/asia-northeast1/services/rates',
      kansaType: 'compute.serverless',
      account: '123456789012',
      region: 'asia-northeast1',
    });
    expect(fact(service, 'ingress')).toMatchObject({ source: 'explicit', value: 'internal' });
  });

  it('reads a service without the ingress annotation as open to all (the default)', () => {
    const [service] = read(gcpRestResources, [knative({}, TOKYO)]).resources;
    expect(fact(service, 'ingress')).toMatchObject({ source: 'default', value: 'all' });
  });

  it('skips a v1 service without its location label, saying so', () => {
    const { resources, skipped } = read(gcpRestResources, [knative({}, {})]);
    expect(resources).toHaveLength(0);
    expect(skipped[0]).toMatch(/cloud\.googleapis\.com\/location/);
  });

  it('reads v2 services (a list page) by name, and leaves Dataproc Metastore services alone', () => {
    const v2 = {
      name: 'projects/city-web/locations/us-central1/services/web',
      ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
      template: { containers: [{ image: 'gcr.io/p/web' }] },
      uri: 'https://web-xyz-uc.a.run.app',
    };
    expect(formatOf({ services: [v2] })).toBe('gcp-rest-resources');
    const [service] = read(gcpRestResources, { services: [v2] }).resources;
    expect(service).toMatchObject({
      id: '//run.googleapis.com/projects/city-web/locations/us-central1/services/web',
      region: 'us-central1',
    });
    expect(fact(service, 'ingress')).toMatchObject({ value: 'internal-and-cloud-load-balancing' });
    const metastore = {
      name: 'projects/city-web/locations/us-central1/services/hive',
      hiveMetastoreConfig: { version: '3.1.2' },
    };
    expect(formatOf({ services: [metastore] })).toBeUndefined();
  });
});

describe('gcp-iam-policy (a bare get-iam-policy document)', () => {
  const policy = {
    bindings: [{ role: 'roles/owner', members: ['user:a@example.com', 'allUsers'] }],
    etag: 'BwWWja0YfJA=',
    version: 1,
  };

  it('is chosen for the policy document, and not for other documents with bindings', () => {
    expect(formatOf(policy)).toBe('gcp-iam-policy');
    expect(formatOf({ etag: 'CAE=' })).toBe('gcp-iam-policy');
    expect(formatOf({ bindings: [], kind: 'storage#policy' })).not.toBe('gcp-iam-policy');
  });

  it('places the policy in the project the file name names, as --save-inventory names it', () => {
    const { resources } = read(gcpIamPolicy, policy, 'in/projects-city-web-prod-iam-policy.json');
    expect(resources[0]).toMatchObject({
      id: '//cloudresourcemanager.googleapis.com/projects/city-web-prod',
      kansaType: 'account',
      account: 'city-web-prod',
    });
    expect(fact(resources[0], 'bindings')).toMatchObject({ source: 'explicit' });
    // get-iam-policy prints the whole policy: no auditConfigs means none.
    expect(fact(resources[0], 'auditConfigs')).toMatchObject({ source: 'default', value: [] });
  });

  it('places an organization’s policy by the file name too', () => {
    const { resources } = read(gcpIamPolicy, policy, 'organizations_555_get-iam-policy.json');
    expect(resources[0]).toMatchObject({
      id: '//cloudresourcemanager.googleapis.com/organizations/555',
      nativeType: 'cloudresourcemanager.googleapis.com/Organization',
    });
  });

  it('skips, with the reason, a policy whose file name does not say whose it is', () => {
    const { resources, skipped } = read(gcpIamPolicy, policy, 'policy.json');
    expect(resources).toHaveLength(0);
    expect(skipped[0]).toMatch(/names no resource.*projects-<project id>-iam-policy\.json/);
  });
});

describe('gcp-iam-policy-search (gcloud asset search-all-iam-policies)', () => {
  const results = [
    {
      resource: '//cloudresourcemanager.googleapis.com/projects/city-web',
      assetType: 'cloudresourcemanager.googleapis.com/Project',
      project: 'projects/123456789012',
      policy: { bindings: [{ role: 'roles/owner', members: ['user:a@example.com'] }] },
    },
    {
      resource: '//storage.googleapis.com/city-open-data',
      project: 'projects/123456789012',
      policy: { bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] },
    },
  ];

  it('is chosen for the array and the REST page', () => {
    expect(formatOf(results)).toBe('gcp-iam-policy-search');
    expect(formatOf({ results, nextPageToken: 'x' })).toBe('gcp-iam-policy-search');
  });

  it('reads each policy on its resource; a project’s audit configs stay unknown (not in results)', () => {
    const { resources } = read(gcpIamPolicySearch, results);
    const [project, bucket] = resources;
    expect(project).toMatchObject({ kansaType: 'account', account: '123456789012' });
    expect(fact(project, 'bindings')).toMatchObject({ source: 'explicit' });
    expect(fact(project, 'auditConfigs')).toBeUndefined();
    expect(bucket).toMatchObject({
      id: '//storage.googleapis.com/city-open-data',
      kansaType: 'storage.bucket',
    });
    expect(fact(bucket, 'publicBindings')).toMatchObject({
      value: [{ role: 'roles/storage.objectViewer', member: 'allUsers' }],
    });
  });

  it('skips a result whose type neither the result nor its name tells', () => {
    const { skipped } = read(gcpIamPolicySearch, [
      { resource: '//pubsub.googleapis.com/projects/p/topics/t', policy: { bindings: [] } },
    ]);
    expect(skipped[0]).toMatch(/no assetType/);
  });
});

describe('gcp-effective-iam-policies (gcloud asset get-effective-iam-policy)', () => {
  // The Python client's spelling, as cartography's mock of BatchGetEffectiveIamPolicies has it.
  const answer = {
    policy_results: [
      {
        full_resource_name: '//storage.googleapis.com/city-exports',
        policies: [
          {
            attached_resource: '//storage.googleapis.com/city-exports',
            policy: { bindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }] },
          },
          {
            attached_resource: '//cloudresourcemanager.googleapis.com/projects/city-web',
            policy: { bindings: [{ role: 'roles/owner', members: ['user:a@example.com'] }] },
          },
          {
            attached_resource: '//cloudresourcemanager.googleapis.com/organizations/42',
            policy: { bindings: [], auditConfigs: [] },
          },
        ],
      },
    ],
  };

  it('is chosen for the answer', () => {
    expect(formatOf(answer)).toBe('gcp-effective-iam-policies');
  });

  it('reads each attached policy on its resource, with the chain above it as its ancestors', () => {
    const { resources } = read(gcpEffectiveIamPolicies, answer);
    const [bucket, project, organization] = resources;
    expect(bucket).toMatchObject({ id: '//storage.googleapis.com/city-exports', account: 'city-web' });
    expect(fact(bucket, 'publicBindings')).toMatchObject({ value: [{ member: 'allUsers' }] });
    expect(project).toMatchObject({ kansaType: 'account', account: 'city-web' });
    expect(fact(project, 'ancestors')).toMatchObject({
      value: ['//cloudresourcemanager.googleapis.com/organizations/42'],
    });
    expect(fact(project, 'auditConfigs')).toBeUndefined();
    expect(fact(organization, 'auditConfigs')).toMatchObject({ source: 'explicit', value: [] });
  });
});
