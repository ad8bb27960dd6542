/**
 * Export files for the RuleTester (tests/helpers/rule-tester.ts): each builder wraps records in
 * the file a cloud's export command writes, so the records go through the same format
 * detection and readers as a scan. Records themselves are built in the clouds' real shapes by
 * tests/sources/<cloud>/ builders.
 */

/** One export file: its name (the extension says nothing to the readers) and its text. */
export interface ExportFile {
  readonly kind: 'export-file';
  readonly name: string;
  readonly text: string;
}

import { graphCliOutput } from '../checks/azure/arg-rows.ts';
import {
  ACCOUNT,
  credentialReport,
  noPasswordPolicyError,
  selectDocument,
  snapshotDocument,
} from '../sources/aws/builders.ts';

type Json = Record<string, unknown>;

/** Any JSON document, as `aws`, `az` and `gcloud` write it with `--output json`. */
export function jsonFile(document: unknown, name = 'export.json'): ExportFile {
  return { kind: 'export-file', name, text: JSON.stringify(document, null, 2) };
}

/** An AWS Config snapshot (S3 delivery, `configurationItems`). */
export const configSnapshot = (items: readonly Json[]): ExportFile =>
  jsonFile(snapshotDocument(items), 'config-snapshot.json');

/**
 * Custom Config rule events, one per item (`invokingEvent` a JSON string holding the item): the
 * resources that changed, as a rule's Lambda function receives them.
 */
export const configRuleEvents = (items: readonly Json[]): ExportFile =>
  jsonFile(
    items.map((item) => ({
      version: '1.0',
      invokingEvent: JSON.stringify({
        configurationItem: item,
        messageType: 'ConfigurationItemChangeNotification',
        notificationCreationTime: '2026-11-30T23:55:02.000Z',
        recordVersion: '1.3',
      }),
      ruleParameters: '{}',
      resultToken: 'token',
      eventLeftScope: false,
      configRuleName: 'corpus-rule',
      accountId: ACCOUNT,
    })),
    'config-rule-events.json',
  );

/** `aws configservice select-resource-config` output: each row a JSON string. */
export const configSelect = (rows: readonly Json[]): ExportFile =>
  jsonFile(selectDocument(rows), 'config-select.json');

/** The IAM credential report (`aws iam get-credential-report`, decoded): CSV rows under the header. */
export const credentialReportFile = (rows: readonly string[]): ExportFile => ({
  kind: 'export-file',
  name: 'credential-report.csv',
  text: credentialReport(...rows),
});

/**
 * `aws iam get-account-password-policy > <account>_password-policy.json`: the CLI names no
 * account, the file name does (as `--save-inventory` names it).
 */
export const passwordPolicyFile = (policy: Json, account = ACCOUNT): ExportFile =>
  jsonFile({ PasswordPolicy: policy }, `${account}_password-policy.json`);

/** The same command's NoSuchEntity error output (`2>&1`): no password policy is set. */
export const noPasswordPolicyFile = (account = ACCOUNT): ExportFile => ({
  kind: 'export-file',
  name: `${account}_password-policy.txt`,
  text: noPasswordPolicyError(account),
});

/** `az graph query -o json` output (resource-graph extension 2.x). */
export const graphQuery = (rows: readonly Json[]): ExportFile =>
  jsonFile(graphCliOutput(rows), 'graph-query.json');

/** `gcloud asset export` output: one Cloud Asset record per line. */
export function assetExport(lines: readonly Json[]): ExportFile {
  return {
    kind: 'export-file',
    name: 'asset-export.ndjson',
    text: `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`,
  };
}

export function isExportFile(value: unknown): value is ExportFile {
  return typeof value === 'object' && value !== null && (value as ExportFile).kind === 'export-file';
}

/** `gcloud asset search-all-resources --format=json` output: summaries without the resource data. */
export const searchAllResources = (summaries: readonly Json[]): ExportFile =>
  jsonFile(summaries, 'search-all-resources.json');
