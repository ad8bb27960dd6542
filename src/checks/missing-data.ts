import type { Localized } from '../model/localized.ts';
import { type ReadKind, stateWording } from './live-notes.ts';

/**
 * What a check could not find, and how each way of reading gets it. Offline, the advice is the
 * export to add (`az monitor diagnostic-settings list …`); that advice is wrong in a live scan,
 * which made its own calls: there the message names the call that was missing or denied, and
 * the role that grants it. Each live read is named once here; checks name the read they lack.
 */
export interface LiveRead {
  /** What the call reads, as a noun phrase: 「リソースの診断設定」, "the resource's diagnostic settings". */
  readonly what: Localized;
  /**
   * The call, as the scan's list of unread scopes names it (`<…>` stands for an id); in each
   * language where it needs words or brackets of its own (（…） in Japanese).
   */
  readonly call: string | Localized;
  /** The role or permissions that grant the call. */
  readonly grant: Localized;
}

const AZURE_READER: Localized = {
  ja: 'サブスクリプションの閲覧者（Reader）ロール',
  en: 'the Reader role on the subscription',
};

/** Every live read a check may find missing. */
export const LIVE_READS = {
  azureResourceDiagnosticSettings: {
    what: { ja: 'このリソースの診断設定', en: "the resource's diagnostic settings" },
    call: 'GET <resource id>/providers/Microsoft.Insights/diagnosticSettings',
    grant: AZURE_READER,
  },
  azureActivityLogSettings: {
    what: { ja: 'サブスクリプションの診断設定', en: "the subscription's diagnostic settings" },
    call: 'GET /subscriptions/<id>/providers/Microsoft.Insights/diagnosticSettings',
    grant: AZURE_READER,
  },
  azureBudgets: {
    what: { ja: 'サブスクリプションの予算', en: "the subscription's budgets" },
    call: 'GET /subscriptions/<id>/providers/Microsoft.Consumption/budgets',
    grant: AZURE_READER,
  },
  azureVaultKeys: {
    what: { ja: 'キー コンテナーのキーの一覧', en: "a listing of the vault's keys" },
    call: 'GET <vault id>/keys',
    grant: AZURE_READER,
  },
  azureSqlAuditing: {
    what: { ja: 'SQL サーバーの監査設定', en: "the SQL server's auditing settings" },
    call: 'GET <server id>/auditingSettings/default',
    grant: AZURE_READER,
  },
  azureRoleAssignments: {
    what: { ja: 'サブスクリプションのロールの割り当て', en: "the subscription's role assignments" },
    call: 'Resource Graph: authorizationresources',
    grant: AZURE_READER,
  },
  azureRoleDefinitions: {
    what: { ja: 'カスタム ロールの定義', en: 'the definitions of custom roles' },
    call: {
      ja: 'Resource Graph: authorizationresources（microsoft.authorization/roledefinitions）',
      en: 'Resource Graph: authorizationresources (microsoft.authorization/roledefinitions)',
    },
    grant: AZURE_READER,
  },
  azureManagementGroups: {
    what: {
      ja: 'サブスクリプションの上位の管理グループ',
      en: 'the management groups the subscription is under',
    },
    call: {
      ja: 'Resource Graph: resourcecontainers（properties.managementGroupAncestorsChain）',
      en: 'Resource Graph: resourcecontainers (properties.managementGroupAncestorsChain)',
    },
    grant: { ja: '管理グループの閲覧者（Reader）ロール', en: 'the Reader role on the management groups' },
  },
  azureAppliedRoleAssignments: {
    what: {
      ja: 'サブスクリプションに適用されるロールの割り当て（自身のものと、管理グループとルート（/）から継承するもの）',
      en: 'the role assignments that apply to the subscription (its own, and those it inherits from its management groups and the root (/))',
    },
    call: 'Resource Graph: authorizationresources',
    grant: {
      ja: 'サブスクリプションとその上位の管理グループ（またはテナント ルート グループ）の閲覧者（Reader）ロール',
      en: 'the Reader role on the subscription and on the management groups above it (or the Tenant Root Group)',
    },
  },
  azureResources: {
    what: { ja: 'Resource Graph の resources テーブル', en: 'the Resource Graph resources table' },
    call: 'Resource Graph: resources',
    grant: AZURE_READER,
  },
  azureWebConfig: {
    what: { ja: 'サイトの構成（siteConfig）', en: 'the site configuration (siteConfig)' },
    call: {
      ja: 'Resource Graph: resources（properties.siteConfig）',
      en: 'Resource Graph: resources (properties.siteConfig)',
    },
    grant: AZURE_READER,
  },
  awsCredentialReport: {
    what: { ja: 'IAM 認証情報レポート', en: 'the IAM credential report' },
    call: 'iam:GenerateCredentialReport, iam:GetCredentialReport',
    grant: {
      ja: 'iam:GenerateCredentialReport と iam:GetCredentialReport の許可（SecurityAudit ポリシーに含まれます）',
      en: 'iam:GenerateCredentialReport and iam:GetCredentialReport (in the SecurityAudit policy)',
    },
  },
  awsPasswordPolicy: {
    what: { ja: 'アカウントのパスワードポリシー', en: 'the account password policy' },
    call: 'iam:GetAccountPasswordPolicy',
    grant: {
      ja: 'iam:GetAccountPasswordPolicy の許可（SecurityAudit ポリシーに含まれます）',
      en: 'iam:GetAccountPasswordPolicy (in the SecurityAudit policy)',
    },
  },
  awsConfigItems: {
    what: { ja: 'AWS Config の設定項目', en: 'the AWS Config configuration items' },
    call: 'config:SelectResourceConfig, config:BatchGetResourceConfig',
    grant: {
      ja: 'その許可（SecurityAudit ポリシーに含まれます）と、その種類を記録する Config レコーダー',
      en: 'those permissions (in the SecurityAudit policy) with a Config recorder that records the type',
    },
  },
  gcpIamPolicies: {
    what: { ja: 'IAM ポリシー', en: 'the IAM policies' },
    call: {
      ja: 'Cloud Asset ListAssets（contentType IAM_POLICY）',
      en: 'Cloud Asset ListAssets (contentType IAM_POLICY)',
    },
    grant: {
      ja: '組織・フォルダ・プロジェクトの roles/cloudasset.viewer',
      en: 'roles/cloudasset.viewer on the organization, folder or project',
    },
  },
  gcpOrganization: {
    what: { ja: '組織のリソース（ドメイン）', en: 'the organization resource (its domain)' },
    call: {
      ja: 'Cloud Asset ListAssets（organizations/<id>）',
      en: 'Cloud Asset ListAssets (organizations/<id>)',
    },
    grant: {
      ja: '組織の roles/cloudasset.viewer（またはパラメータ memberDomains の設定）',
      en: 'roles/cloudasset.viewer on the organization (or set the memberDomains parameter)',
    },
  },
  gcpCustomRoles: {
    what: { ja: 'カスタム ロールの定義', en: 'the definitions of custom roles' },
    call: {
      ja: 'Cloud Asset ListAssets（iam.googleapis.com/Role、contentType RESOURCE）',
      en: 'Cloud Asset ListAssets (iam.googleapis.com/Role, contentType RESOURCE)',
    },
    grant: {
      ja: '組織・プロジェクトの roles/cloudasset.viewer',
      en: 'roles/cloudasset.viewer on the organization or project',
    },
  },
  gcpAncestorPolicies: {
    what: {
      ja: '上位のフォルダ・組織の IAM ポリシー',
      en: 'the IAM policies of the folders and organization above the project',
    },
    call: {
      ja: 'Cloud Asset ListAssets（contentType IAM_POLICY、--organization）',
      en: 'Cloud Asset ListAssets (contentType IAM_POLICY) of the organization (--organization)',
    },
    grant: { ja: '組織の roles/cloudasset.viewer', en: 'roles/cloudasset.viewer on the organization' },
  },
} as const satisfies Record<string, LiveRead>;

export type LiveReadName = keyof typeof LIVE_READS;

/** Offline texts that have live, plan or state variants, and those variants. */
const VARIANTS = new WeakMap<Localized, Readonly<Partial<Record<ReadKind, Localized>>>>();

/**
 * An UNKNOWN message for data the input lacks. As written (`offline`), it tells which export to
 * add; for a resource read live, defineCheck shows the variant naming the live read instead, and
 * for one read from a Terraform plan the variant saying what a plan cannot show (an export to
 * add is no advice there: its records are not the plan's resources).
 * `lead`, when given, opens the variants (it may hold the offline text's `{{placeholders}}`).
 */
export function missingData(offline: Localized, read: LiveReadName, lead?: Localized): Localized {
  const { what } = LIVE_READS[read];
  const opening = lead ?? {
    ja: `Terraform の計画に${what.ja}はありません`,
    en: `The Terraform plan does not show ${what.en}`,
  };
  VARIANTS.set(offline, {
    live: liveText(LIVE_READS[read], lead),
    plan: planText(opening),
    state: stateText(opening),
  });
  return offline;
}

/**
 * An UNKNOWN message whose advice holds for exports and live scans (both read AWS Config), not
 * for a Terraform plan or state: their resources get `lead`, what is missing, and what they show.
 */
export function missingInPlan(offline: Localized, lead: Localized): Localized {
  VARIANTS.set(offline, { plan: planText(lead), state: stateText(lead) });
  return offline;
}

/** The variant of a message for resources of a kind of input, when it has one. */
export function missingDataVariant(message: Localized, kind: ReadKind): Localized | undefined {
  return VARIANTS.get(message)?.[kind];
}

/**
 * A plan shows the resources its configuration manages, with the values Terraform knows before
 * apply; what the check lacks is elsewhere (in the cloud, or made at apply).
 */
function planText(opening: Localized): Localized {
  return {
    ja: `${opening.ja}。Terraform の計画にあるのは構成が管理するリソースと適用前に決まる値だけです。クラウドのインベントリ（エクスポートまたはライブ スキャン）で判断するか、手動で確認してください`,
    en: `${opening.en}: a Terraform plan shows only the resources its configuration manages and the values known before apply; judge it on the cloud's inventory (an export or a live scan), or confirm manually`,
  };
}

/**
 * A state shows the resources its configuration manages as they were at the last apply or
 * refresh; `opening` is worded for a plan, and names the state instead.
 */
function stateText(opening: Localized): Localized {
  return {
    ja: `${stateWording(opening.ja, 'ja')}。Terraform のステートにあるのは構成が管理するリソースと、最後の適用・リフレッシュの時点の値だけです。クラウドのインベントリ（エクスポートまたはライブ スキャン）で判断するか、手動で確認してください`,
    en: `${stateWording(opening.en, 'en')}: a Terraform state shows only the resources its configuration manages, as they were at the last apply or refresh; judge it on the cloud's inventory (an export or a live scan), or confirm manually`,
  };
}

function liveText({ what, call: named, grant }: LiveRead, lead?: Localized): Localized {
  const call = typeof named === 'string' ? { ja: named, en: named } : named;
  const en = `the live scan did not get ${what.en} from ${call.en} (a denied or failed call is listed with its reason among the inputs and scopes that could not be read); ${grant.en} grants that call`;
  return {
    ja: `${lead ? `${lead.ja}。` : ''}ライブ スキャンの ${call.ja} から${what.ja}を取得できませんでした（拒否・失敗した呼び出しは「読み込めなかった入力・スコープ」に理由とともにあります）。この呼び出しには${grant.ja}が必要です`,
    en: lead ? `${lead.en}: ${en}` : `${en[0]!.toUpperCase()}${en.slice(1)}`,
  };
}
