import { awsFormats } from './aws/index.ts';
import { azureFormats } from './azure/index.ts';
import { cloudQueryDocument, cloudQueryRecords } from './cloudquery.ts';
import { cloudQueryCsv } from './cloudquery-csv.ts';
import type { InputFormat } from './format.ts';
import { gcpFormats } from './gcp/index.ts';
import {
  scoutSuiteErrorsFormat,
  scoutSuiteExceptionsFormat,
  scoutSuiteFormat,
  scoutSuiteScriptFormat,
} from './scoutsuite.ts';
import { steampipeCsv } from './steampipe-csv.ts';
import { steampipeRecords, steampipeRows, steampipeSnapshotUnread } from './steampipe-tables.ts';
import { terraformFormat, terraformStateFormat } from './terraform/formats.ts';

/** Every offline format, in detection order (each file goes to the first format that matches). */
export const INPUT_FORMATS: readonly InputFormat[] = [
  // First: a CloudQuery row (told by `_cq_id`) carries `arn` and `account_id` as other exports do.
  cloudQueryDocument,
  cloudQueryRecords,
  cloudQueryCsv,
  ...awsFormats,
  scoutSuiteFormat,
  scoutSuiteScriptFormat,
  scoutSuiteExceptionsFormat,
  scoutSuiteErrorsFormat,
  // Before the Azure and Google Cloud formats: Steampipe rows carry an ARM `id` or a `kind`.
  steampipeRows,
  steampipeRecords,
  steampipeSnapshotUnread,
  steampipeCsv,
  ...azureFormats,
  ...gcpFormats,
  terraformFormat,
  terraformStateFormat,
];
