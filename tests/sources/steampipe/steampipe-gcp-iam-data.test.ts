import { beforeAll, describe, expect, it } from 'vitest';
import { loadCsvParser } from '../../../src/sources/csv.ts';
import { fact } from '../../helpers/checks.ts';
import { readRows } from './read-rows.ts';

// Rows as `steampipe query --output json "select * from <table>"` writes them, with the columns
// of turbot/steampipe-plugin-gcp table_gcp_iam_policy.go, table_gcp_project.go,
// table_gcp_bigquery_dataset.go, table_gcp_pubsub_topic.go and table_gcp_service_account_key.go.

beforeAll(loadCsvParser);

describe('steampipe-rows: GCP IAM policy, project, dataset, topic and key tables', () => {
  it('reads a gcp_iam_policy row as the project’s bindings; its audit configs stay unknown', () => {
    const { resources } = readRows([
      {
        version: 1,
        etag: 'BwYQ3example=',
        bindings: [
          { role: 'roles/owner', members: ['user:alice@example.com', 'user:bob@example.com'] },
          { role: 'roles/viewer', members: ['allUsers'] },
        ],
        title: 'CITY-WEB IAM Policy',
        akas: ['gcp://cloudresourcemanager.googleapis.com/projects/city-web/iamPolicy'],
        location: 'global',
        project: 'city-web',
      },
    ]);
    const [project] = resources;
    expect(project).toMatchObject({ kansaType: 'account', account: 'city-web' });
    expect(fact(project, 'bindings')).toMatchObject({
      source: 'explicit',
      path: 'gcp_iam_policy.bindings',
      value: [
        { role: 'roles/owner', members: ['user:alice@example.com', 'user:bob@example.com'] },
        { role: 'roles/viewer' },
      ],
    });
    expect(fact(project, 'publicBindings')).toMatchObject({
      value: [{ role: 'roles/viewer', member: 'allUsers' }],
    });
    expect(fact(project, 'auditConfigs')).toBeUndefined();
  });

  it('reads a gcp_project row: the project by number and id, its folders and organization above', () => {
    const { resources } = readRows([
      {
        name: 'City Web',
        project_id: 'city-web',
        self_link: 'https://cloudresourcemanager.googleapis.com/v1/projects/city-web',
        project_number: 123456789012,
        lifecycle_state: 'ACTIVE',
        create_time: '2023-01-01T00:00:00Z',
        parent: { id: '345678901234', type: 'folder' },
        labels: null,
        access_approval_settings: null,
        ancestors: [
          { resourceId: { id: 'city-web', type: 'project' } },
          { resourceId: { id: '345678901234', type: 'folder' } },
          { resourceId: { id: '567890123456', type: 'organization' } },
        ],
        billing_information: null,
        title: 'City Web',
        tags: null,
        akas: ['gcp://cloudresourcemanager.googleapis.com/projects/city-web'],
      },
    ]);
    const [project] = resources;
    expect(project).toMatchObject({
      kansaType: 'account',
      account: '123456789012',
      accountAlias: 'city-web',
    });
    expect(fact(project, 'ancestors')).toMatchObject({
      value: [
        '//cloudresourcemanager.googleapis.com/folders/345678901234',
        '//cloudresourcemanager.googleapis.com/organizations/567890123456',
      ],
    });
  });

  it('reads gcp_bigquery_dataset and gcp_pubsub_topic rows: access entries, keys, topic policy', () => {
    const { resources } = readRows([
      {
        name: null,
        dataset_id: 'open_data',
        id: 'city-web:open_data',
        kind: 'bigquery#dataset',
        kms_key_name: null,
        self_link: 'https://bigquery.googleapis.com/bigquery/v2/projects/city-web/datasets/open_data',
        access: [
          { role: 'OWNER', specialGroup: 'projectOwners' },
          { role: 'READER', iamMember: 'allUsers' },
        ],
        labels: null,
        title: 'open_data',
        tags: null,
        akas: ['gcp://bigquery.googleapis.com/projects/city-web/datasets/open_data'],
        location: 'asia-northeast1',
        project: 'city-web',
      },
    ]);
    const [dataset] = resources;
    expect(dataset).toMatchObject({
      kansaType: 'database.instance',
      region: 'asia-northeast1',
      account: 'city-web',
    });
    expect(fact(dataset, 'publicAccessEntries')).toMatchObject({
      value: [{ role: 'READER', member: 'allUsers' }],
    });
    expect(fact(dataset, 'customerManagedKey')).toMatchObject({ value: false });

    const topics = readRows([
      {
        name: 'alerts',
        kms_key_name: 'projects/city-web/locations/asia-northeast1/keyRings/ring/cryptoKeys/topic',
        self_link: 'https://pubsub.googleapis.com/v1/projects/city-web/topics/alerts',
        message_storage_policy_allowed_persistence_regions: ['asia-northeast1'],
        iam_policy: {
          bindings: [{ role: 'roles/pubsub.publisher', members: ['allAuthenticatedUsers'] }],
          etag: 'ACAB',
        },
        labels: null,
        tags: null,
        title: 'alerts',
        akas: ['gcp://pubsub.googleapis.com/projects/city-web/topics/alerts'],
        location: 'global',
        project: 'city-web',
      },
    ]).resources;
    expect(topics[0]).toMatchObject({ kansaType: 'storage.queue', region: 'asia-northeast1' });
    expect(fact(topics[0], 'customerManagedKey')).toMatchObject({ value: true });
    expect(fact(topics[0], 'publicBindings')).toMatchObject({
      value: [{ role: 'roles/pubsub.publisher', member: 'allAuthenticatedUsers' }],
    });
  });

  it('reads a gcp_compute_instance row where it runs: its zone’s region', () => {
    const [vm] = readRows([
      {
        name: 'web-1',
        status: 'RUNNING',
        self_link:
          'https://www.googleapis.com/compute/v1/projects/city-web/zones/us-central1-a/instances/web-1',
        zone: 'https://www.googleapis.com/compute/v1/projects/city-web/zones/us-central1-a',
        zone_name: 'us-central1-a',
        labels: { confidentiality: '2' },
        title: 'web-1',
        akas: ['gcp://compute.googleapis.com/projects/city-web/zones/us-central1-a/instances/web-1'],
        location: 'us-central1-a',
        project: 'city-web',
      },
    ]).resources;
    expect(vm).toMatchObject({
      id: '//compute.googleapis.com/projects/city-web/zones/us-central1-a/instances/web-1',
      kansaType: 'compute.vm',
      region: 'us-central1',
      tags: { confidentiality: '2' },
    });
  });

  it('reads a gcp_service_account_key row; whether the key is disabled, which no column says, is unknown', () => {
    const key = 'projects/city-web/serviceAccounts/deploy@city-web.iam.gserviceaccount.com/keys/1a2b3c';
    const { resources } = readRows([
      {
        name: '1a2b3c',
        service_account_name: 'deploy@city-web.iam.gserviceaccount.com',
        key_type: 'USER_MANAGED',
        key_algorithm: 'KEY_ALG_RSA_2048',
        key_origin: 'GOOGLE_PROVIDED',
        valid_after_time: '2022-03-01T00:00:00Z',
        valid_before_time: '9999-12-31T23:59:59Z',
        title: '1a2b3c',
        akas: [`gcp://iam.googleapis.com/${key}`],
        location: 'global',
        project: 'city-web',
      },
    ]);
    const [sa] = resources;
    expect(sa).toMatchObject({ id: `//iam.googleapis.com/${key}`, kansaType: 'iam.service-account-key' });
    expect(fact(sa, 'keyType')).toMatchObject({ source: 'explicit', value: 'USER_MANAGED' });
    expect(fact(sa, 'validAfterTime')).toMatchObject({ value: '2022-03-01T00:00:00Z' });
    expect(fact(sa, 'disabled')).toMatchObject({ source: 'unknown' });
  });
});
