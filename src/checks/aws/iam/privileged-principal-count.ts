import type { AwsAccountFacts, AwsIamPrincipalFacts, AwsIamUserFacts } from '../../../model/aws.ts';
import { unknown } from '../../../model/fact.ts';
import { isPlanOrigin, type Resource } from '../../../model/resource.ts';
import { defineCheck, type Evidence, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { type Counted, followPaths } from '../lib/escalation-paths.ts';
import { ESCALATION, isAdministrator, isAdministratorRole, type Verdict } from '../lib/related.ts';

type Message =
  | 'withinLimit'
  | 'withinLimitEscalating'
  | 'tooMany'
  | 'tooManyEscalating'
  | 'notInPlan'
  | 'noIam'
  | 'noRoles'
  | 'onlyNotified'
  | 'notListed'
  | 'unknown';

export default defineCheck<object, Message>({
  meta: {
    id: 'aws.iam.privileged-principal-count',
    provider: 'aws',
    resourceTypes: ['account'],
    severity: 'medium',
    title: {
      ja: '管理者権限を持つ、または自らに付与できる IAM ユーザ・ロールの数が上限（既定 3）以下',
      en: 'IAM users and roles with administrator rights, or able to grant them to themselves, are within the limit (3 by default)',
    },
    rationale: {
      ja: '特権アカウントと権限昇格できるアカウントは最小限とする必要があります（大阪市ガイドライン）。AdministratorAccess や全操作を許可するポリシーを持つ主体が多いほど、乗っ取られたときの影響と管理の抜けが増えます。IAM だけで自らに管理者権限を付与できる主体（IAMFullAccess、すべてのユーザ・グループ・ロールまたは自身へのポリシーのアタッチ・書き込み、ポリシーの新しい既定バージョンの作成、グループへのユーザ追加、信頼ポリシーの書き換えを許可するもの）も同じ権限を持つため数えます。他の主体を経て昇格できる主体も数えます: 管理者権限に届くロールを iam:PassRole でサービスに渡して動かせるもの（ec2:RunInstances、lambda:CreateFunction と lambda:InvokeFunction など、cloudformation:CreateStack、glue:CreateDevEndpoint、datapipeline、sagemaker、codebuild）、管理者権限に届く他のユーザのアクセスキーやパスワードを作れるもの（iam:CreateAccessKey、iam:CreateLoginProfile、iam:UpdateLoginProfile）、そのようなロールで動く Lambda 関数のコードを変えられるもの（lambda:UpdateFunctionCode）。渡せるロールがそのサービスを信頼していない、または管理者権限に届かないことがエクスポートから分かれば数えず、分からなければ判断できないとします。PowerUserAccess は IAM を操作できずロールも渡せないため、数えるのはそのようなロールで動く Lambda 関数がある場合だけです。',
      en: 'Privileged accounts, and accounts that can escalate, must be kept to a minimum (Osaka guideline): every principal with AdministratorAccess or an allow-everything policy is one more way to lose the whole account. A principal that can grant itself administrator rights through IAM alone (IAMFullAccess, or a policy allowing it to attach or write policies to every user, group or role or to itself, write a new default policy version, add users to groups, or rewrite trust policies) holds the same and counts too. So does a principal that can escalate through another one: passing a role that reaches administrator rights to a service it then runs code in (iam:PassRole with ec2:RunInstances, lambda:CreateFunction and lambda:InvokeFunction or the like, cloudformation:CreateStack, glue:CreateDevEndpoint, Data Pipeline, SageMaker, CodeBuild), creating an access key or a password for another user who does (iam:CreateAccessKey, iam:CreateLoginProfile, iam:UpdateLoginProfile), or changing the code of a Lambda function that runs as such a role (lambda:UpdateFunctionCode). A path counts not when the export shows that the role passed does not trust the service or reaches no administrator rights, and is unknown when the export does not tell. PowerUserAccess cannot touch IAM or pass roles: it counts only where a Lambda function runs as such a role.',
    },
    remediation: {
      ja: '管理者権限が不要な主体から外します: aws iam detach-user-policy --user-name <ユーザ> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess（ロールは detach-role-policy、グループは remove-user-from-group）。IAMFullAccess や、証跡に挙がった権限昇格を許すポリシーの文（iam:Attach*Policy・iam:Put*Policy・iam:CreatePolicyVersion、iam:PassRole、iam:CreateAccessKey、lambda:UpdateFunctionCode など）も同様に外すか、対象のリソースを絞ります（iam:PassRole は渡してよいロールの ARN と iam:PassedToService 条件に限ります）。日常の管理作業は職務ごとの権限セット（IAM Identity Center）で行います。',
      en: 'Remove administrator rights from principals that do not need them: aws iam detach-user-policy --user-name <user> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess (detach-role-policy for roles, remove-user-from-group for groups); likewise remove IAMFullAccess and the policy statements the evidence names as allowing escalation (iam:Attach*Policy, iam:Put*Policy, iam:CreatePolicyVersion, iam:PassRole, iam:CreateAccessKey, lambda:UpdateFunctionCode, …), or narrow their resources (iam:PassRole to the ARNs of the roles that may be passed, with an iam:PassedToService condition); use job-specific permission sets (IAM Identity Center) for daily administration.',
    },
    messages: {
      withinLimit: {
        ja: '管理者権限を持つ主体は {{count}} 件で上限 {{max}} 以下です（{{principals}}）',
        en: '{{count|principal holds|principals hold}} administrator rights, within the limit of {{max}} ({{principals}})',
      },
      tooMany: {
        ja: '管理者権限を持つ主体が {{count}} 件あり、上限 {{max}} を超えています（{{principals}}）',
        en: '{{count|principal holds|principals hold}} administrator rights, more than the limit of {{max}} ({{principals}})',
      },
      withinLimitEscalating: {
        ja: '管理者権限を持つ、または自らに付与できる主体は {{count}} 件で上限 {{max}} 以下です（{{principals}}。うち権限昇格できる主体: {{escalating}}）',
        en: '{{count|principal holds|principals hold}} administrator rights or can escalate to them, within the limit of {{max}} ({{principals}}; can escalate: {{escalating}})',
      },
      tooManyEscalating: {
        ja: '管理者権限を持つ、または自らに付与できる主体が {{count}} 件あり、上限 {{max}} を超えています（{{principals}}。うち権限昇格できる主体: {{escalating}}）',
        en: '{{count|principal holds|principals hold}} administrator rights or can escalate to them, more than the limit of {{max}} ({{principals}}; can escalate: {{escalating}})',
      },
      notInPlan: {
        ja: 'Terraform の計画の IAM ユーザとロールでは管理者権限を持つ、または自らに付与できるものは {{count}} 件です（上限 {{max}}）。構成の外で作られたユーザとロールは計画に現れません。クラウドのインベントリ（エクスポートまたはライブ スキャン）で判断してください',
        en: "The Terraform plan's IAM users and roles give administrator rights, or the means to grant them, to {{count|principal|principals}} (limit {{max}}), and users and roles made outside the configuration are not in the plan: judge it on the cloud's inventory (an export or a live scan)",
      },
      noIam: missingData(
        {
          ja: 'エクスポートに IAM ユーザ・ロールの設定項目がないため判断できません',
          en: 'Cannot tell: no IAM user or role configuration item in the export',
        },
        'awsConfigItems',
        { ja: 'IAM ユーザ・ロールの設定項目がありません', en: 'No IAM user or role configuration item' },
      ),
      noRoles: missingData(
        {
          ja: '管理者権限を持つ、または自らに付与できると分かる主体は {{count}} 件（上限 {{max}}）ですが、エクスポートにこのアカウントの IAM ロールが一つもありません（どのアカウントにもサービスにリンクされたロールがあります）。AWS::IAM::Role を記録してください',
          en: '{{count|principal is|principals are}} known to hold or be able to grant themselves administrator rights (limit {{max}}), but the export holds no IAM role of the account (every account has roles, its service-linked roles at least): record AWS::IAM::Role',
        },
        'awsConfigItems',
        {
          ja: '管理者権限を持つ、または自らに付与できると分かる主体は {{count}} 件（上限 {{max}}）ですが、IAM ロールの設定項目がありません',
          en: '{{count|principal is|principals are}} known to hold or be able to grant themselves administrator rights (limit {{max}}), but no IAM role configuration item was read',
        },
      ),
      onlyNotified: {
        ja: '管理者権限を持つ、または自らに付与できると分かる主体は {{count}} 件（上限 {{max}}）ですが、このアカウントの IAM ユーザ・ロールは変更通知またはルールのイベント（変更されたリソースだけを運ぶ）にあったものだけで、他の主体がありえます',
        en: '{{count|principal is|principals are}} known to hold or be able to grant themselves administrator rights (limit {{max}}), but the IAM users and roles of the account were read from change notifications or rule events only, which carry the resources that changed: others may exist',
      },
      // A plan's account is notInPlan before; the offline text holds for a live scan too (its
      // Config query and credential report are the listings it reads).
      notListed: {
        ja: '管理者権限を持つ、または自らに付与できると分かる主体は {{count}} 件（上限 {{max}}）ですが、読んだのはこのアカウントの IAM ロールまたはユーザの一部だけで（子テーブル、get-role・get-user の回答、一部のリソースの選択など）、一覧されていない主体も数に入りえます。ロールとユーザの一覧（AWS Config のスナップショット、aws iam get-account-authorization-details、list-roles と list-users、認証情報レポート）を加えてください',
        en: "{{count|principal is|principals are}} known to hold or be able to grant themselves administrator rights (limit {{max}}), but only some of the account's IAM roles or users were read (a child table, get-role or get-user answers, a selection of resources), and those not read may hold them too: add a listing of the roles and users (an AWS Config snapshot, aws iam get-account-authorization-details, list-roles and list-users, the credential report)",
      },
      unknown: missingData(
        {
          ja: '管理者権限を持つ、または自らに付与できると分かる主体は {{count}} 件（上限 {{max}}）ですが、{{undecided}} の権限、またはその主体が他の主体を経て届く先の権限がエクスポートから分かりません',
          en: '{{count|principal is|principals are}} known to hold or be able to grant themselves administrator rights (limit {{max}}), but the rights of {{undecided}}, or of the principals they can reach through, are not in the export',
        },
        'awsConfigItems',
        {
          ja: '管理者権限を持つ、または自らに付与できると分かる主体は {{count}} 件（上限 {{max}}）ですが、{{undecided}} の権限、またはその主体が他の主体を経て届く先の権限が分かりません',
          en: '{{count|principal is|principals are}} known to hold or be able to grant themselves administrator rights (limit {{max}}), but not the rights of {{undecided}}, or of the principals they can reach through',
        },
      ),
    },
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html',
      'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/IAMFullAccess.html',
      'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
    ],
  },
  evaluate(resource, ctx) {
    const max = ctx.params.maxPrivilegedPrincipals;
    const users = ctx.inventory.inAccount('aws', resource.account, 'iam.user') as Resource<AwsIamUserFacts>[];
    const roles = ctx.inventory.inAccount(
      'aws',
      resource.account,
      'iam.role',
    ) as Resource<AwsIamPrincipalFacts>[];
    if (users.length === 0 && roles.length === 0) {
      return undetermined('noIam', [
        unknown('configurationItems[resourceType=AWS::IAM::User|AWS::IAM::Role]', {
          ja: 'このアカウントの IAM ユーザ・ロールがエクスポートにありません',
          en: 'no IAM user or role of this account in the export',
        }),
      ]);
    }
    const own = new Map<Resource, Counted>([
      ...users.map((user): [Resource, Counted] => [
        user,
        privilegeOf(isAdministrator(ctx.inventory, user), () =>
          isAdministrator(ctx.inventory, user, ESCALATION),
        ),
      ]),
      ...roles.map((role): [Resource, Counted] => [
        role,
        privilegeOf(isAdministratorRole(ctx.inventory, role), () =>
          isAdministratorRole(ctx.inventory, role, ESCALATION),
        ),
      ]),
    ]);
    const verdicts = [...followPaths(ctx.inventory, resource.account, own)].map(([principal, verdict]) => ({
      principal,
      verdict,
    }));
    const admins = verdicts.filter(({ verdict }) => verdict.value === true);
    const undecided = verdicts.filter(({ verdict }) => verdict.value === undefined);
    const escalating = admins
      .filter(({ verdict }) => verdict.escalates)
      .map(({ principal }) => principal.name);
    const data = {
      count: admins.length,
      max,
      principals: admins.map(({ principal }) => principal.name),
      escalating,
    };
    const evidence = admins.flatMap(({ principal, verdict }) => naming(principal, verdict));
    if (admins.length > max)
      return fail(escalating.length > 0 ? 'tooManyEscalating' : 'tooMany', evidence, data);
    // An undecided principal matters only if it could take the count over the limit.
    if (admins.length + undecided.length > max) {
      return undetermined(
        'unknown',
        [...evidence, ...undecided.flatMap(({ principal, verdict }) => naming(principal, verdict))],
        { ...data, undecided: undecided.map(({ principal }) => principal.name) },
      );
    }
    // Every account has roles (AWSServiceRoleForSupport, …): none read means roles were not
    // recorded, and the count leaves them out.
    if (roles.length === 0) return undetermined('noRoles', [...evidence, ROLES_NOT_EXPORTED], data);
    // Change notifications carry the principals that changed: no listing of the account's.
    if ([...users, ...roles].every((principal) => principal.notified))
      return undetermined('onlyNotified', [...evidence, PRINCIPALS_ONLY_NOTIFIED], data);
    // A Terraform plan or state holds the principals its configuration makes; others may exist.
    if (isPlanOrigin(resource.origin)) return undetermined('notInPlan', evidence, data);
    // The principals read may be some of the account's (a child table, a get-role answer): the
    // count holds for the account only where its roles and its users were listed whole.
    const unlisted = unlistedPrincipals(resource as Resource<AwsAccountFacts>);
    if (unlisted.length > 0) return undetermined('notListed', [...evidence, ...unlisted], data);
    return pass(escalating.length > 0 ? 'withinLimitEscalating' : 'withinLimit', evidence, data);
  },
});

const ROLES_NOT_EXPORTED = unknown('configurationItems[resourceType=AWS::IAM::Role]', {
  ja: 'このアカウントの IAM ロールがエクスポートにありません',
  en: 'no IAM role of this account in the export',
});

const PRINCIPALS_ONLY_NOTIFIED = unknown('configurationItems[resourceType=AWS::IAM::User|AWS::IAM::Role]', {
  ja: 'このアカウントの IAM ユーザ・ロールは変更通知またはルールのイベントにあったものだけです（一覧ではありません）',
  en: "the account's IAM users and roles were read from change notifications or rule events only (no listing of them)",
});

/**
 * The account's listings of its IAM roles and users that were not read whole, as evidence: each
 * listing fact absent (nothing listed them) or not true. An account may have no user, so a
 * listing of users that answered empty lists them; one with no user record and no listing does not.
 */
function unlistedPrincipals(account: Resource<AwsAccountFacts>): Evidence[] {
  return UNLISTED.flatMap(({ fact, evidence }) => (account.facts[fact]?.value === true ? [] : [evidence]));
}

const UNLISTED = [
  {
    fact: 'iamRolesListed',
    evidence: unknown('iamRolesListed', {
      ja: 'このアカウントの IAM ロールの一覧（AWS Config のスナップショット、list-roles、get-account-authorization-details、Steampipe の aws_iam_role、CloudQuery の aws_iam_roles など）が読まれていません。読んだロールは一部だけかもしれません',
      en: "no listing of the account's IAM roles was read (an AWS Config snapshot, list-roles, get-account-authorization-details, Steampipe's aws_iam_role, CloudQuery's aws_iam_roles, …): the roles read may be some of them",
    }),
  },
  {
    fact: 'iamUsersListed',
    evidence: unknown('iamUsersListed', {
      ja: 'このアカウントの IAM ユーザの一覧（認証情報レポート、AWS Config のスナップショット、list-users、get-account-authorization-details、Steampipe の aws_iam_user、CloudQuery の aws_iam_users など）が読まれていません。読んだユーザは一部だけかもしれません',
      en: "no listing of the account's IAM users was read (the credential report, an AWS Config snapshot, list-users, get-account-authorization-details, Steampipe's aws_iam_user, CloudQuery's aws_iam_users, …): the users read may be some of them",
    }),
  },
] as const satisfies readonly { fact: keyof AwsAccountFacts; evidence: Evidence }[];

/**
 * Whether a principal counts: it holds administrator rights, or may grant them to itself (then
 * `escalates`); undefined when either is unknown and the other does not make it count.
 */
function privilegeOf(administrator: Verdict, escalation: () => Verdict): Counted {
  if (administrator.value === true) return { ...administrator, escalates: false };
  const escalates = escalation();
  if (escalates.value === true) return { ...escalates, escalates: true };
  if (administrator.value === false) return { ...escalates, escalates: false };
  return { value: undefined, evidence: administrator.evidence, escalates: false };
}

/** A principal's evidence, each piece naming the resource it was read from. */
function naming(principal: Resource, verdict: Verdict): Evidence[] {
  return verdict.evidence.map((piece) => (piece.resourceId ? piece : { ...piece, resourceId: principal.id }));
}
