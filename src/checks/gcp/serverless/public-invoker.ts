import type { Fact } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { GcpServerlessFacts } from '../../../model/gcp.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckResult, defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { evidenceFrom } from '../../verdict.ts';
import { describeGrants } from '../lib/grants.ts';

type Message =
  | 'notPublic'
  | 'public'
  | 'invokerIamDisabled'
  | 'invokerCheckUnknown'
  | 'internalOnly'
  | 'noIamPolicy'
  | 'noRunService'
  | 'runServiceUnnamed';

const CLOUD_RUN_SERVICE = 'run.googleapis.com/Service';

export default defineCheck<GcpServerlessFacts, Message>({
  meta: {
    id: 'gcp.serverless.public-invoker',
    provider: 'gcp',
    resourceTypes: ['compute.serverless'],
    severity: 'high',
    title: {
      ja: 'Cloud Run サービス・Cloud Functions の関数を allUsers / allAuthenticatedUsers に公開していない',
      en: 'Cloud Run services and Cloud Functions are not granted to allUsers / allAuthenticatedUsers',
    },
    rationale: {
      ja: 'allUsers（または allAuthenticatedUsers）に起動者ロールを付与すると、認証なしで誰でもアプリケーションを呼び出せます。公開サイト以外は、呼び出せる主体を限定します。',
      en: 'An invoker role granted to allUsers (or allAuthenticatedUsers) lets anyone call the application without authentication. Unless it is a public site, restrict who can invoke it.',
    },
    remediation: {
      ja: 'gcloud run services remove-iam-policy-binding <サービス> --region=<リージョン> --member=allUsers --role=roles/run.invoker（関数は gcloud functions remove-iam-policy-binding <関数> --region=<リージョン> --member=allUsers --role=roles/cloudfunctions.invoker）を実行します（コンソール: Cloud Run > サービス > セキュリティ >「認証が必要」）。公開が必要なサイトは、この結果を例外として記録します。',
      en: 'Run gcloud run services remove-iam-policy-binding <service> --region=<region> --member=allUsers --role=roles/run.invoker (functions: gcloud functions remove-iam-policy-binding <function> --region=<region> --member=allUsers --role=roles/cloudfunctions.invoker) (console: Cloud Run > service > Security > "Require authentication"). Record sites that must be public as exceptions.',
    },
    messages: {
      notPublic: { ja: '公開の IAM 付与はありません', en: 'No public IAM grant' },
      public: {
        ja: 'IAM ポリシーが公開されています: {{grants}}',
        en: 'The IAM policy grants public access: {{grants}}',
      },
      invokerIamDisabled: {
        ja: '起動元の IAM チェック（Invoker IAM check）が無効のため、IAM の付与にかかわらずインターネットから誰でも呼び出せます',
        en: 'The Invoker IAM check is disabled, so anyone on the internet may invoke it whatever the IAM grants',
      },
      invokerCheckUnknown: {
        ja: '公開の IAM 付与はありませんが、起動元の IAM チェック（Invoker IAM check）が無効かどうかがデータからわからないため、誰でも呼び出せる可能性を否定できません',
        en: 'No public IAM grant, but the data does not tell whether the Invoker IAM check is disabled, which would let anyone invoke it',
      },
      internalOnly: {
        ja: 'ingress が internal のため、IAM の付与にかかわらずインターネットからは呼び出せません（VPC 内からのみ）',
        en: 'Ingress is internal, so it cannot be invoked from the internet whatever the IAM grants (only from within the VPC)',
      },
      noIamPolicy: missingData(
        {
          ja: 'IAM ポリシーがエクスポートにないため公開の有無を判断できません（--content-type=iam-policy のエクスポートも渡してください）',
          en: 'The IAM policy is not in the export, so public grants cannot be ruled out (also provide the --content-type=iam-policy export)',
        },
        'gcpIamPolicies',
      ),
      noRunService: missingData(
        {
          ja: '第 2 世代の関数は実行する Cloud Run サービス（{{service}}）の IAM ポリシー（roles/run.invoker）で呼び出せる主体が決まりますが、そのサービスがエクスポートにありません（関数自体の IAM ポリシーは呼び出しを制御しません）',
          en: 'A 2nd gen function is invoked through its Cloud Run service ({{service}}), whose IAM policy (roles/run.invoker) decides who may call it, and that service is not in the export (the function’s own IAM policy does not control invocation)',
        },
        'gcpIamPolicies',
      ),
      runServiceUnnamed: {
        ja: '第 2 世代の関数は実行する Cloud Run サービスの IAM ポリシー（roles/run.invoker）で呼び出せる主体が決まりますが、データにそのサービスの名前（serviceConfig.service）がありません',
        en: 'A 2nd gen function is invoked through its Cloud Run service, whose IAM policy (roles/run.invoker) decides who may call it, and the data does not name that service (serviceConfig.service)',
      },
    },
    references: [
      'https://cloud.google.com/run/docs/authenticating/public',
      'https://cloud.google.com/functions/docs/securing/managing-access-iam',
      'https://cloud.google.com/functions/docs/securing/authenticating',
    ],
  },
  // Public exposure needs both a public invoker and an ingress open to the internet: a service
  // whose ingress is `internal` takes requests only from its VPC, whoever may invoke it.
  // `internal-and-cloud-load-balancing` is open to an external load balancer: not closed. With
  // Cloud Run's Invoker IAM check disabled, no IAM grant is needed at all: as public as allUsers.
  // A 2nd gen function is invoked through its Cloud Run service, whose grants decide: a function
  // whose own policy opens nothing is judged as that service.
  evaluate(service, ctx) {
    const runService = service.facts.runService;
    const own = service.facts.publicBindings;
    if (!runService || (own?.value !== undefined && own.value.length > 0)) return judge(service);
    if (isInternalOnly(service.facts.ingress))
      return pass('internalOnly', [service.facts.ingress, runService]);
    if (runService.value === undefined) return undetermined('runServiceUnnamed', [runService]);
    const target = ctx.inventory.byId('gcp', runService.value) as Resource<GcpServerlessFacts> | undefined;
    if (!target) return undetermined('noRunService', [runService], { service: runService.value });
    const result = judge(target);
    const onService = result.evidence.map((fact) => evidenceFrom(target, fact));
    return { ...result, evidence: [runService, ...onService] };
  },
});

function isInternalOnly(ingress: Fact<string> | undefined): ingress is Fact<string> {
  return ingress !== undefined && ingress.source !== 'unknown' && ingress.value === 'internal';
}

/** The verdict on a service's (or function's) own ingress, Invoker IAM check and IAM policy. */
function judge(service: Resource<GcpServerlessFacts>): CheckResult<Message> {
  const bindings = factOf(service.facts.publicBindings, 'iamPolicy.bindings');
  const ingress = service.facts.ingress;
  const internalOnly = isInternalOnly(ingress);
  // A Cloud Run service read without that setting (its IAM policy alone, a table without the
  // column) may have the check off: its IAM policy alone cannot clear it.
  const checkOff =
    service.nativeType === CLOUD_RUN_SERVICE
      ? factOf(service.facts.invokerIamDisabled, 'resource.data.invokerIamDisabled')
      : service.facts.invokerIamDisabled;
  if (checkOff?.source === 'explicit' && checkOff.value) {
    if (internalOnly) return pass('internalOnly', [ingress, checkOff]);
    return fail('invokerIamDisabled', [checkOff, ...(ingress ? [ingress] : [])]);
  }
  if (bindings.source === 'unknown') {
    if (internalOnly) return pass('internalOnly', [ingress, bindings]);
    return undetermined('noIamPolicy', [bindings]);
  }
  if (bindings.value.length === 0)
    return checkOff?.source === 'unknown'
      ? undetermined('invokerCheckUnknown', [bindings, checkOff, ...(ingress ? [ingress] : [])])
      : pass('notPublic', [bindings]);
  const grants = describeGrants(bindings.value);
  if (internalOnly) return pass('internalOnly', [ingress, bindings], { grants });
  return fail('public', [bindings, ...(ingress ? [ingress] : [])], { grants });
}
