import type { Resource } from '../../../model/resource.ts';
import {
  accountResource,
  noPolicy,
  PASSWORD_POLICY_SETTINGS,
  readPasswordPolicySettings,
} from '../../aws/password-policy.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import type { BuildContext, TerraformAdapter, Unit } from './adapter.ts';

/**
 * `aws_iam_account_password_policy`: the account's IAM password policy. Its attributes are
 * named as Steampipe's columns, so the password policy reader's settings read them.
 *
 * The provider (internal/service/iam/account_password_policy.go in hashicorp/terraform-provider-aws)
 * sends only the attributes the configuration sets to UpdateAccountPasswordPolicy, and IAM resets
 * every parameter left out to its default: false for the `require_*` flags, no reuse prevention
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html).
 * Those attributes are Optional+Computed, so a plan shows them as known after apply; read as
 * unknown, a policy that leaves out `require_symbols` would never fail. `minimum_password_length`
 * has a schema default (6), which the plan shows.
 */
const IAM_RESETS_TO_DEFAULT = {
  ja: '構成で設定されていないため、IAM の既定値になります（UpdateAccountPasswordPolicy は省略されたパラメータを既定値に戻します）',
  en: 'not set in the configuration, so IAM applies its default (UpdateAccountPasswordPolicy resets a parameter left out)',
};

function accountPasswordPolicy(unit: Unit, tr: Translation, ctx: BuildContext): Resource {
  const self = unit.primary;
  const record: JsonObject = {};
  tr.mark('PasswordPolicy', self.address, 'known');
  for (const { column, kind } of PASSWORD_POLICY_SETTINGS) {
    const unknownInPlan = tr.valuesOf(self).read(column).state === 'unknown';
    if (unknownInPlan && !ctx.config.sets(self, column)) {
      // The reuse prevention left out is read as not set, as the reader reads an absent field.
      if (kind === 'boolean') record[column] = false;
      tr.mark(column, `${self.address}.${column}`, 'assumed', IAM_RESETS_TO_DEFAULT);
      continue;
    }
    const value = tr.read(self, column, column);
    if (value !== undefined) record[column] = value;
  }
  const resource = accountResource('', readPasswordPolicySettings(record, 'column', ''), { file: '' });
  return { ...resource, facts: tr.rewrite(resource.facts) };
}

/** Deleting the resource deletes the policy (DeleteAccountPasswordPolicy): AWS's default applies. */
function deletedPasswordPolicy(unit: Unit, tr: Translation): Resource {
  tr.mark('PasswordPolicy', unit.primary.address, 'known');
  const resource = accountResource('', noPolicy(), { file: '' });
  return { ...resource, facts: tr.rewrite(resource.facts) };
}

export const awsAccountAdapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_iam_account_password_policy: {
    provider: 'aws',
    global: true,
    build: accountPasswordPolicy,
    whenDeleted: deletedPasswordPolicy,
  },
};
