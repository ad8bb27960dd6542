import { memoized } from '../base/memo.ts';
import { JAPAN_REGIONS } from './japan-regions.ts';
import type { Provider } from './resource.ts';

/**
 * Parameters a framework (policies/*.yaml) sets for the checks. Every key has a default here,
 * so a framework file names only what it changes.
 */
export interface ScanParameters {
  /** Regions counted as domestic (LOC-1), per cloud; lower-case as the clouds write them. */
  readonly allowedRegions: Readonly<Record<Provider, readonly string[]>>;
  /** Tag key carrying the information classification (機密性 1/2/3) and the class assumed when absent. */
  readonly classification: { readonly tagKey: string; readonly default: number };
  /**
   * Whether replicas and backups may be abroad (LOC-2; the national policy allows it, Kobe
   * 別紙 requires backups in Japan too).
   */
  readonly allowBackupsAbroad: boolean;
  /**
   * Tag keys and values marking a replica or backup copy (LOC-2 exception). Several keys,
   * because Google Cloud label keys cannot contain ':' (`kansa-purpose` there).
   */
  readonly backupTag: { readonly keys: readonly string[]; readonly values: readonly string[] };
  /**
   * The highest classification for which data abroad encrypted with a customer-managed key is
   * a lower-severity finding (LOC-3). 1 under CLS-1 (class 2+ must be domestic); 3 where the
   * framework allows protected data abroad at every class (national policy, 001 §3.1 1)(4)).
   */
  readonly customerKeyReliefMaxClass: number;
  /** Most principals allowed to hold the top privileged role per account (OSK-1.3). */
  readonly maxPrivilegedPrincipals: number;
  /** Minimum log retention in days (OSK-2.3; Kobe 2(4) states one year, elsewhere the organisation's choice). */
  readonly logRetentionDays: number;
  /** Longest automatic rotation period of encryption keys in days (OSK-6.1; no guideline states one). */
  readonly maxKeyRotationDays: number;
  /** Maximum age of access keys in days (OSK-1.5). */
  readonly maxKeyAgeDays: number;
  /** Days after which a user ID or access key not used is to be revoked (OSK-1.5; the organisation's choice). */
  readonly maxUnusedDays: number;
  /**
   * What an AWS account password policy must require (OSK-1.2 "パスワード設定の厳格化"; no
   * guideline states the numbers). Defaults: CIS AWS Foundations Benchmark v1.2.0 1.5-1.10 (one
   * uppercase, lowercase, symbol and number; 14 characters; 24 passwords remembered), the
   * length and reuse rules kept in v3.0.0 1.8-1.9.
   */
  readonly passwordPolicy: {
    readonly minimumLength: number;
    readonly reusePrevention: number;
    readonly requireSymbols: boolean;
    readonly requireNumbers: boolean;
    readonly requireUppercase: boolean;
    readonly requireLowercase: boolean;
  };
  /**
   * Tag keys and values marking My Number (マイナンバー) data: never on public cloud (CLS-3).
   * Keys and values compare in any case, with `_`, `-`, `:` and spaces alike (`my_number` is
   * `my-number`, `kansa_mynumber` is `kansa:mynumber`) and full-width characters as half-width.
   */
  readonly myNumberTag: { readonly keys: readonly string[]; readonly values: readonly string[] };
  /**
   * Tag keys and values marking 特定秘密 or 極秘文書 (national policy 3.3 2)(1): never on public
   * cloud). A value of its own: the national rule bans these only, not all of class 3. Compared
   * as myNumberTag's are (`TOP_SECRET`, `Top Secret` and `top-secret` alike).
   */
  readonly topSecretTag: { readonly keys: readonly string[]; readonly values: readonly string[] };
  /**
   * Fewest backup generations a database must keep (retention in days for daily backups). 1 means
   * "backups on"; the national policy 3.5 3)(2) asks for several (複数), i.e. 2.
   */
  readonly minBackupGenerations: number;
  /** AWS accounts outside the scan that roles may trust (OSK-1.4 cross-account trust). */
  readonly trustedAccountIds: readonly string[];
  /** E-mail domains of the organisation's own users and groups (OSK-1.4 external members). */
  readonly memberDomains: readonly string[];
  /**
   * Change monitoring from the history store (OSK-8.1): the requirement it decides, the
   * longest gap between complete scans, and how long an unwaived failure of each severity may
   * stay open. Without `requirement` (or without a store) that requirement stays MANUAL.
   */
  readonly changeMonitoring: {
    readonly requirement?: string;
    readonly maxScanIntervalDays: number;
    readonly maxOpenDays: Readonly<Partial<Record<'critical' | 'high' | 'medium' | 'low' | 'info', number>>>;
  };
}

export const DEFAULT_PARAMETERS: ScanParameters = {
  // Japan's regions by default (and Google Cloud's Tokyo + Osaka dual-region); an organisation may narrow them.
  allowedRegions: {
    aws: [...JAPAN_REGIONS.aws],
    azure: [...JAPAN_REGIONS.azure],
    gcp: [...JAPAN_REGIONS.gcp, 'asia1'],
  },
  classification: { tagKey: 'confidentiality', default: 2 },
  allowBackupsAbroad: true,
  backupTag: { keys: ['kansa:purpose', 'kansa-purpose'], values: ['backup', 'replica', 'dr'] },
  customerKeyReliefMaxClass: 1,
  maxPrivilegedPrincipals: 3,
  logRetentionDays: 365,
  maxKeyAgeDays: 90,
  maxUnusedDays: 90,
  maxKeyRotationDays: 365,
  passwordPolicy: {
    minimumLength: 14,
    reusePrevention: 24,
    requireSymbols: true,
    requireNumbers: true,
    requireUppercase: true,
    requireLowercase: true,
  },
  myNumberTag: {
    // The key in Japanese too (マイナンバー, or the law's 個人番号), as Japanese bodies write
    // tags; values: yes, and はい / あり / 有 / 該当 / 対象 (present, applies).
    keys: ['mynumber', 'my-number', 'kansa-mynumber', 'kansa:mynumber', 'マイナンバー', '個人番号'],
    values: ['true', 'yes', 'y', '1', 'はい', 'あり', '有', '有り', '該当', '対象'],
  },
  topSecretTag: {
    keys: ['kansa:secrecy', 'kansa-secrecy'],
    // The grades in Japanese too: 特定秘密, 極秘 and 極秘文書.
    values: ['tokutei-himitsu', 'gokuhi', 'top-secret', '特定秘密', '極秘', '極秘文書'],
  },
  minBackupGenerations: 1,
  trustedAccountIds: [],
  memberDomains: [],
  changeMonitoring: { maxScanIntervalDays: 8, maxOpenDays: { critical: 14, high: 30 } },
};

/**
 * Whether a tag key carries the classification, for the parameters' key `tagKey`: that key (any
 * case), or the guidelines' own word for it, `機密性` (or its category, `機密性区分`, `機密性分類`,
 * `機密性レベル`), which owners write as a key (AWS, Azure, and GCP labels, whose keys take
 * international characters) whatever key the parameters name. Asked of every tag key of every
 * resource: `tagKey` is lower-cased once, and the test kept for each `tagKey` (a scan has one).
 */
export const classificationKeyMatcher: (tagKey: string) => (key: string) => boolean = memoized((tagKey) => {
  const wanted = tagKey.toLowerCase();
  return (key) => key.toLowerCase() === wanted || JAPANESE_CLASSIFICATION_KEY.test(key.trim());
});

const JAPANESE_CLASSIFICATION_KEY = /^機密性(?:区分|分類|レベル)?$/u;
