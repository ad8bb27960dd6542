import type { Resource } from '../../../model/resource.ts';
import { isPublicAllowStatement } from '../../aws/adapters/public-policy.ts';
import { isCreated, type TfInstance } from '../document.ts';
import type { JsonObject } from '../kind.ts';
import type { Translation } from '../translation.ts';
import { type PartLink, partsOf, type TerraformAdapter, type Unit } from './adapter.ts';
import { configItem, fromConfigItem } from './aws-record.ts';

/**
 * aws_lambda_function with its aws_lambda_permission and aws_lambda_function_url resources: the
 * function's resource-based policy, as Lambda's AddPermission writes each statement (Config keeps
 * the policy in `supplementaryConfiguration.Policy`).
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

/**
 * The statement the provider adds when it creates a function URL of `authorization_type` NONE
 * (resourceFunctionURLCreate: AddPermission `FunctionURLAllowPublicAccess`, Principal `*`, on the
 * URL's qualifier), as the console does; an update to NONE adds none, nor does an existing URL
 * show whether its statement is still there. Null where the URL adds none, undefined where the
 * plan does not show its type.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lambda_function_url
 */
function urlStatementOf(tr: Translation, url: TfInstance): JsonObject | null | undefined {
  if (!isCreated(url)) return null;
  const type = tr.read(url, 'authorization_type', POLICY_PATH);
  if (type === undefined) return undefined;
  if (type !== 'NONE') return null;
  return {
    Sid: `${url.address} (FunctionURLAllowPublicAccess)`,
    Effect: 'Allow',
    Principal: '*',
    Action: 'lambda:InvokeFunctionUrl',
    Resource: '*',
    Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
  };
}

function lambdaFunction(group: Unit, tr: Translation): Resource {
  const alone = group.primary.type !== 'aws_lambda_function';
  const partsNamed = (type: string) =>
    alone ? (group.primary.type === type ? [group.primary] : []) : partsOf(group, type);
  const statements: JsonObject[] = [];
  let unread = false;
  for (const permission of partsNamed('aws_lambda_permission')) {
    const statement = statementOf(tr, permission);
    if (statement) statements.push(statement);
    else unread = true;
  }
  for (const url of partsNamed('aws_lambda_function_url')) {
    const statement = urlStatementOf(tr, url);
    if (statement) statements.push(statement);
    else if (statement === undefined) unread = true;
  }
  const isNew = !alone && isCreated(group.primary);
  const anyPublic = statements.some((statement) => isPublicAllowStatement(statement));
  const supplementary: JsonObject = {};
  const policySource = `${group.primary.address} (aws_lambda_permission, aws_lambda_function_url)`;
  if (anyPublic || (isNew && !unread)) {
    // A new function's policy holds only the plan's permissions; a public one is public anyway.
    tr.mark(POLICY_PATH, policySource, 'known');
    supplementary.Policy =
      statements.length > 0 ? JSON.stringify({ Version: '2012-10-17', Statement: statements }) : null;
  } else if (!unread) {
    // An existing function may hold permissions made outside the configuration.
    tr.mark(POLICY_PATH, policySource, 'unmanaged');
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
    parts: { aws_lambda_permission: FUNCTION_LINK, aws_lambda_function_url: FUNCTION_LINK },
  },
};
