import type { AwsAccountFacts } from '../../../model/aws.ts';
import type { Fact } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { ScanParameters } from '../../../model/parameters.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';

type Messages = 'strict' | 'weak' | 'noPolicy' | 'unknownSettings' | 'noExport';

/** One setting the organisation's parameters ask of the policy, and how a value is described. */
interface Rule {
  readonly fact: Fact<number> | Fact<boolean>;
  readonly compliant: boolean;
  readonly says: string;
}

export default defineCheck<AwsAccountFacts, Messages>({
  meta: {
    id: 'aws.iam.password-policy',
    provider: 'aws',
    resourceTypes: ['account'],
    nativeTypes: ['AWS::::Account'],
    severity: 'medium',
    title: {
      ja: 'アカウントのパスワードポリシーが組織の基準（既定: 14 文字以上、4 種類の文字、24 世代の再利用禁止）を満たす',
      en: "The account password policy meets the organisation's standard (by default: 14 characters, four character classes, 24 passwords remembered)",
    },
    rationale: {
      ja: 'IAM ユーザのコンソールパスワードは、短く単純なものや使い回しを許すと推測や漏えいで破られます。パスワードポリシーを設定しないと、AWS の既定（8 文字以上、ほかの条件なし）だけが適用されます。',
      en: "IAM users' console passwords that may be short, simple or reused fall to guessing and leaks. Without a password policy only AWS's default applies (8 characters, no other rule).",
    },
    remediation: {
      ja: 'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --password-reuse-prevention 24 を実行するか、IAM コンソールの「アカウント設定」→「パスワードポリシー」で設定します（値は組織のパラメータ passwordPolicy に合わせます）。',
      en: 'Run aws iam update-account-password-policy --minimum-password-length 14 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --password-reuse-prevention 24, or set it in the IAM console under Account settings → Password policy (with the values of the passwordPolicy parameter).',
    },
    messages: {
      strict: {
        ja: 'アカウント {{account}} のパスワードポリシーは組織の基準を満たしています',
        en: "The password policy of account {{account}} meets the organisation's standard",
      },
      weak: {
        ja: 'アカウント {{account}} のパスワードポリシーが組織の基準を満たしません: {{failing}}',
        en: "The password policy of account {{account}} falls short of the organisation's standard: {{failing}}",
      },
      noPolicy: {
        ja: 'アカウント {{account}} にパスワードポリシーが設定されていません（AWS の既定: 8 文字以上、ほかの条件なし）',
        en: "Account {{account}} has no password policy (AWS's default applies: 8 characters, no other rule)",
      },
      unknownSettings: {
        ja: 'アカウント {{account}} のパスワードポリシーの {{unknown}} が分からないため判断できません',
        en: 'Cannot tell: {{unknown}} of the password policy of account {{account}} is not known',
      },
      noExport: missingData(
        {
          ja: 'アカウント {{account}} のパスワードポリシー（aws iam get-account-password-policy）がエクスポートにないため判断できません',
          en: 'Cannot tell: the password policy of account {{account}} (aws iam get-account-password-policy) is not in the export',
        },
        'awsPasswordPolicy',
        {
          ja: 'アカウント {{account}} のパスワードポリシーがありません',
          en: 'No password policy read for account {{account}}',
        },
      ),
    },
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
      'https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html',
    ],
  },
  evaluate(resource, ctx) {
    const data = { account: resource.account };
    const { facts } = resource;
    const set = factOf(facts.passwordPolicySet, 'PasswordPolicy');
    if (set.source === 'unknown') return undetermined('noExport', [set], data);
    if (!set.value) return fail('noPolicy', [set], data);
    const rules = policyRules(facts, ctx.params.passwordPolicy);
    const failing = rules.filter((rule) => rule.fact.source !== 'unknown' && !rule.compliant);
    if (failing.length > 0)
      return fail(
        'weak',
        failing.map((rule) => rule.fact),
        { ...data, failing: failing.map((rule) => rule.says) },
      );
    const unknownFacts = rules.map((rule) => rule.fact).filter((fact) => fact.source === 'unknown');
    if (unknownFacts.length > 0)
      return undetermined('unknownSettings', unknownFacts, {
        ...data,
        unknown: unknownFacts.map((fact) => fact.path),
      });
    return pass(
      'strict',
      rules.map((rule) => rule.fact),
      data,
    );
  },
});

/** The settings the parameters ask for: the length and reuse limits, and each character class required. */
function policyRules(facts: AwsAccountFacts, wanted: ScanParameters['passwordPolicy']): Rule[] {
  const length = factOf(facts.passwordMinimumLength, 'PasswordPolicy.MinimumPasswordLength');
  const reuse = factOf(facts.passwordReusePrevention, 'PasswordPolicy.PasswordReusePrevention');
  const rules: Rule[] = [
    {
      fact: length,
      compliant: (length.value ?? 0) >= wanted.minimumLength,
      says: `${length.path} = ${length.value} < ${wanted.minimumLength}`,
    },
    {
      fact: reuse,
      compliant: (reuse.value ?? 0) >= wanted.reusePrevention,
      says: `${reuse.path} = ${reuse.value} < ${wanted.reusePrevention}`,
    },
  ];
  const classes = [
    [wanted.requireSymbols, facts.passwordRequireSymbols, 'PasswordPolicy.RequireSymbols'],
    [wanted.requireNumbers, facts.passwordRequireNumbers, 'PasswordPolicy.RequireNumbers'],
    [wanted.requireUppercase, facts.passwordRequireUppercase, 'PasswordPolicy.RequireUppercaseCharacters'],
    [wanted.requireLowercase, facts.passwordRequireLowercase, 'PasswordPolicy.RequireLowercaseCharacters'],
  ] as const;
  for (const [required, optional, path] of classes) {
    if (!required) continue;
    const fact = factOf(optional, path);
    rules.push({ fact, compliant: fact.value === true, says: `${fact.path} = ${fact.value}` });
  }
  return rules;
}
