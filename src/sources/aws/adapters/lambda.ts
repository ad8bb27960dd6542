import type { AwsLambdaFunctionFacts } from '../../../model/aws.ts';
import type { ConfigItem } from '../config-item.ts';
import { absent, configString } from './fields.ts';
import { publicStatementsFact } from './public-policy.ts';

/**
 * AWS::Lambda::Function: its resource-based policy, which Config keeps as a JSON string in
 * `supplementaryConfiguration.Policy`. A function URL with auth type NONE works through a
 * statement allowing `lambda:InvokeFunctionUrl` to `*` (with only the
 * `lambda:FunctionUrlAuthType` condition, which restricts no caller).
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
 * Its execution role (`configuration.role`) is whose rights a change of its code reaches.
 */
export function lambdaFunctionFacts(item: ConfigItem): AwsLambdaFunctionFacts {
  const path = 'supplementaryConfiguration.Policy';
  const policy = item.supplementary?.['Policy'];
  return {
    publicPolicyStatements: policy === undefined ? absent(item, path) : publicStatementsFact(policy, path),
    executionRole: configString(item, 'role'),
  };
}
