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
