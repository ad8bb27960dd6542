import type { AwsRdsInstanceFacts } from '../../../model/aws.ts';
import { factOf } from '../../../model/facts.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';

export default defineCheck<AwsRdsInstanceFacts, 'private' | 'public' | 'unknown'>({
  meta: {
    id: 'aws.rds.instance-public-access',
    provider: 'aws',
    resourceTypes: ['database.instance'],
    severity: 'critical',
    title: {
      ja: 'RDS DB インスタンスがパブリックアクセス可能になっていない',
      en: 'RDS DB instances are not publicly accessible',
    },
    rationale: {
      ja: 'パブリックアクセス可能なインスタンスはパブリック IP を持ち、セキュリティグループ次第でインターネットから直接接続されます。データベースは VPC 内からのみ利用します。',
      en: 'A publicly accessible instance gets a public IP and, depending on its security groups, takes connections straight from the internet; databases belong inside the VPC only.',
    },
    remediation: {
      ja: 'aws rds modify-db-instance --db-instance-identifier <インスタンス名> --no-publicly-accessible --apply-immediately を実行します（コンソール: RDS →「データベース」→ 対象 →「変更」→「接続」→「パブリックアクセス」を「なし」）。',
      en: 'Run aws rds modify-db-instance --db-instance-identifier <instance> --no-publicly-accessible --apply-immediately (console: RDS → Databases → the instance → Modify → Connectivity → Public access: Not publicly accessible).',
    },
    messages: {
      private: {
        ja: 'DB インスタンス {{db}} はパブリックアクセス可能ではありません',
        en: 'DB instance {{db}} is not publicly accessible',
      },
      public: {
        ja: 'DB インスタンス {{db}} がパブリックアクセス可能です',
        en: 'DB instance {{db}} is publicly accessible',
      },
      unknown: {
        ja: 'DB インスタンス {{db}} のパブリックアクセス設定がエクスポートにありません',
        en: 'The export does not show whether DB instance {{db}} is publicly accessible',
      },
    },
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
    ],
  },
  evaluate(resource) {
    const publiclyAccessible = factOf(resource.facts.publiclyAccessible, 'configuration.publiclyAccessible');
    return decideOnFact(
      publiclyAccessible,
      (value) => !value,
      { pass: 'private', fail: 'public', unknown: 'unknown' },
      { db: resource.name },
    );
  },
});
