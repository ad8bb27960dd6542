import type {
  AzureDiagnosedFacts,
  AzureDiagnosticSettingFacts,
  AzureSubscriptionFacts,
} from '../../../model/azure.ts';
import { cloudDefault, explicit, unknown } from '../../../model/fact.ts';
import type { Resource } from '../../../model/resource.ts';
import { type CheckContext, type CheckResult, type Evidence, fail, pass, undetermined } from '../../check.ts';
import { diagnosticSettingsIn, diagnosticSettingsOf } from './related.ts';

/** What a target's diagnostic settings send to a destination. */
export interface ExportedLogs {
  /** The settings' names. */
  readonly settings: readonly string[];
  /** Log categories exported, lower-case (`administrative`, `auditevent`, `kube-audit`). */
  readonly categories: ReadonlySet<string>;
  /** Category groups exported, lower-case (`alllogs`, `audit`). */
  readonly groups: ReadonlySet<string>;
  /** Some setting's destinations or logs cannot be read from the export. */
  readonly incomplete: boolean;
  readonly evidence: readonly Evidence[];
}

/**
 * Sums up diagnostic settings: the categories and groups enabled in settings that have a
 * destination (a setting without one exports nothing).
 */
export function exportedLogs(settings: readonly Resource<AzureDiagnosticSettingFacts>[]): ExportedLogs {
  const evidence: Evidence[] = [];
  const categories = new Set<string>();
  const groups = new Set<string>();
  let incomplete = false;
  for (const setting of settings) {
    const { destinations, enabledCategories, enabledCategoryGroups } = setting.facts;
    for (const fact of [destinations, enabledCategories, enabledCategoryGroups]) {
      if (fact) evidence.push({ ...fact, resourceId: setting.id });
    }
    // A setting whose destinations or logs the export does not show may be the one that sends.
    if (destinations?.source !== 'explicit' && destinations?.source !== 'default') {
      incomplete = true;
      continue;
    }
    if (destinations.value.length === 0) continue;
    if (!enabledCategories || enabledCategories.source === 'unknown') incomplete = true;
    else for (const category of enabledCategories.value) categories.add(category.toLowerCase());
    if (!enabledCategoryGroups || enabledCategoryGroups.source === 'unknown') incomplete = true;
    else for (const group of enabledCategoryGroups.value) groups.add(group.toLowerCase());
  }
  return { settings: settings.map((setting) => setting.name), categories, groups, incomplete, evidence };
}

export type ResourceLogMessage = 'exported' | 'notSent' | 'noSetting' | 'notExported' | 'incomplete';

/**
 * Decides a resource-log check: PASS when the resource's diagnostic settings send the logs
 * `sends` asks for to a destination, FAIL when they do not or when it has none, UNKNOWN when
 * the export cannot tell. `includeChildren` counts settings of sub-resources (a storage
 * account's `blobServices/default`, where its logs are).
 */
export function evaluateResourceLogs(
  resource: Resource,
  ctx: CheckContext,
  sends: (logs: ExportedLogs) => boolean,
  { includeChildren = false } = {},
): CheckResult<ResourceLogMessage> {
  const settings = diagnosticSettingsOf(resource, ctx, { includeChildren });
  if (settings.length === 0) {
    const none = noSettingEvidence(resource, ctx);
    if (none?.source === 'unknown') return undetermined('notExported', [none]);
    return none ? fail('noSetting', [none]) : undetermined('notExported', [SETTINGS_NOT_EXPORTED]);
  }
  const logs = exportedLogs(settings);
  const data = { settings: logs.settings };
  if (sends(logs)) return pass('exported', logs.evidence, data);
  if (logs.incomplete) return undetermined('incomplete', logs.evidence, data);
  return fail('notSent', logs.evidence, data);
}

/**
 * Evidence for a resource no diagnostic setting targets: a listing that answered empty means
 * none (the resource's own, read live, or the subscription's listing of its resources' settings,
 * `resource-diagnostic-settings-<id>.json`); a listing that failed is unknown, with why.
 * Without a listing, an empty list yields no record, so absence means "none" only when the
 * export holds other resources' settings of the subscription; otherwise undefined (the export
 * cannot tell). Resources have no diagnostic setting by default.
 */
function noSettingEvidence(resource: Resource, ctx: CheckContext): Evidence | undefined {
  const own = (resource.facts as AzureDiagnosedFacts).diagnosticSettingsListed;
  if (own?.source === 'unknown') return own;
  if (own?.value === true) return explicit([], own.path);
  const subscription = `/subscriptions/${resource.account}`;
  const account = ctx.inventory.byId('azure', subscription);
  const listing = (account?.facts as AzureSubscriptionFacts | undefined)?.resourceSettingsListed;
  if (listing?.value === true) return explicit([], listing.path);
  const others = diagnosticSettingsIn(resource.account, ctx).filter(
    (setting) => setting.facts.targetResourceId?.value !== subscription,
  );
  if (others.length === 0) return undefined;
  // A file answers for the resources it holds (a template deploys every setting it means to),
  // not for those of other files: `az monitor diagnostic-settings list --resource <id>` lists one
  // resource's settings, and another resource's empty answer (`[]`) names no resource.
  if (!others.some((setting) => setting.origin.file === resource.origin.file)) return NOT_IN_ITS_FILE;
  return cloudDefault([], 'microsoft.insights/diagnosticSettings', {
    ja: 'このリソースの診断設定は、リソースと同じファイルにありません（同じファイルには同じサブスクリプションの他のリソースの診断設定があります）。リソースには既定で診断設定がありません',
    en: "no diagnostic setting of this resource in its file, which holds other resources' settings of the subscription; resources have none by default",
  });
}

/** The UNKNOWN evidence when other files hold other resources' settings, and none this resource's. */
const NOT_IN_ITS_FILE: Evidence = unknown('microsoft.insights/diagnosticSettings', {
  ja: 'このリソースの診断設定はエクスポートにありません。他のリソースの診断設定は別のファイルにあり（az monitor diagnostic-settings list --resource はリソースごとの一覧です）、このリソースについては何も示しません',
  en: "no diagnostic setting of this resource in the export: other resources' settings are in other files (az monitor diagnostic-settings list --resource lists one resource's), which say nothing of this one",
});

/** The UNKNOWN evidence when the export holds no resource-level diagnostic settings at all. */
const SETTINGS_NOT_EXPORTED: Evidence = unknown('microsoft.insights/diagnosticSettings', {
  ja: 'このサブスクリプションのリソースの診断設定がエクスポートにありません',
  en: 'no resource diagnostic settings of this subscription in the export',
});
