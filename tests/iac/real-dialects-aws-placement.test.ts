import { describe, expect, it } from 'vitest';
import { constant, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';

/**
 * Where a plan's resources are when the provider block takes its region from a root variable
 * (`region = var.region`), as bridgecrewio/checkov's terragoat plan (`tests/terraform/runner/
 * resources/plan/tfplan.json`, Terraform 0.12) and most public plans write it: `configuration`
 * holds only the reference, the plan's `variables` the value it was made with.
 */
const kmsKey = {
  address: 'aws_kms_key.logs',
  after: { enable_key_rotation: true, is_enabled: true, deletion_window_in_days: 7 },
  afterUnknown: { arn: true, id: true, key_id: true, policy: true },
};

describe('AWS region from a root variable', () => {
  it('places resources in the region the plan gives the variable', async () => {
    const document = {
      ...plan([kmsKey], { providers: { aws: { region: ref('var.region') } } }),
      variables: { region: { value: 'us-west-2' } },
    };
    const scanned = await scanDocument(document);
    expect(resourceOf(scanned, 'aws_kms_key.logs').region).toBe('us-west-2');
    expect(findingOf(scanned, 'common.location.data-in-japan', 'aws_kms_key.logs').status).toBe('FAIL');
  });

  it('leaves the region unknown when the variable has no value in the plan, or the expression names more', async () => {
    for (const [region, variables] of [
      [ref('var.region'), {}],
      [ref('var.region'), { region: { value: null } }],
      [ref('local.region'), { region: { value: 'ap-northeast-1' } }],
      [ref('var.region', 'var.suffix'), { region: { value: 'ap-northeast-1' } }],
    ] as const) {
      const scanned = await scanDocument({
        ...plan([kmsKey], { providers: { aws: { region } } }),
        variables,
      });
      expect(findingOf(scanned, 'common.location.data-in-japan', 'aws_kms_key.logs').status).toBe('UNKNOWN');
    }
  });

  it('does not read a module’s provider block from the root variables', async () => {
    const document = plan([kmsKey], { providers: { aws: { region: ref('var.region') } } }) as {
      configuration: { provider_config: { aws: Record<string, unknown> } };
    };
    document.configuration.provider_config.aws.module_address = 'module.regional';
    const scanned = await scanDocument({ ...document, variables: { region: { value: 'ap-northeast-1' } } });
    expect(findingOf(scanned, 'common.location.data-in-japan', 'aws_kms_key.logs').status).toBe('UNKNOWN');
  });

  it('still takes a constant region first', async () => {
    const document = {
      ...plan([kmsKey], { providers: { aws: { region: constant('ap-northeast-1') } } }),
      variables: { region: { value: 'us-west-2' } },
    };
    expect(resourceOf(await scanDocument(document), 'aws_kms_key.logs').region).toBe('ap-northeast-1');
  });
});
