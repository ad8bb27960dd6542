import type { Fact } from '../../../model/fact.ts';
import { factOf } from '../../../model/facts.ts';
import type { GcpDatasetFacts, GcpPublicGrant } from '../../../model/gcp.ts';
import { defineCheck, fail, pass, undetermined } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { describeGrants } from '../lib/grants.ts';

const DATASET = 'bigquery.googleapis.com/Dataset';

type Message = 'notPublic' | 'publicBinding' | 'publicAccessEntry' | 'unknown';

/**
 * BigQuery datasets shared with `allUsers` or `allAuthenticatedUsers`: every table in them can
 * be read by anyone. The grant shows in the dataset's IAM-policy line (`publicBindings`) or in
 * the dataset resource's `access` entries; BigQuery keeps the two in step, so either one read
 * without a public grant rules it out.
 */
export default defineCheck<GcpDatasetFacts, Message>({
  meta: {
    id: 'gcp.bigquery.dataset-public-access',
    provider: 'gcp',
    resourceTypes: ['database.instance'],
    nativeTypes: [DATASET],
    severity: 'critical',
    title: {
      ja: 'BigQuery データセットが一般公開されていない',
      en: 'BigQuery datasets are not publicly accessible',
    },
    rationale: {
      ja: 'allUsers や allAuthenticatedUsers にデータセットへの権限を付与すると、インターネット上の誰でも（Google アカウントがあれば誰でも）テーブルのデータを読めるようになり、情報漏えいに直結します。外部の利用者への共有は、必要な主体に限って付与します。',
      en: 'A dataset role granted to allUsers or allAuthenticatedUsers lets anyone on the internet (anyone with a Google account) read its tables: a direct data leak. Share with external users only by naming the principals that need it.',
    },
    remediation: {
      ja: 'bq show --format=prettyjson <プロジェクト>:<データセット> > ds.json で取得し、access から specialGroup: allAuthenticatedUsers と iamMember: allUsers の項目を削除して bq update --source ds.json <プロジェクト>:<データセット> で反映します（コンソール: BigQuery > データセット > 共有 > 権限）。組織のポリシー iam.allowedPolicyMemberDomains で組織外への付与を禁止できます。',
      en: 'Get the dataset with bq show --format=prettyjson <project>:<dataset> > ds.json, remove the access entries with specialGroup allAuthenticatedUsers and iamMember allUsers, and apply with bq update --source ds.json <project>:<dataset> (console: BigQuery > dataset > Sharing > Permissions). The organization policy iam.allowedPolicyMemberDomains forbids grants outside the organization.',
    },
    messages: {
      notPublic: {
        ja: 'データセットに allUsers / allAuthenticatedUsers への付与はありません',
        en: 'The dataset grants nothing to allUsers or allAuthenticatedUsers',
      },
      publicBinding: {
        ja: 'データセットの IAM ポリシーが一般公開されています: {{grants}}',
        en: 'The dataset IAM policy grants public access: {{grants}}',
      },
      publicAccessEntry: {
        ja: 'データセットのアクセス エントリが一般公開されています: {{grants}}',
        en: 'The dataset access entries grant public access: {{grants}}',
      },
      unknown: missingData(
        {
          ja: 'データセットの IAM ポリシーもアクセス エントリもエクスポートにないため、公開の有無を判断できません（--content-type=iam-policy のエクスポートも渡してください）',
          en: 'Neither the dataset IAM policy nor its access entries are in the export, so public grants cannot be ruled out (also provide the --content-type=iam-policy export)',
        },
        'gcpIamPolicies',
      ),
    },
    references: [
      'https://cloud.google.com/bigquery/docs/control-access-to-resources-iam',
      'https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets#Dataset.FIELDS.access',
    ],
  },
  evaluate(dataset) {
    const bindings = factOf(dataset.facts.publicBindings, 'iamPolicy.bindings');
    const entries = factOf(dataset.facts.publicAccessEntries, 'resource.data.access');
    if (hasGrants(bindings))
      return fail('publicBinding', [bindings], { grants: describeGrants(bindings.value) });
    if (hasGrants(entries))
      return fail('publicAccessEntry', [entries], { grants: describeGrants(entries.value) });
    if (bindings.source === 'unknown' && entries.source === 'unknown')
      return undetermined('unknown', [bindings, entries]);
    return pass(
      'notPublic',
      [bindings, entries].filter((fact) => fact.source !== 'unknown'),
    );
  },
});

function hasGrants(fact: Fact<readonly GcpPublicGrant[]>): fact is Fact<readonly GcpPublicGrant[]> & {
  value: readonly GcpPublicGrant[];
} {
  return fact.value !== undefined && fact.value.length > 0;
}
