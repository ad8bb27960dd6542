import { describe, expect, it } from 'vitest';
import { constant, plan, ref } from './dialect-plan.ts';
import { findingOf, resourceOf, scanDocument } from './helpers.ts';
import { modulePlan } from './module-plan.ts';

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

describe('AWS region of a module’s resources keyed to the module’s own provider entry', () => {
  // Terraform 0.13–1.0 (format_version 0.2) keyed a module's resources to `module.<call>:aws`
  // and listed that entry with the module's required_providers only (as terraform-aws-modules
  // modules declare them), though the module inherits the root's provider block.
  const document = (entry: Record<string, unknown>) => {
    const built = modulePlan([
      {
        module: 'module.store',
        type: 'aws_kms_key',
        name: 'this',
        after: kmsKey.after,
        afterUnknown: kmsKey.afterUnknown,
      },
    ]) as {
      configuration: {
        provider_config: Record<string, unknown>;
        root_module: { module_calls: { store: { module: { resources: Record<string, unknown>[] } } } };
      };
    };
    built.configuration.provider_config['module.store:aws'] = entry;
    for (const resource of built.configuration.root_module.module_calls.store.module.resources)
      resource.provider_config_key = 'module.store:aws';
    return built;
  };
  const id = 'module.store.aws_kms_key.this';

  it('places them by the root block when the entry is only a requirement', async () => {
    const entry = {
      name: 'aws',
      full_name: 'registry.terraform.io/hashicorp/aws',
      version_constraint: '>= 4.9.0',
      module_address: 'module.store',
    };
    expect(resourceOf(await scanDocument(document(entry)), id).region).toBe('ap-northeast-1');
  });

  it('leaves them unplaced when the root has aliased blocks the module may have been passed', async () => {
    // `providers = { aws = aws.virginia }` in the module call: Terraform 0.13–1.0 wrote the
    // module's key all the same, and the module call names no provider, so which of the root's
    // blocks the module got cannot be told (Terraform 1.1 on writes the block's own key).
    const requirement = { name: 'aws', version_constraint: '>= 4.9.0', module_address: 'module.store' };
    const built = document(requirement) as { configuration: { provider_config: Record<string, unknown> } };
    built.configuration.provider_config['aws.virginia'] = {
      name: 'aws',
      alias: 'virginia',
      expressions: { region: constant('us-east-1') },
    };
    const scanned = await scanDocument(built);
    expect(resourceOf(scanned, id).region).toBe('');
    expect(findingOf(scanned, 'common.location.data-in-japan', id).status).toBe('UNKNOWN');
  });

  it('places them by the module’s own provider block when it has one', async () => {
    const entry = {
      name: 'aws',
      module_address: 'module.store',
      expressions: { region: constant('us-east-1') },
    };
    expect(resourceOf(await scanDocument(document(entry)), id).region).toBe('us-east-1');
  });
});

describe('AWS account and region from data sources read while planning', () => {
  // Configurations read their own account with `data "aws_caller_identity" "current" {}`
  // (terragoat's resource names carry it); a plan holds what was read while planning in
  // `prior_state`, and the configuration names the provider block it was read through.
  const identity = (name: string, account: string) => ({
    address: `data.aws_caller_identity.${name}`,
    mode: 'data',
    type: 'aws_caller_identity',
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    schema_version: 0,
    values: {
      account_id: account,
      arn: `arn:aws:iam::${account}:user/deployer`,
      id: account,
      user_id: 'AIDAEXAMPLE',
    },
  });
  const withIdentities = (document: Record<string, unknown>, reads: [string, string, string][]) => {
    const configuration = document.configuration as { root_module: { resources: Record<string, unknown>[] } };
    for (const [name, , key] of reads)
      configuration.root_module.resources.push({
        address: `data.aws_caller_identity.${name}`,
        mode: 'data',
        type: 'aws_caller_identity',
        name,
        provider_config_key: key,
        schema_version: 0,
      });
    return {
      ...document,
      prior_state: {
        values: { root_module: { resources: reads.map(([name, account]) => identity(name, account)) } },
      },
    };
  };

  it('places the resources of the provider block it was read through in its account', async () => {
    const document = withIdentities(
      plan([kmsKey], { providers: { aws: { region: constant('ap-northeast-1') } } }),
      [['current', '123456789123', 'aws']],
    );
    expect(resourceOf(await scanDocument(document), 'aws_kms_key.logs').account).toBe('123456789123');
  });

  it('places them in the region data.aws_region read through the block shows (name before 6.x, region since)', async () => {
    for (const values of [{ name: 'ap-northeast-3', id: 'ap-northeast-3' }, { region: 'ap-northeast-3' }]) {
      const base = plan([kmsKey], { providers: { aws: {} } }) as {
        configuration: { root_module: { resources: Record<string, unknown>[] } };
      };
      base.configuration.root_module.resources.push({
        address: 'data.aws_region.current',
        mode: 'data',
        type: 'aws_region',
        name: 'current',
        provider_config_key: 'aws',
        schema_version: 0,
      });
      const document = {
        ...base,
        prior_state: {
          values: {
            root_module: {
              resources: [
                {
                  address: 'data.aws_region.current',
                  mode: 'data',
                  type: 'aws_region',
                  name: 'current',
                  values,
                },
              ],
            },
          },
        },
      };
      const scanned = await scanDocument(document);
      expect(resourceOf(scanned, 'aws_kms_key.logs').region).toBe('ap-northeast-3');
      expect(findingOf(scanned, 'common.location.data-in-japan', 'aws_kms_key.logs').status).toBe('PASS');
    }
  });

  it('does not give an alias’s account to the default block', async () => {
    const document = withIdentities(
      plan([kmsKey], {
        providers: {
          aws: { region: constant('ap-northeast-1') },
          'aws.audit': {
            region: constant('ap-northeast-1'),
            assume_role: [{ role_arn: constant('arn:aws:iam::210987654321:role/audit') }],
          },
        },
      }),
      [['audit', '210987654321', 'aws.audit']],
    );
    expect(resourceOf(await scanDocument(document), 'aws_kms_key.logs').account).toBe('(unknown)');
  });
});
