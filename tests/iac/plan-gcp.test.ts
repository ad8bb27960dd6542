import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, findingOf, resourceOf, type Scanned, scanFile } from './helpers.ts';

let plan: Scanned;
let state: Scanned;
const PROJECT = '//cloudresourcemanager.googleapis.com/projects/osaka-city-prod';

beforeAll(async () => {
  plan = await scanFile(path.join(FIXTURES, 'gcp/plan.json'));
  state = await scanFile(path.join(FIXTURES, 'gcp/state.json'));
});

describe('Google Cloud plan (google provider)', () => {
  it('makes a bucket public through an IAM member that names it only by reference', () => {
    const finding = findingOf(plan, 'gcp.storage.bucket-public-access', 'google_storage_bucket.site');
    expect(finding.status).toBe('FAIL');
    expect(resourceOf(plan, 'google_storage_bucket.site').origin.iac?.parts).toEqual([
      'google_storage_bucket_iam_member.site_public',
    ]);
  });

  it('resolves a crypto key the plan creates, and places it by its key ring', () => {
    expect(findingOf(plan, 'gcp.storage.bucket-cmek', 'google_storage_bucket.records[1]').status).toBe(
      'PASS',
    );
    expect(resourceOf(plan, 'google_kms_crypto_key.records').region).toBe('asia-northeast1');
    expect(findingOf(plan, 'gcp.kms.key-rotation', 'google_kms_crypto_key.records').status).toBe('PASS');
  });

  it('places SQL instances by the provider alias region when the resource leaves it to the provider', () => {
    expect(resourceOf(plan, 'google_sql_database_instance.reports').region).toBe('asia-northeast2');
    expect(resourceOf(plan, 'google_storage_bucket.site').region).toBe('asia-northeast1');
    expect(resourceOf(plan, 'google_container_cluster.main').region).toBe('asia-northeast1');
  });

  it('reports the update that opens Cloud SQL to the internet as brought in by the plan', () => {
    const finding = findingOf(plan, 'gcp.sql.instance-public-access', 'google_sql_database_instance.city');
    expect(finding.status).toBe('FAIL');
    expect(finding.change).toBe('introduced');
    expect(findingOf(plan, 'gcp.sql.instance-backups', 'google_sql_database_instance.reports').status).toBe(
      'FAIL',
    );
  });

  it('judges count instances of a registry module separately', () => {
    expect(
      findingOf(plan, 'gcp.compute.firewall-internet-ingress', 'module.vpc.google_compute_firewall.ssh[0]')
        .status,
    ).toBe('FAIL');
    expect(
      findingOf(plan, 'gcp.compute.firewall-internet-ingress', 'module.vpc.google_compute_firewall.ssh[1]')
        .status,
    ).toBe('PASS');
    const rule = resourceOf(plan, 'module.vpc.google_compute_firewall.ssh[0]');
    expect(rule.origin.iac?.moduleSources).toEqual([
      'terraform-google-modules/network/google//modules/firewall-rules',
    ]);
    expect(rule.origin.iac?.declaration).toBeUndefined();
  });

  it('evaluates the cluster with the provider default for a block the configuration leaves out', () => {
    expect(findingOf(plan, 'gcp.gke.cluster-legacy-abac', 'google_container_cluster.main').status).toBe(
      'FAIL',
    );
    expect(findingOf(plan, 'gcp.gke.cluster-endpoint-access', 'google_container_cluster.main').status).toBe(
      'FAIL',
    );
  });

  it('turns project IAM resources into the project: audit configs known, member grants not the whole policy', () => {
    const project = resourceOf(plan, PROJECT);
    expect(project.kansaType).toBe('account');
    expect(findingOf(plan, 'gcp.logging.data-access-audit-logs', PROJECT).status).toBe('PASS');
    expect(findingOf(plan, 'gcp.iam.owner-count', PROJECT).status).toBe('UNKNOWN');
  });
});

describe('Google Cloud state (terraform show -json of a state)', () => {
  it('reads nested child modules with for_each keys, and links IAM members by value', () => {
    expect(state.coverage.format).toBe('terraform-json');
    expect(state.resources.map((r) => r.id).sort()).toEqual([
      'google_storage_bucket.site',
      'module.vpc.module.rules["ssh"].google_compute_firewall.this["any"]',
      'module.vpc.module.rules["ssh"].google_compute_firewall.this["office"]',
    ]);
    expect(findingOf(state, 'gcp.storage.bucket-public-access', 'google_storage_bucket.site').status).toBe(
      'FAIL',
    );
    const any = findingOf(
      state,
      'gcp.compute.firewall-internet-ingress',
      'module.vpc.module.rules["ssh"].google_compute_firewall.this["any"]',
    );
    expect(any.status).toBe('FAIL');
    // A state describes what is deployed: no plan change to report.
    expect(any.change).toBeUndefined();
    expect(resourceOf(state, 'google_storage_bucket.site').origin.iac?.action).toBe('state');
  });
});
