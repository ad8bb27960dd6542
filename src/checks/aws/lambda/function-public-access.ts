import type { AwsLambdaFunctionFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import {
  grantsInForce,
  type PublicPolicyMessage,
  publicPolicyMessage,
  publicPolicyMessages,
} from '../lib/public-policy.ts';

export default defineCheck<AwsLambdaFunctionFacts, 'notPublic' | PublicPolicyMessage | 'unknown'>({
  meta: {
    id: 'aws.lambda.function-public-access',
    provider: 'aws',
    resourceTypes: ['compute.serverless'],
    severity: 'high',
    title: {
      ja: 'Lambda 関数のリソースポリシーが誰にでも呼び出しを許可していない（認証なしの関数 URL を含む）',
      en: 'Lambda function policies do not let anyone invoke them (function URLs without auth included)',
    },
    rationale: {
      ja: 'Principal "*" に呼び出しを許可する文（認証タイプ NONE の関数 URL が追加するものを含む）があると、インターネットの誰でも関数を実行でき、処理するデータや課金が第三者に握られます。',
      en: 'A statement allowing Principal "*" to invoke (such as the one a function URL with auth type NONE adds) lets anyone on the internet run the function, with its data and its bill.',
    },
    remediation: {
      ja: '関数 URL は aws lambda update-function-url-config --function-name <関数名> --auth-type AWS_IAM で IAM 認証にし、不要な文は aws lambda remove-permission --function-name <関数名> --statement-id <Sid> で削除します（コンソール: Lambda → 対象 →「設定」→「アクセス権限」/「関数 URL」）。',
      en: 'Switch the function URL to IAM auth with aws lambda update-function-url-config --function-name <function> --auth-type AWS_IAM and remove the statement with aws lambda remove-permission --function-name <function> --statement-id <Sid> (console: Lambda → the function → Configuration → Permissions / Function URL).',
    },
    messages: {
      notPublic: {
        ja: 'Lambda 関数 {{function}} のリソースポリシーは誰にでも許可していません',
        en: 'The resource policy of Lambda function {{function}} allows no anonymous caller',
      },
      ...publicPolicyMessages({
        ja: 'Lambda 関数 {{function}} のリソースポリシー（{{statements}}）が誰にでも呼び出しを許可しています',
        en: 'The resource policy of Lambda function {{function}} lets anyone invoke it ({{statements}})',
      }),
      unknown: {
        ja: 'Lambda 関数 {{function}} のリソースポリシーがエクスポートにありません',
        en: 'The export does not show the resource policy of Lambda function {{function}}',
      },
    },
    references: [
      'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
      'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
    ],
  },
  evaluate(resource, ctx) {
    const data = { function: resource.name };
    const statements = factOf(resource.facts.publicPolicyStatements, 'supplementaryConfiguration.Policy');
    if (statements.source === 'unknown') return undetermined('unknown', [statements], data);
    const inForce = grantsInForce(statements.value, ctx.now);
    if (inForce.length === 0) return pass('notPublic', [statements], data);
    const { message, data: reason } = publicPolicyMessage(inForce);
    return fail(message, [statements], { ...data, ...reason });
  },
});
