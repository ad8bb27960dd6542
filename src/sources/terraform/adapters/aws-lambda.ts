import type { Resource } from '../../../model/resource.ts';
import { isPublicAllowStatement } from '../../aws/adapters/public-policy.ts';
import { isCreated, type TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { type PartLink, partsOf, type TerraformAdapter, type Unit } from './adapter.ts';
import { configItem, fromConfigItem } from './aws-record.ts';

/**
 * aws_lambda_function with its aws_lambda_permission resources: the function's resource-based
 * policy, as Lambda's AddPermission writes each statement (Config keeps the policy in
 * `supplementaryConfiguration.Policy`).
 * https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_permission
 */

const POLICY_PATH = 'supplementaryConfiguration.Policy';

/** A value the plan knows only after apply is still a fixed value (an ARN of the plan). */
function fixed(tr: Translation, permission: TfInstance, attribute: string): string | undefined {
  const read = tr.valuesOf(permission).read(attribute);
  if (read.state === 'known' && read.value !== '') return String(read.value);
  return read.state === 'unknown' ? `${permission.address}.${attribute} (known after apply)` : undefined;
}

/**
 * One AddPermission statement: `principal` a service (`s3.amazonaws.com`), an account or ARN (one
 * known only after apply among them), or `*`; `source_arn`, `source_account` and `principal_org_id` narrow it;
 * `function_url_auth_type` (provider v4.x on) does not. Undefined when the plan does not show
 * who is allowed.
 */
function statementOf(tr: Translation, permission: TfInstance): JsonObject | undefined {
  // A principal known only after apply is an ARN or account of the plan's resources: never `*`.
  const principal =
    tr.valuesOf(permission).read('principal').state === 'unknown'
      ? fixed(tr, permission, 'principal')
      : tr.read(permission, 'principal', POLICY_PATH);
  const action = tr.read(permission, 'action', POLICY_PATH);
  if (typeof principal !== 'string' || typeof action !== 'string') return undefined;
  const condition: Record<string, Record<string, string>> = {};
  const add = (operator: string, key: string, value: string | undefined) => {
    if (value !== undefined) condition[operator] = { ...condition[operator], [key]: value };
  };
  add('ArnLike', 'AWS:SourceArn', fixed(tr, permission, 'source_arn'));
  add('StringEquals', 'AWS:SourceAccount', fixed(tr, permission, 'source_account'));
  add('StringEquals', 'aws:PrincipalOrgID', fixed(tr, permission, 'principal_org_id'));
  add('StringEquals', 'lambda:FunctionUrlAuthType', fixed(tr, permission, 'function_url_auth_type'));
  return {
    Sid: permission.address,
    Effect: 'Allow',
    Principal:
      principal === '*'
        ? '*'
        : principal.endsWith('.amazonaws.com')
          ? { Service: principal }
          : { AWS: principal },
    Action: action,
    Resource: '*',
    ...(Object.keys(condition).length > 0 && { Condition: condition }),
  };
}

function lambdaFunction(group: Unit, tr: Translation): Resource {
  const alone = group.primary.type !== 'aws_lambda_function';
  const permissions = alone ? [group.primary] : partsOf(group, 'aws_lambda_permission');
  const statements: JsonObject[] = [];
  let unread = false;
  for (const permission of permissions) {
    const statement = statementOf(tr, permission);
    if (statement) statements.push(statement);
    else unread = true;
  }
  const isNew = !alone && isCreated(group.primary);
  const anyPublic = statements.some((statement) => isPublicAllowStatement(statement));
  const supplementary: JsonObject = {};
  if (anyPublic || (isNew && !unread)) {
    // A new function's policy holds only the plan's permissions; a public one is public anyway.
    tr.mark(POLICY_PATH, `${group.primary.address} (aws_lambda_permission)`, 'known');
    supplementary.Policy =
      statements.length > 0 ? JSON.stringify({ Version: '2012-10-17', Statement: statements }) : null;
  } else if (!unread) {
    // An existing function may hold permissions made outside the configuration.
    tr.mark(POLICY_PATH, `${group.primary.address} (aws_lambda_permission)`, 'unmanaged');
  }
  return fromConfigItem(configItem('AWS::Lambda::Function', {}, supplementary), tr);
}

const FUNCTION_LINK: PartLink = {
  attribute: 'function_name',
  parentKeys: ['function_name', 'arn', 'id'],
  standalone: 'provider-region',
};

export const awsLambdaAdapters: Readonly<Record<string, TerraformAdapter>> = {
  aws_lambda_function: {
    provider: 'aws',
    build: lambdaFunction,
    parts: { aws_lambda_permission: FUNCTION_LINK },
  },
};
