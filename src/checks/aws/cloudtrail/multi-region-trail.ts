import type { AwsAccountFacts, AwsCloudTrailFacts } from '../../../model/aws.ts';
import { type Fact, unknown } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import { isPlanOrigin, type Resource } from '../../../model/resource.ts';
import { defineCheck, type Evidence, fail, type InventoryView, pass, undetermined } from '../../check.ts';
import { missingInPlan } from '../../missing-data.ts';
import { evidenceFrom } from '../../verdict.ts';
import { emptyListings } from '../lib/listings.ts';

/**
 * Config records a trail's settings, not whether it is logging: an offline scan reports that
 * beside its PASS. A live scan (GetTrailStatus), a saved get-trail-status answer or Steampipe's
 * `is_logging` gives the trail's `isLogging` fact.
 */
const IS_LOGGING_NOT_RECORDED = unknown<boolean>('IsLogging', {
  ja: 'ログ記録中かどうか（IsLogging）は AWS Config に記録されません: aws cloudtrail get-trail-status --name <証跡名> で確認してください（その出力を <アカウント>/<ホームリージョン>/get-trail-status_<証跡名>.json として保存すれば、スキャンが読みます）',
  en: 'whether the trail is logging (IsLogging) is not recorded by AWS Config: confirm with aws cloudtrail get-trail-status --name <trail> (saved as <account>/<home region>/get-trail-status_<trail>.json, the scan reads it)',
});

export default defineCheck<
  AwsAccountFacts,
  | 'multiRegionLogging'
  | 'multiRegion'
  | 'notLogging'
  | 'noManagementEvents'
  | 'noMultiRegion'
  | 'notInPlan'
  | 'noTrails'
  | 'noneListed'
  | 'unknownScope'
  | 'selectorsAfterApply'
  | 'notListedHere'
  | 'onlyNotified'
  | 'onlyPicked'
>({
  meta: {
    id: 'aws.cloudtrail.multi-region-trail',
    provider: 'aws',
    resourceTypes: ['account'],
    severity: 'high',
    title: {
      ja: 'アカウントに全リージョンを対象とする CloudTrail 証跡がある',
      en: 'The account has a multi-Region CloudTrail trail',
    },
    rationale: {
      ja: '監査ログは既定では 90 日分のイベント履歴しか残りません。全リージョンの証跡がないと、使っていないリージョンでの不正な操作を追跡できません。',
      en: 'Without a trail only 90 days of event history are kept; without a multi-Region trail, activity in Regions you do not use goes unrecorded.',
    },
    remediation: {
      ja: 'aws cloudtrail create-trail --name org-audit --s3-bucket-name <バケット> --is-multi-region-trail --enable-log-file-validation を実行し、aws cloudtrail start-logging --name org-audit で記録を開始します（既存の証跡は aws cloudtrail update-trail --name <証跡名> --is-multi-region-trail）。',
      en: 'Run aws cloudtrail create-trail --name org-audit --s3-bucket-name <bucket> --is-multi-region-trail --enable-log-file-validation, then aws cloudtrail start-logging --name org-audit (for an existing trail: aws cloudtrail update-trail --name <trail> --is-multi-region-trail).',
    },
    messages: {
      multiRegionLogging: {
        ja: '全リージョン対象の証跡 {{trail}} があり、ログを記録中です',
        en: 'Multi-Region trail {{trail}} exists and is logging',
      },
      multiRegion: {
        ja: '全リージョン対象の証跡 {{trail}} があります（記録中かどうかは別途確認が必要です）',
        en: 'Multi-Region trail {{trail}} exists (whether it is logging must be confirmed separately)',
      },
      notLogging: {
        ja: '全リージョン対象の証跡 {{trails}} はログの記録を停止しています',
        en: 'Multi-Region trails {{trails}} exist but are not logging (stopped)',
      },
      noManagementEvents: {
        ja: '全リージョン対象の証跡 {{trails}} のイベントセレクターは、管理イベントの読み取りと書き込みの両方を記録しません',
        en: 'The event selectors of multi-Region trails {{trails}} do not record both read and write management events',
      },
      selectorsAfterApply: {
        ja: '全リージョン対象の証跡 {{trails}} のイベントセレクターは適用後にしか分からないため、管理イベントの読み取りと書き込みを記録するかは判断できません',
        en: 'The event selectors of multi-Region trails {{trails}} are known only after apply, so whether they record read and write management events cannot be told',
      },
      noMultiRegion: {
        ja: '証跡 {{trails}} はいずれも単一リージョンのみを対象としています',
        en: 'Trails {{trails}} all cover a single Region only',
      },
      notInPlan: {
        ja: 'Terraform の計画の証跡 {{trails}} には、ログを記録する全リージョン対象の証跡がありません。構成の外で作られた証跡（組織の証跡など）は計画に現れないため、アカウントにそのような証跡があるかは判断できません。クラウドのインベントリ（エクスポートまたはライブ スキャン）で判断してください',
        en: "None of the Terraform plan's trails {{trails}} is a multi-Region trail that logs, and trails made outside the configuration (an organization's trail) are not in the plan, so whether the account has one cannot be told: judge it on the cloud's inventory (an export or a live scan)",
      },
      noTrails: missingInPlan(
        {
          ja: 'エクスポートに CloudTrail 証跡（AWS::CloudTrail::Trail）がないため判断できません（Config が証跡を記録していれば、証跡がありません）',
          en: 'Cannot tell: no CloudTrail trail (AWS::CloudTrail::Trail) in the export (if Config records trails, the account has none)',
        },
        {
          ja: 'CloudTrail 証跡（AWS::CloudTrail::Trail）がありません',
          en: 'No CloudTrail trail (AWS::CloudTrail::Trail)',
        },
      ),
      noneListed: {
        ja: 'CloudTrail 証跡がありません（このアカウントの証跡一覧 aws cloudtrail describe-trails の応答が空です）',
        en: "No CloudTrail trail: the account's own trail listing (aws cloudtrail describe-trails) is empty",
      },
      notListedHere: {
        ja: '証跡 {{trails}} は他のアカウント（{{accounts}}）の一覧にあったものだけで、このアカウント自身の証跡一覧（describe-trails または Config の証跡の記録）は読まれていないため判断できません',
        en: "Cannot tell: trails {{trails}} were seen only in other accounts' listings ({{accounts}}); this account's own trails (its describe-trails or Config trail records) were not read",
      },
      onlyNotified: {
        ja: '証跡 {{trails}} は変更通知または Config ルールのイベント（変更されたリソースだけを運ぶ）にあったものだけで、このアカウントの証跡一覧（describe-trails または Config の証跡の記録）は読まれていないため判断できません',
        en: "Cannot tell: trails {{trails}} were seen only in change notifications or rule events, which carry the resources that changed; this account's list of trails (its describe-trails or Config trail records) was not read",
      },
      onlyPicked: {
        ja: '証跡 {{trails}} は一部の証跡だけを選んだ応答（クエリで選んだ項目、続きのページがある応答、リソースで絞り込んだ応答）にあったもので、このアカウントの証跡一覧（describe-trails または Config の証跡の記録）は読まれていないため判断できません',
        en: "Cannot tell: trails {{trails}} were read from answers that selected some trails only (a query's entries, a page with a next one, an answer filtered by a resource); this account's list of trails (its describe-trails or Config trail records) was not read",
      },
      unknownScope: {
        ja: '証跡 {{trails}} が全リージョン対象かどうかがエクスポートから分かりません',
        en: 'The export does not show whether trails {{trails}} cover all Regions',
      },
    },
    references: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    ],
  },
  evaluate(resource, ctx) {
    const own = ctx.inventory.inAccount(
      'aws',
      resource.account,
      'audit.trail',
    ) as Resource<AwsCloudTrailFacts>[];
    const organization = organizationTrails(resource, ctx.inventory);
    const trails = [...own, ...organization.map(({ trail }) => trail)];
    // The account's own describe-trails answered with none (trailList: []).
    const listedNone = emptyListings(ctx.inventory, resource.account, 'trailListings', {});
    if (trails.length === 0) {
      if (listedNone.length > 0) return fail('noneListed', listedNone);
      return undetermined('noTrails', [
        unknown('configurationItems[resourceType=AWS::CloudTrail::Trail]', {
          ja: 'CloudTrail 証跡の設定項目がエクスポートにありません',
          en: 'no CloudTrail trail configuration item in the export',
        }),
      ]);
    }
    // Another account's organization trail is named by its ARN, and shown with what says it
    // logs this account: the account's own record listing it, and its IsOrganizationTrail.
    const coverage = new Map(organization.map(({ trail, evidence }) => [trail, evidence]));
    const scopes = trails.map((trail) => ({
      trail,
      name: coverage.has(trail) ? trail.id : trail.name,
      coverage: coverage.get(trail) ?? [],
      multiRegion: factOf(trail.facts.isMultiRegionTrail, 'configuration.isMultiRegionTrail'),
      managementEvents: factOf(trail.facts.recordsManagementEvents, 'configuration.EventSelectors'),
      // Offline exports never carry it: the bare note, as before live scans read it.
      logging: trail.facts.isLogging
        ? evidenceFrom(trail, trail.facts.isLogging)
        : (IS_LOGGING_NOT_RECORDED as Evidence),
    }));
    const multi = scopes.filter((scope) => scope.multiRegion.value === true);
    // A trail whose event selectors leave out read or write management events does not record
    // the account's activity; one whose selectors an export did not record is taken as the rest
    // are. A plan or state shows every trail's selectors: unknown there, they are set only after
    // apply (or hidden as sensitive), so such a trail is not taken as recording.
    const selectorsUnknown = (scope: (typeof scopes)[number]) =>
      scope.managementEvents.value === undefined && isPlanOrigin(scope.trail.origin);
    const recording = multi.filter(
      (scope) => scope.managementEvents.value !== false && !selectorsUnknown(scope),
    );
    const unreadSelectors = multi.filter(selectorsUnknown);
    // A multi-Region trail that is logging; else one whose logging is not known (PASS with the note).
    const best =
      recording.find((scope) => scope.logging.value === true) ??
      recording.find((scope) => scope.logging.source === 'unknown');
    if (best) {
      // Selectors read name the field; the default selector of a trail without custom ones is no
      // setting of it.
      const selectors = best.managementEvents.source === 'explicit' ? [best.managementEvents] : [];
      return pass(
        best.logging.value === true ? 'multiRegionLogging' : 'multiRegion',
        [
          ...best.coverage,
          evidenceFrom(best.trail, best.multiRegion),
          ...selectors.map((fact) => evidenceFrom(best.trail, fact)),
          best.logging,
        ],
        { trail: best.name },
      );
    }
    const evidence: Evidence[] = scopes.flatMap((scope) => [
      ...scope.coverage,
      evidenceFrom(scope.trail, scope.multiRegion),
    ]);
    const data = { trails: scopes.map((scope) => scope.name) };
    // A FAIL says the account has no good trail: only its own listing tells all its trails. A
    // member's listing of this account's organization trail shows that one trail, not the rest.
    // Nor does a change notification, which carries the one trail that changed, nor an answer
    // that selected some trails (Resource.picked).
    const listed = own.filter((trail) => !trail.notified && !trail.picked);
    const listedHere =
      organization.length > 0 ||
      listedNone.length > 0 ||
      listed.some((trail) => listsOwn(trail.facts.listedBy, resource.account));
    if (!listedHere && listed.length === 0)
      return own.some((trail) => trail.picked)
        ? undetermined('onlyPicked', [ONLY_PICKED], data)
        : undetermined('onlyNotified', [ONLY_NOTIFIED], data);
    if (!listedHere) {
      const listings = listed.flatMap((trail) => {
        const { listedBy } = trail.facts;
        return listedBy ? [{ trail, listedBy }] : [];
      });
      return undetermined(
        'notListedHere',
        listings.map(({ trail, listedBy }) => evidenceFrom(trail, listedBy)),
        { ...data, accounts: [...new Set(listings.flatMap(({ listedBy }) => listedBy.value ?? []))] },
      );
    }
    if (scopes.some((scope) => scope.multiRegion.source === 'unknown'))
      return undetermined('unknownScope', evidence, data);
    // A plan or state shows the trails its configuration manages, not all the account's: another
    // (an organization's trail, one made in the console) may cover every Region and log.
    if (
      organization.length === 0 &&
      listedNone.length === 0 &&
      listed.every((trail) => isPlanOrigin(trail.origin))
    ) {
      const stopped = multi.map((scope) => scope.logging);
      const unread = unreadSelectors.map((scope) => evidenceFrom(scope.trail, scope.managementEvents));
      return undetermined('notInPlan', [...evidence, ...stopped, ...unread], data);
    }
    // Every multi-Region trail that records management events is stopped: a stopped trail records nothing.
    if (recording.length > 0) {
      return fail(
        'notLogging',
        recording.flatMap((scope) => [
          ...scope.coverage,
          evidenceFrom(scope.trail, scope.multiRegion),
          scope.logging,
        ]),
        { trails: recording.map((scope) => scope.name) },
      );
    }
    if (unreadSelectors.length > 0)
      return undetermined(
        'selectorsAfterApply',
        unreadSelectors.map((scope) => evidenceFrom(scope.trail, scope.managementEvents)),
        { trails: unreadSelectors.map((scope) => scope.name) },
      );
    if (multi.length > 0) {
      return fail(
        'noManagementEvents',
        multi.flatMap((scope) => [
          ...scope.coverage,
          evidenceFrom(scope.trail, scope.multiRegion),
          evidenceFrom(scope.trail, scope.managementEvents),
        ]),
        { trails: multi.map((scope) => scope.name) },
      );
    }
    return fail('noMultiRegion', evidence, data);
  },
});

const ONLY_NOTIFIED = unknown('configurationItems[resourceType=AWS::CloudTrail::Trail]', {
  ja: 'このアカウントの証跡は変更通知またはルールのイベントにあったものだけです（証跡一覧ではありません）',
  en: "the account's trails were read from change notifications or rule events only (no listing of its trails)",
});

const ONLY_PICKED = unknown('configurationItems[resourceType=AWS::CloudTrail::Trail]', {
  ja: 'このアカウントの証跡は一部を選んだ応答にあったものだけです（証跡一覧ではありません）',
  en: "the account's trails were read from answers that selected some of them only (no listing of its trails)",
});

/**
 * Whether a trail's record is the account's own listing: a record that says who listed it names
 * the account; one that does not (a plan, a collector's status reply) makes no other claim.
 */
function listsOwn(listedBy: Fact<readonly string[]> | undefined, account: string): boolean {
  return listedBy?.source !== 'explicit' || listedBy.value.includes(account);
}

/**
 * The organization trails of other accounts that log this one: those the account's own records
 * list (`organizationTrails`), read (the trail's record is in the inventory) and said to be
 * organization trails. Membership is never guessed: a management account's organization trail
 * that no record of this account lists does not count here.
 */
function organizationTrails(
  account: Resource<AwsAccountFacts>,
  inventory: InventoryView,
): { trail: Resource<AwsCloudTrailFacts>; evidence: Evidence[] }[] {
  const listed = account.facts.organizationTrails;
  if (listed?.source !== 'explicit') return [];
  return listed.value.flatMap((arn) => {
    const trail = inventory.byId('aws', arn) as Resource<AwsCloudTrailFacts> | undefined;
    const isOrganization = trail?.facts.isOrganizationTrail;
    if (trail?.kansaType !== 'audit.trail' || trail.account === account.account) return [];
    if (isOrganization?.value !== true) return [];
    return [{ trail, evidence: [evidenceFrom(account, listed), evidenceFrom(trail, isOrganization)] }];
  });
}
