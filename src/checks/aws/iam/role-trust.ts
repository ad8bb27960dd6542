import type { AwsIamPrincipalFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { UNKNOWN_ACCOUNT } from '../../../model/resource.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

type Message = 'trusted' | 'anyone' | 'anyFederatedUser' | 'external' | 'ownAccountUnknown' | 'unknown';

/** The prefix of a public identity provider among the trusted (`federated:token.actions.githubusercontent.com`). */
const FEDERATED = 'federated:';

export default defineCheck<AwsIamPrincipalFacts, Message>({
  meta: {
    id: 'aws.iam.role-trust',
    provider: 'aws',
    resourceTypes: ['iam.role'],
    severity: 'high',
    title: {
      ja: 'IAM ロールの信頼ポリシーが不明な外部アカウントや全員に引き受けを許可していない',
      en: 'IAM role trust policies let no unknown external account, nor anyone, assume the role',
    },
    rationale: {
      ja: '信頼ポリシーで外部アカウントを信頼すると、そのアカウントの利用者がロールの権限で操作できます。スキャン対象外で、許可リスト（trustedAccountIds）にもないアカウントへの信頼は、委託先などの把握されていない経路です。Principal "*" は誰にでも引き受けを許します。',
      en: 'A trusted external account lets its users act with the role’s rights; trust in an account that is neither scanned nor on the allow list (trustedAccountIds) is an unmanaged path such as a vendor’s. Principal "*" lets anyone assume the role.',
    },
    remediation: {
      ja: '不要な信頼を削除し、必要な委託先は sts:ExternalId 条件付きで信頼します: aws iam update-assume-role-policy --role-name <ロール名> --policy-document file://trust.json。正当な外部アカウントはポリシーファイルの trustedAccountIds に登録します。',
      en: 'Remove trust that is not needed and trust needed vendors with an sts:ExternalId condition: aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json. List legitimate external accounts under trustedAccountIds in the framework file.',
    },
    messages: {
      trusted: {
        ja: 'ロール {{role}} を引き受けられるのは、スキャン対象または許可済みのアカウントだけです',
        en: 'Role {{role}} can be assumed only from scanned or allowed accounts',
      },
      anyone: {
        ja: 'ロール {{role}} の信頼ポリシーが誰にでも（Principal "*"）引き受けを許可しています',
        en: 'The trust policy of role {{role}} lets anyone (Principal "*") assume it',
      },
      anyFederatedUser: {
        ja: 'ロール {{role}} の信頼ポリシーが {{providers}} の誰にでも引き受けを許可しています（どのリポジトリ・プロジェクト・アプリかを限る条件（sub など）がありません）',
        en: 'The trust policy of role {{role}} lets any user of {{providers}} assume it (no condition such as sub names which repository, project or app)',
      },
      external: {
        ja: 'ロール {{role}} は把握されていない外部アカウント {{accounts}} から引き受けられます',
        en: 'Role {{role}} can be assumed from unknown external accounts {{accounts}}',
      },
      ownAccountUnknown: {
        ja: 'ロール {{role}} はアカウント {{accounts}} から引き受けられますが、ロール自身のアカウントが分からないため、それが外部アカウントか判断できません',
        en: 'Role {{role}} can be assumed from account {{accounts}}, but the role’s own account is not known, so whether that account is external cannot be told',
      },
      unknown: {
        ja: 'ロール {{role}} の信頼ポリシーがエクスポートにありません',
        en: 'The export does not show the trust policy of role {{role}}',
      },
    },
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    ],
  },
  evaluate(resource, ctx) {
    const data = { role: resource.name };
    const trusted = factOf(resource.facts.trustedAccounts, 'configuration.assumeRolePolicyDocument');
    if (trusted.source === 'unknown') return undetermined('unknown', [trusted], data);
    if (trusted.value.includes('*')) return { ...fail('anyone', [trusted], data), severity: 'critical' };
    const providers = trusted.value.flatMap((entry) =>
      entry.startsWith(FEDERATED) ? [entry.slice(FEDERATED.length)] : [],
    );
    if (providers.length > 0)
      return { ...fail('anyFederatedUser', [trusted], { ...data, providers }), severity: 'critical' };
    const allowed = new Set(ctx.params.trustedAccountIds);
    const external = trusted.value.filter(
      (account) =>
        account !== resource.account &&
        !allowed.has(account) &&
        ctx.inventory.inAccount('aws', account).length === 0,
    );
    if (external.length === 0) return pass('trusted', [trusted], data);
    // A plan that does not say whose account it deploys to: the one account the role trusts may be its own.
    if (resource.account === UNKNOWN_ACCOUNT && external.length === 1)
      return undetermined('ownAccountUnknown', [trusted], { ...data, accounts: external });
    return fail('external', [trusted], { ...data, accounts: external });
  },
});
