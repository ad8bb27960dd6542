import type { AwsGuardDutyDetectorFacts } from '../../../model/aws.ts';
import { unknown } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import { isPlanOrigin, type Resource, UNKNOWN_REGION } from '../../../model/resource.ts';
import { defineCheck, type Evidence, fail, pass, undetermined } from '../../check.ts';
import { missingInPlan } from '../../missing-data.ts';
import { evidenceFrom } from '../../verdict.ts';
import { emptyListings } from '../lib/listings.ts';

type Message =
  | 'enabled'
  | 'missing'
  | 'noDetectors'
  | 'noRegions'
  | 'notInPlan'
  | 'notListed'
  | 'onlyNotified'
  | 'regionsUnknown'
  | 'unknown';

export default defineCheck<object, Message>({
  meta: {
    id: 'aws.guardduty.enabled-all-regions',
    provider: 'aws',
    resourceTypes: ['account'],
    severity: 'high',
    title: {
      ja: '利用しているすべてのリージョンで GuardDuty が有効',
      en: 'GuardDuty is enabled in every Region the account uses',
    },
    rationale: {
      ja: 'GuardDuty は不正なアクセス、侵害されたインスタンスや認証情報、マルウェアを検知するセキュリティ集中管理サービスです。リージョン単位のサービスのため、有効でないリージョンでの攻撃は見逃されます。',
      en: 'GuardDuty is the central threat detection service (unauthorised access, compromised instances and credentials, malware); it works per Region, so attacks in a Region without it go unseen.',
    },
    remediation: {
      ja: '各リージョンで aws guardduty create-detector --enable --region <リージョン> を実行します。組織では委任管理者から aws guardduty update-organization-configuration --detector-id <ID> --auto-enable-organization-members ALL で全アカウントに有効化します。',
      en: 'Run aws guardduty create-detector --enable --region <region> in every Region; in an organisation, enable it for all accounts from the delegated administrator with aws guardduty update-organization-configuration --detector-id <id> --auto-enable-organization-members ALL.',
    },
    messages: {
      enabled: {
        ja: 'GuardDuty は利用中のリージョン（{{regions}}）すべてで有効です',
        en: 'GuardDuty is enabled in every Region in use ({{regions}})',
      },
      missing: {
        ja: 'GuardDuty が有効でないリージョンがあります: {{regions}}',
        en: 'GuardDuty is not enabled in Regions {{regions}}',
      },
      noDetectors: missingInPlan(
        {
          ja: 'エクスポートに GuardDuty 検出器（AWS::GuardDuty::Detector）がないため判断できません（Config が検出器を記録していれば、GuardDuty は無効です）',
          en: 'Cannot tell: no GuardDuty detector (AWS::GuardDuty::Detector) in the export (if Config records detectors, GuardDuty is off)',
        },
        {
          ja: 'GuardDuty 検出器（AWS::GuardDuty::Detector）がありません',
          en: 'No GuardDuty detector (AWS::GuardDuty::Detector)',
        },
      ),
      noRegions: {
        ja: 'エクスポートにリージョン単位のリソースがないため、利用リージョンが分かりません',
        en: 'Cannot tell: the export holds no regional resource, so the Regions in use are unknown',
      },
      regionsUnknown: {
        ja: 'リージョンが分からないリソースがあるため（{{resources}}）、利用しているすべてのリージョンで GuardDuty が有効かは判断できません',
        en: 'Cannot tell: the Region of some resources is not known ({{resources}}), so not every Region in use is known',
      },
      notListed: {
        ja: '{{regions}} の GuardDuty 検出器の一覧が読まれていないため判断できません（そのリージョンの aws guardduty list-detectors の応答も、AWS Config の全件のスナップショットもありません。他のリージョンの検出器からは分かりません）',
        en: "Cannot tell: the GuardDuty detectors of {{regions}} were not listed (no answer of aws guardduty list-detectors there, nor that Region's whole AWS Config snapshot), and other Regions' detectors say nothing of them",
      },
      notInPlan: {
        ja: 'Terraform の計画には {{regions}} の GuardDuty 検出器がありません。構成の外で作られた検出器は計画に現れません。クラウドのインベントリ（エクスポートまたはライブ スキャン）で判断してください',
        en: "The Terraform plan has no GuardDuty detector in {{regions}}, and a detector made outside the configuration is not in the plan: judge it on the cloud's inventory (an export or a live scan)",
      },
      onlyNotified: {
        ja: '{{regions}} の GuardDuty 検出器は変更通知またはルールのイベント（変更されたリソースだけを運ぶ）に現れていませんが、それらは検出器の一覧ではないため判断できません',
        en: 'Cannot tell: change notifications and rule events, which carry the resources that changed, show no GuardDuty detector in {{regions}}, and they are no listing of the detectors',
      },
      unknown: {
        ja: 'GuardDuty 検出器が有効かどうかがエクスポートから分かりません（{{regions}}）',
        en: 'The export does not show whether the GuardDuty detectors are enabled ({{regions}})',
      },
    },
    references: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html'],
  },
  evaluate(resource, ctx) {
    const all = ctx.inventory.inAccount('aws', resource.account);
    const regions = [...new Set(all.map((r) => r.region).filter((region) => region !== 'global'))]
      .filter((region) => region !== UNKNOWN_REGION)
      .sort();
    // Resources the data places in no Region (a plan whose provider Region is not in it).
    const unplaced = all.filter((r) => r.region === UNKNOWN_REGION);
    if (regions.length === 0 && unplaced.length === 0) return undetermined('noRegions', []);
    const detectors = all.filter(
      (r) => r.kansaType === 'security.service' && r.nativeType === DETECTOR_TYPE,
    ) as Resource<AwsGuardDutyDetectorFacts>[];
    // The Regions whose detectors were listed and none is there (list-detectors → DetectorIds: [],
    // or the Region's whole Config inventory while Config records detectors in another Region).
    const listedNone = new Map(
      regions.map((region) => [
        region,
        emptyListings(ctx.inventory, resource.account, 'detectorListings', { region }),
      ]),
    );
    if (detectors.length === 0 && ![...listedNone.values()].some((evidence) => evidence.length > 0)) {
      return undetermined('noDetectors', [
        unknown('configurationItems[resourceType=AWS::GuardDuty::Detector]', {
          ja: 'このアカウントの GuardDuty 検出器の設定項目がエクスポートにありません',
          en: 'no GuardDuty detector configuration item of this account in the export',
        }),
      ]);
    }
    // A Terraform plan holds the detectors its configuration manages: a Region without one may
    // have one made outside it.
    const fromPlan = isPlanOrigin(resource.origin);
    // So does a change notification (the detector that changed); a Region is listed only by its
    // own listing (list-detectors, its whole Config inventory).
    const detectorsListed = detectors.some((detector) => !detector.notified);
    const evidence: Evidence[] = [];
    const missing: string[] = [];
    const undecided: string[] = [];
    const notInPlan: string[] = [];
    const notNotified: string[] = [];
    const notListed: string[] = [];
    for (const region of regions) {
      const inRegion = detectors.filter((detector) => detector.region === region);
      const facts = inRegion.map((detector) => ({
        detector,
        enabled: factOf(detector.facts.enabled, 'configuration.Enable'),
      }));
      const on = facts.find((fact) => fact.enabled.value === true);
      if (on) {
        evidence.push(evidenceFrom(on.detector, on.enabled));
        continue;
      }
      // The Region's detectors were listed (listedNone) and none is there.
      const none = inRegion.length === 0 ? (listedNone.get(region) ?? []) : [];
      if (none.length > 0) {
        missing.push(region);
        evidence.push(...none);
        continue;
      }
      if (inRegion.length === 0 && detectors.length > 0 && fromPlan) {
        notInPlan.push(region);
        evidence.push(
          unknown(`AWS::GuardDuty::Detector[region=${region}]`, {
            ja: `Terraform の計画に ${region} の検出器はありません（構成の外で作られた検出器は計画に現れません）`,
            en: `no detector of the Terraform plan in ${region} (a detector made outside the configuration is not in the plan)`,
          }),
        );
        continue;
      }
      if (inRegion.length === 0 && detectors.length > 0 && !detectorsListed) {
        notNotified.push(region);
        evidence.push(
          unknown(`AWS::GuardDuty::Detector[region=${region}]`, {
            ja: `${region} の検出器は変更通知に現れていません（変更通知は検出器の一覧ではありません）`,
            en: `no detector of ${region} in the change notifications (which are no listing of the detectors)`,
          }),
        );
        continue;
      }
      if (inRegion.length === 0) {
        // Other Regions' detectors and listings say nothing of this one.
        notListed.push(region);
        evidence.push(
          unknown(`AWS::GuardDuty::Detector[region=${region}]`, {
            ja: `${region} の検出器の一覧（aws guardduty list-detectors、またはそのリージョンの AWS Config スナップショット）が読まれていません`,
            en: `no listing of the detectors in ${region} was read (aws guardduty list-detectors, or that Region's whole AWS Config snapshot)`,
          }),
        );
        continue;
      }
      if (facts.some((fact) => fact.enabled.source === 'unknown')) undecided.push(region);
      else missing.push(region);
      evidence.push(...facts.map((fact) => evidenceFrom(fact.detector, fact.enabled)));
    }
    // A Region has one detector: one that is off, wherever it is, leaves its Region without GuardDuty.
    for (const detector of detectors.filter((d) => d.region === UNKNOWN_REGION)) {
      const enabled = factOf(detector.facts.enabled, 'configuration.Enable');
      if (enabled.source === 'unknown' || enabled.value) continue;
      missing.push(`(${detector.id})`);
      evidence.push(evidenceFrom(detector, enabled));
    }
    if (missing.length > 0) return fail('missing', evidence, { regions: missing });
    if (unplaced.length > 0)
      return undetermined(
        'regionsUnknown',
        [...evidence, unknown(`${unplaced[0]!.id}.region`, REGION_NOT_KNOWN)],
        { resources: unplaced.map((r) => r.id) },
      );
    if (notInPlan.length > 0) return undetermined('notInPlan', evidence, { regions: notInPlan });
    if (notNotified.length > 0) return undetermined('onlyNotified', evidence, { regions: notNotified });
    if (undecided.length > 0) return undetermined('unknown', evidence, { regions: undecided });
    if (notListed.length > 0) return undetermined('notListed', evidence, { regions: notListed });
    return pass('enabled', evidence, { regions });
  },
});

const DETECTOR_TYPE = 'AWS::GuardDuty::Detector';

const REGION_NOT_KNOWN = {
  ja: 'このリソースのリージョンがデータにありません',
  en: 'the data does not name the Region of this resource',
};
