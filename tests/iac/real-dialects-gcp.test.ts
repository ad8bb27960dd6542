import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * google provider plans where the provider fills in what the configuration leaves out (SOURCES.md,
 * "Dialects of public plans").
 */

const providers = { google: { project: constant('osaka-city-dev') } };

describe('a new GKE cluster without logging_service', () => {
  // Modelled on GoogleCloudPlatform/terraform-validator
  // `testdata/templates/example_container_cluster.tfplan.json` (format 0.1, Terraform 0.14.2): a
  // cluster whose configuration sets only its name, location and node count, the Optional+Computed
  // `logging_service` in `after_unknown`.
  const cluster = (name: string, after: Json, expressions: Json): Change => ({
    address: `google_container_cluster.${name}`,
    after: {
      name,
      location: 'asia-northeast1',
      initial_node_count: 1,
      enable_legacy_abac: false,
      logging_service: null,
      monitoring_service: null,
      private_cluster_config: [],
      master_authorized_networks_config: [],
      ...after,
    },
    afterUnknown: { id: true, endpoint: true, logging_service: true, monitoring_service: true },
    expressions: { name: constant(name), location: constant('asia-northeast1'), ...expressions },
  });
  const document = plan(
    [
      cluster('defaults', {}, {}),
      // `logging_service = var.logging` with a value only known after apply (a module output).
      cluster('from_output', {}, { logging_service: { references: ['module.logs.service'] } }),
    ],
    { formatVersion: '0.1', terraformVersion: '0.14.2', providers },
  );

  it('reads its logging as the API’s default: Cloud Logging', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.defaults').status).toBe(
      'PASS',
    );
  });

  it('leaves a logging service the configuration sets but the plan cannot show unknown', async () => {
    const scanned = await scanDocument(document);
    expect(findingOf(scanned, 'gcp.gke.cluster-logging', 'google_container_cluster.from_output').status).toBe(
      'UNKNOWN',
    );
  });
});

describe('google_compute_subnetwork flow logs', () => {
  // Modelled on fugue/regula `rego/tests/rules/tf/google/compute/inputs/subnet_flow_log_enabled_infra.json`
  // (format 0.1, Terraform 0.13.5, google 3.x): flow logs on through a `log_config` block
  // (`log_config: []` when left out), `network` known after apply; and on the google 2.x schema
  // (`enable_flow_logs`) and the provider's `purpose` (proxy-only subnets have no flow logs).
  const subnet = (name: string, after: Json, afterUnknown: Json = {}, expressions: Json = {}): Change => ({
    address: `google_compute_subnetwork.${name}`,
    after: { name, ip_cidr_range: '10.0.0.0/24', region: 'asia-northeast1', description: null, ...after },
    afterUnknown: { id: true, network: true, gateway_address: true, self_link: true, ...afterUnknown },
    expressions: { name: constant(name), ...expressions },
  });
  const document = plan(
    [
      subnet('logged', {
        log_config: [
          { aggregation_interval: 'INTERVAL_10_MIN', flow_sampling: 0.5, metadata: 'INCLUDE_ALL_METADATA' },
        ],
      }),
      subnet('unlogged', { log_config: [] }),
      subnet('legacy_logged', { enable_flow_logs: true, log_config: [] }, { log_config: [] }),
      subnet('log_config_unknown', {}, { log_config: true }),
      // 2.x: `enable_flow_logs` computed when left out, set from an output known after apply.
      subnet('legacy_default', { log_config: [] }, { enable_flow_logs: true }),
      subnet(
        'legacy_from_output',
        { log_config: [] },
        { enable_flow_logs: true },
        { enable_flow_logs: { references: ['module.policy.flow_logs'] } },
      ),
      subnet('proxy_only', { log_config: [], purpose: 'REGIONAL_MANAGED_PROXY' }),
      subnet('purpose_default', { log_config: [] }, { purpose: true }),
    ],
    { formatVersion: '0.1', terraformVersion: '0.13.5', providers },
  );

  it('reads flow logs from the log_config block, or 2.x enable_flow_logs', async () => {
    const scanned = await scanDocument(document);
    const status = (name: string) =>
      findingOf(scanned, 'gcp.compute.subnet-flow-logs', `google_compute_subnetwork.${name}`).status;
    expect(status('logged')).toBe('PASS');
    expect(status('unlogged')).toBe('FAIL');
    expect(status('legacy_logged')).toBe('PASS');
    expect(status('log_config_unknown')).toBe('UNKNOWN');
    expect(status('legacy_default')).toBe('FAIL');
    expect(status('legacy_from_output')).toBe('UNKNOWN');
    expect(status('proxy_only')).toBe('NOT_APPLICABLE');
    expect(status('purpose_default')).toBe('FAIL');
    expect(scanned.coverage.skipped).toEqual([]);
  });
});
