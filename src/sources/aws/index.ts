import type { InputFormat } from '../format.ts';
import { awsAccountSummaryFormat } from './account-summary.ts';
import { awsApiDescribeFormat } from './api-describe.ts';
import { awsReconFormat, awsReconStreamFormat } from './aws-recon.ts';
import { awsConfigRuleEventFormat } from './config-rule-event.ts';
import { awsConfigSelectFormat } from './config-select.ts';
import { awsConfigSelectCsv } from './config-select-csv.ts';
import { awsConfigSnapshotFormat } from './config-snapshot.ts';
import { awsCredentialReportApiFormat, awsCredentialReportFormat } from './credential-report.ts';
import {
  awsNoPasswordPolicyFormat,
  awsPasswordPolicyFormat,
  awsPasswordPolicySteampipeCsv,
  awsPasswordPolicySteampipeFormat,
} from './password-policy.ts';
import { acceptingPlaceboRecordings, awsRecordedAnswerFormat } from './placebo.ts';
import { awsResourceExplorerFormat } from './resource-explorer.ts';
import { awsS3ErrorAnswerFormat } from './s3-error-answers.ts';
import {
  awsAccountSummarySteampipeCsv,
  awsAccountSummarySteampipeFormat,
  awsCredentialReportSteampipeCsv,
  awsCredentialReportSteampipeFormat,
} from './steampipe-iam-reports.ts';
import { awsTagEditorCsv } from './tag-editor-csv.ts';
import { awsTaggingApiFormat } from './tagging-api.ts';
import { awsVirtualMfaDevicesFormat } from './virtual-mfa-devices.ts';

/** The aws export formats kansa reads offline, also as placebo SDK recordings (`{status_code, data}`). */
export const awsFormats: readonly InputFormat[] = [
  awsConfigSnapshotFormat,
  awsConfigSelectFormat,
  awsConfigSelectCsv,
  awsConfigRuleEventFormat,
  awsCredentialReportFormat,
  awsCredentialReportApiFormat,
  awsTagEditorCsv,
  awsPasswordPolicyFormat,
  awsNoPasswordPolicyFormat,
  awsS3ErrorAnswerFormat,
  awsPasswordPolicySteampipeFormat,
  awsPasswordPolicySteampipeCsv,
  awsCredentialReportSteampipeFormat,
  awsCredentialReportSteampipeCsv,
  awsAccountSummarySteampipeFormat,
  awsAccountSummarySteampipeCsv,
  awsAccountSummaryFormat,
  awsVirtualMfaDevicesFormat,
  awsApiDescribeFormat,
  awsResourceExplorerFormat,
  awsTaggingApiFormat,
  awsReconFormat,
  awsReconStreamFormat,
]
  .map(acceptingPlaceboRecordings)
  .concat(awsRecordedAnswerFormat);
