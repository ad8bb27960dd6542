import type { AzureBudgetFacts, AzureSubscriptionFacts } from '../../../model/azure.ts';
import { unknown } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck, type Evidence, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';

export default defineCheck({
  meta: {
    id: 'azure.cost.budget',
    provider: 'azure',
    resourceTypes: ['account'],
    severity: 'low',
    title: {
      ja: 'サブスクリプションに通知付きの予算が設定されている',
      en: 'The subscription has a budget with alerts',
    },
    rationale: {
      ja: '予算と通知がなければ、想定外の利用（設定の誤りや不正利用による課金の急増）に請求まで気づけません。',
      en: 'Without a budget and its alerts, unexpected use (a misconfiguration or abuse running up charges) goes unnoticed until the invoice.',
    },
    remediation: {
      ja: 'Azure portal の [コストの管理] > [予算] > [追加] で金額としきい値を設定し、通知先のメール アドレスまたはアクション グループを指定します。CLI: az consumption budget create --budget-name <予算名> --amount <金額> --category cost --time-grain monthly --start-date <開始日> --end-date <終了日>（通知は Azure portal または REST API で設定します）',
      en: 'In the Azure portal, Cost Management > Budgets > Add, set the amount and thresholds and the alert recipients (e-mail addresses or action groups). CLI: az consumption budget create --budget-name <budget> --amount <amount> --category cost --time-grain monthly --start-date <start> --end-date <end> (set the alerts in the Azure portal or the REST API)',
    },
    messages: {
      alerting: {
        ja: '予算 {{budgets}} が通知付きで設定されています',
        en: 'Budget(s) {{budgets}} are set with alerts',
      },
      noAlerts: {
        ja: '予算 {{budgets}} に有効な通知（宛先のあるもの）がありません',
        en: 'Budget(s) {{budgets}} have no enabled alert with recipients',
      },
      none: {
        ja: 'このサブスクリプションには予算がありません',
        en: 'The subscription has no budget',
      },
      notListed: {
        ja: 'このサブスクリプションの予算を一覧できませんでした（証跡に失敗した呼び出しと必要なロールがあります）',
        en: 'The budgets of this subscription could not be listed (the evidence names the failed call and the role it needs)',
      },
      notExported: missingData(
        {
          ja: 'エクスポートにこのサブスクリプションの予算がありません（予算がないか、出力されていません）。az consumption budget list の出力を追加するか、手動で確認してください',
          en: 'The export has no budget for this subscription (none exists, or it was not exported): add the output of az consumption budget list, or confirm manually',
        },
        'azureBudgets',
      ),
      partialOnly: {
        ja: '通知付きの予算 {{budgets}} はサブスクリプションの利用額の一部（リソース グループの予算、またはリソース・メーター・タグで絞り込んだ予算）しか対象にしません。サブスクリプション全体の予算があるか手動で確認してください',
        en: "The alerting budget(s) {{budgets}} count only part of the subscription's spend (a resource group's budget, or one filtered to some resources, meters or tags): confirm manually whether the subscription has a budget for all of it",
      },
      outOfPeriod: {
        ja: '通知付きの予算 {{budgets}} は期間外です（終了日を過ぎたか、開始日前です）。現在の利用額は予算で評価されません',
        en: 'The alerting budget(s) {{budgets}} are outside their period (past their end date or before their start date): no current spend is evaluated against them',
      },
      periodUnknown: {
        ja: '通知付きの予算 {{budgets}} の期間（開始日）がエクスポートから読み取れません',
        en: 'The period (start date) of the alerting budget(s) {{budgets}} cannot be read from the export',
      },
      unknown: {
        ja: '予算 {{budgets}} の通知設定がエクスポートから読み取れません',
        en: 'The alerts of budget(s) {{budgets}} cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/cost-management-billing/costs/tutorial-acm-create-budgets',
    ],
  },
  evaluate(subscription: Resource, ctx) {
    const budgets = ctx.inventory.inAccount(
      'azure',
      subscription.account,
      'cost.budget',
    ) as Resource<AzureBudgetFacts>[];
    if (budgets.length === 0) {
      // A listing that answered (live, or a file named for the subscription) is evidence of none.
      const listed = (subscription.facts as AzureSubscriptionFacts).budgetsListed;
      if (listed?.source === 'unknown') return undetermined('notListed', [listed]);
      if (listed?.value === true) return fail('none', [listed]);
      // Without a listing, an empty budget list yields no record: absence cannot be told from "not exported".
      const evidence = unknown('microsoft.consumption/budgets', {
        ja: '予算がエクスポートにありません',
        en: 'no budgets in the export',
      });
      return undetermined('notExported', [evidence]);
    }
    const notifications = budgets.map((budget) => ({
      ...factOf(budget.facts.enabledNotifications, 'properties.notifications'),
      resourceId: budget.id,
    }));
    const data = { budgets: budgets.map((budget) => budget.name) };
    const alertingBudgets = budgets.filter(
      (budget) => (budget.facts.enabledNotifications?.value?.length ?? 0) > 0,
    );
    // Cost Management evaluates a budget only between its start and end dates.
    const periods = new Map(alertingBudgets.map((budget) => [budget, periodOf(budget, ctx.now)]));
    const current = alertingBudgets.filter((budget) => periods.get(budget)?.within === true);
    const alerting = notifications.filter((fact) => current.some((budget) => budget.id === fact.resourceId));
    // A current alerting budget over the whole subscription's spend passes.
    if (current.some((budget) => !countsPart(budget))) return pass('alerting', alerting, data);
    const undated = alertingBudgets.filter((budget) => periods.get(budget)?.within === undefined);
    if (undated.length > 0)
      return undetermined(
        'periodUnknown',
        undated.flatMap((budget) => periods.get(budget)?.evidence ?? []),
        { budgets: undated.map((budget) => budget.name) },
      );
    // Every alerting budget, the subscription's and its resource groups', is outside its period.
    if (alerting.length === 0 && alertingBudgets.length > 0)
      return fail(
        'outOfPeriod',
        alertingBudgets.flatMap((budget) => periods.get(budget)?.evidence ?? []),
        { budgets: alertingBudgets.map((budget) => budget.name) },
      );
    if (alerting.length > 0) {
      // Every current alerting budget counts part of the spend only (a resource group's, a filter's).
      const filters = current.map((budget) => ({
        ...factOf(budget.facts.filtered, 'properties.filter'),
        resourceId: budget.id,
      }));
      return undetermined('partialOnly', [...alerting, ...filters], {
        budgets: current.map((budget) => budget.name),
      });
    }
    if (notifications.some((fact) => fact.source === 'unknown'))
      return undetermined('unknown', notifications, data);
    return fail('noAlerts', notifications, data);
  },
});

/**
 * Whether `now` is within the budget's period (undefined: a date that decides is not known), and
 * the dates that say so. Without an end date the period runs ten years from the start.
 */
function periodOf(
  budget: Resource<AzureBudgetFacts>,
  now: Date,
): { readonly within: boolean | undefined; readonly evidence: Evidence[] } {
  const start = {
    ...factOf(budget.facts.periodStart, 'properties.timePeriod.startDate'),
    resourceId: budget.id,
  };
  const end = { ...factOf(budget.facts.periodEnd, 'properties.timePeriod.endDate'), resourceId: budget.id };
  if (end.source !== 'unknown' && end.value !== null && Date.parse(end.value) < now.getTime())
    return { within: false, evidence: [end] };
  if (start.source === 'unknown') return { within: undefined, evidence: [start] };
  if (Date.parse(start.value) > now.getTime()) return { within: false, evidence: [start] };
  return { within: end.source === 'unknown' ? undefined : true, evidence: [start, end] };
}

/**
 * A budget that counts only part of its subscription's spend: a resource group's, or one whose
 * filter names resources, meters or tags (one whose filter is not known may be such a budget).
 */
function countsPart(budget: Resource<AzureBudgetFacts>): boolean {
  return isResourceGroupBudget(budget.id) || budget.facts.filtered?.value !== false;
}

/**
 * A budget scoped to a resource group (`…/resourceGroups/<rg>/providers/Microsoft.Consumption/budgets/…`,
 * or `Microsoft.CostManagement/budgets`) alerts on that group's spend only.
 */
function isResourceGroupBudget(id: string): boolean {
  return /\/resourcegroups\/[^/]+\/providers\/microsoft\.(?:consumption|costmanagement)\/budgets\//i.test(id);
}
