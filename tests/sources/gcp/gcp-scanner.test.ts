import { describe, expect, it } from 'vitest';
import { gcpScanner } from '../../../src/sources/gcp/gcp-scanner.ts';
import { gcpRestResources } from '../../../src/sources/gcp/rest-resources.ts';
import type { ReadResource } from './records.ts';

// google/gcp_scanner's 2023 releases: one file, every project under `projects`, buckets as
// `[bucket, bindings or null]` (its output/reddit-…-2023-03-31_….json); see tests/corpus/SOURCES.md.
const bucket = {
  kind: 'storage#bucket',
  selfLink: 'https://www.googleapis.com/storage/v1/b/ward-uploads',
  id: 'ward-uploads',
  name: 'ward-uploads',
  projectNumber: '141414141414',
  location: 'ASIA-NORTHEAST1',
  iamConfiguration: { uniformBucketLevelAccess: { enabled: false }, publicAccessPrevention: 'inherited' },
};
const file2023 = {
  service_account_chain: [],
  current_service_account: 'scanner@ward.iam.gserviceaccount.com',
  token_scopes: null,
  projects: {
    ward: {
      project_info: {
        projectNumber: '141414141414',
        projectId: 'ward',
        lifecycleState: 'ACTIVE',
        name: 'ward',
      },
      iam_policy: [{ role: 'roles/owner', members: ['user:a@example.jp'] }],
      service_accounts: [],
      service_account_edges: [],
      compute_instances: [],
      firewall_rules: [['default-allow-rdp']],
      storage_buckets: {
        'ward-uploads': [bucket, null],
        'ward-public': [
          { ...bucket, name: 'ward-public', id: 'ward-public' },
          [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }],
        ],
      },
      gke_clusters: [],
      sql_instances: [],
      bq: {},
    },
  },
};

function read(document: unknown) {
  const skipped: string[] = [];
  const resources = [
    ...gcpScanner.read(document, { file: 'scan.json', skip: (reason) => skipped.push(reason) }),
  ];
  return { resources: resources as ReadResource[], skipped };
}

describe('gcp-scanner', () => {
  it('recognises its files, and not a REST list or a bare project', () => {
    expect(gcpScanner.matches(file2023)).toBe(true);
    expect(gcpScanner.matches(file2023.projects.ward)).toBe(true);
    expect(gcpScanner.matches({ projects: {} })).toBe(false);
    expect(gcpScanner.matches(file2023.projects.ward.project_info)).toBe(false);
    expect(gcpRestResources.matches(file2023)).toBe(false);
  });

  it('reads the 2023 file: the project with its bindings only, buckets with or without a policy', () => {
    const { resources, skipped } = read(file2023);
    const project = resources.find((r) => r.kansaType === 'account');
    expect(project).toMatchObject({ account: '141414141414', accountAlias: 'ward' });
    expect(project?.facts.bindings).toMatchObject({ source: 'explicit', path: 'iam_policy.bindings' });
    expect(project?.facts.auditConfigs).toBeUndefined();
    const byName = (name: string) => resources.filter((r) => r.name === name);
    expect(byName('ward-uploads')).toHaveLength(1);
    expect(byName('ward-public').map((r) => Object.keys(r.facts))).toContainEqual(
      expect.arrayContaining(['publicBindings']),
    );
    expect(skipped).toEqual([
      "default-allow-rdp: gcp_scanner's firewall_rules keeps the name only, not the settings (add the output of gcloud compute firewall-rules list --format=json)",
    ]);
  });
});

describe('gcp-scanner, a project it was told to scan but could not read', () => {
  // `--force-projects` for a project whose info the service account cannot get: scanner.py makes
  // it anyway, `{'projectId': <id>, 'projectNumber': 'N/A'}` (google/gcp_scanner 6c6614f, 2022 on).
  const forced = {
    project_info: { projectId: 'ward-forced', projectNumber: 'N/A' },
    service_account_chain: [],
    current_service_account: 'scanner@ward.iam.gserviceaccount.com',
    token_scopes: ['https://www.googleapis.com/auth/cloud-platform'],
    service_account_edges: [],
    iam_policy: [{ role: 'roles/owner', members: ['user:a@example.jp'] }],
    storage_buckets: {
      'ward-forced-logs': [{ ...bucket, name: 'ward-forced-logs', id: 'ward-forced-logs' }, null],
    },
  };

  it('names the project by its id, not by the number "N/A"', () => {
    const { resources } = read(forced);
    const project = resources.find((r) => r.kansaType === 'account');
    expect(project?.id).toBe('//cloudresourcemanager.googleapis.com/projects/ward-forced');
    expect(resources.map((r) => [r.account, r.accountAlias])).not.toContainEqual(
      expect.arrayContaining(['N/A']),
    );
    expect(JSON.stringify(resources)).not.toContain('projects/N/A');
  });
});

describe('gcp-scanner, a bucket policy it could not read', () => {
  // storage_buckets_crawler.py `_get_bucket_iam`: getIamPolicy failed → `[]`; a bucket's policy
  // always binds its legacy roles, so an empty list is no policy read.
  const project = (buckets: Record<string, unknown>) => ({
    project_info: { projectId: 'ward', projectNumber: '141414141414' },
    service_account_chain: [],
    service_account_edges: [],
    storage_buckets: buckets,
  });
  const policyRecords = (buckets: Record<string, unknown>) =>
    read(project(buckets)).resources.filter(
      (r) => r.id === '//storage.googleapis.com/ward-uploads' && r.facts.publicBindings !== undefined,
    );

  it('reads no policy from an empty list, in either layout', () => {
    expect(policyRecords({ 'ward-uploads': { ...bucket, iam_policy: [] } })).toEqual([]);
    expect(policyRecords({ 'ward-uploads': [bucket, []] })).toEqual([]);
    const owner = [{ role: 'roles/storage.legacyBucketOwner', members: ['projectOwner:ward'] }];
    expect(policyRecords({ 'ward-uploads': { ...bucket, iam_policy: owner } })).toHaveLength(1);
    expect(policyRecords({ 'ward-uploads': [bucket, owner] })).toHaveLength(1);
  });
});
