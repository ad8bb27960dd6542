import type { InputFormat } from '../format.ts';
import { gcpAssetExport } from './asset-export.ts';
import { gcpAssetFeed, gcpAssetHistory } from './asset-history.ts';
import { gcpAssetList } from './asset-list.ts';
import { gcpEffectiveIamPolicies } from './effective-iam-policies.ts';
import { gcpGcloudUnread } from './gcloud-unread.ts';
import { gcpScanner } from './gcp-scanner.ts';
import { gcpIamPolicy, gcpIamPolicySearch } from './iam-policies.ts';
import { gcpProjectAncestors } from './project-ancestors.ts';
import { acceptingFlightRecordings, gcpRecordedAnswer } from './recordings.ts';
import { gcpRestResources } from './rest-resources.ts';
import { gcpSearchAllResources } from './search-all-resources.ts';

/** The gcp export formats kansa reads offline, also as recorded HTTP answers (`{headers, body}`). */
export const gcpFormats: readonly InputFormat[] = [
  gcpAssetFeed,
  gcpAssetExport,
  gcpAssetHistory,
  gcpAssetList,
  gcpSearchAllResources,
  gcpScanner,
  gcpRestResources,
  gcpIamPolicySearch,
  gcpEffectiveIamPolicies,
  gcpIamPolicy,
  gcpProjectAncestors,
  gcpGcloudUnread,
]
  .map(acceptingFlightRecordings)
  .concat(gcpRecordedAnswer);
