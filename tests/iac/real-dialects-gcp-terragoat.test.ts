import { describe, expect, it } from 'vitest';
import { type Change, constant, type Json, plan, ref } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * bridgecrewio/terragoat `terraform/gcp/big_data.tf` (tests/corpus/SOURCES.md): a Cloud SQL
 * instance whose configuration names no `encryption_key_name`. The attribute is Optional+Computed,
 * so a google 4.x plan shows it known only after apply; the instance is created with a
 * Google-managed key all the same. A key the configuration names is a customer-managed key,
 * the plan's own or one the plan cannot show (a remote state's output read on apply): an
 * expression that comes to null is known when Terraform plans.
 */

const instance = (name: string, expressions: Json): Change => ({
  address: `google_sql_database_instance.${name}`,
  after: {
    name: `terragoat-${name}`,
    database_version: 'POSTGRES_11',
    region: 'us-central1',
    project: 'terragoat-corpus-gcp',
    settings: [
      {
        tier: 'db-f1-micro',
        backup_configuration: [{ enabled: false }],
        ip_configuration: [
          { ipv4_enabled: false, private_network: 'projects/p/global/networks/vpc', authorized_networks: [] },
        ],
      },
    ],
  },
  afterUnknown: {
    id: true,
    encryption_key_name: true,
    settings: [{ backup_configuration: [{}], ip_configuration: [{}] }],
  },
  expressions: { name: constant(`terragoat-${name}`), ...expressions },
});

const document: Json = plan(
  [
    instance('no_key', {}),
    instance('plan_key', {
      encryption_key_name: ref('google_kms_crypto_key.sql.id', 'google_kms_crypto_key.sql'),
    }),
    instance('outside_key', { encryption_key_name: ref('data.terraform_remote_state.kms.outputs.sql_key') }),
    {
      address: 'google_kms_crypto_key.sql',
      after: { name: 'sql', rotation_period: '7776000s' },
      afterUnknown: { id: true, key_ring: true },
      expressions: { name: constant('sql') },
    },
  ],
  { formatVersion: '1.1', terraformVersion: '1.3.9' },
);

describe('google 4.x Cloud SQL encryption_key_name (Optional+Computed)', () => {
  it.each([
    ['no_key', 'FAIL'],
    ['plan_key', 'PASS'],
    ['outside_key', 'PASS'],
  ])('%s → common.classification.cmk-at-rest %s', async (name, status) => {
    const scanned = await scanDocument(document);
    expect(
      findingOf(scanned, 'common.classification.cmk-at-rest', `google_sql_database_instance.${name}`).status,
    ).toBe(status);
  });
});
