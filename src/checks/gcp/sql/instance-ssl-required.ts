import { factOf } from '../../../model/facts.ts';
import type { GcpSqlInstanceFacts } from '../../../model/gcp.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';

type Message = 'encryptedOnly' | 'unencryptedAllowed' | 'unknown';

/** SSL modes that refuse unencrypted connections. */
const TLS_ONLY = new Set(['ENCRYPTED_ONLY', 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED']);

const SQL_INSTANCE = 'sqladmin.googleapis.com/Instance';

export default defineCheck<GcpSqlInstanceFacts, Message>({
  meta: {
    id: 'gcp.sql.instance-ssl-required',
    provider: 'gcp',
    resourceTypes: ['database.instance'],
    // BigQuery datasets are `database.instance` too.
    nativeTypes: [SQL_INSTANCE],
    severity: 'high',
    title: {
      ja: 'Cloud SQL インスタンスが SSL/TLS で暗号化された接続のみを受け付ける',
      en: 'Cloud SQL instances accept only SSL/TLS-encrypted connections',
    },
    rationale: {
      ja: 'Cloud SQL は既定で暗号化されていない接続も受け付けるため、認証情報やデータが平文で流れるおそれがあります。',
      en: 'Cloud SQL accepts unencrypted connections by default, so credentials and data may travel in clear text.',
    },
    remediation: {
      ja: 'gcloud sql instances patch <インスタンス> --ssl-mode=ENCRYPTED_ONLY（クライアント証明書も必須にする場合は TRUSTED_CLIENT_CERTIFICATE_REQUIRED）を実行します（コンソール: SQL > インスタンス > 接続 > セキュリティ >「SSL 接続のみ許可」）。',
      en: 'Run gcloud sql instances patch <instance> --ssl-mode=ENCRYPTED_ONLY (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED to require client certificates too) (console: SQL > instance > Connections > Security > "Allow only SSL connections").',
    },
    messages: {
      encryptedOnly: {
        ja: '暗号化された接続のみ許可されます（{{mode}}）',
        en: 'Only encrypted connections are allowed ({{mode}})',
      },
      unencryptedAllowed: {
        ja: '暗号化されていない接続も許可されています（{{mode}}）',
        en: 'Unencrypted connections are allowed ({{mode}})',
      },
      unknown: {
        ja: 'エクスポートから SSL モードを判断できません',
        en: 'The export does not show the SSL mode',
      },
    },
    references: ['https://cloud.google.com/sql/docs/postgres/configure-ssl-instance'],
  },
  evaluate(instance) {
    const mode = factOf(instance.facts.sslMode, 'resource.data.settings.ipConfiguration.sslMode');
    if (mode.source === 'unknown') return undetermined('unknown', [mode]);
    return TLS_ONLY.has(mode.value)
      ? pass('encryptedOnly', [mode], { mode: mode.value })
      : fail('unencryptedAllowed', [mode], { mode: mode.value });
  },
});
