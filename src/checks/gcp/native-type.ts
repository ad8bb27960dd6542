import type { Localized } from '../../model/localized.ts';
import type { Resource } from '../../model/resource.ts';
import { type CheckResult, notApplicable } from '../check.ts';

/**
 * The message of a check that reads one native type among several sharing its kansa type
 * (Cloud SQL instances and BigQuery datasets are both `database.instance`).
 */
export const OTHER_TYPE_MESSAGE: Localized = {
  ja: '{{nativeType}} はこのチェックの対象外です',
  en: '{{nativeType}} is not what this check reads (not applicable)',
};

/** NOT_APPLICABLE when the resource is not of `nativeType`; undefined when it is. */
export function unlessNativeType(
  resource: Resource,
  nativeType: string,
): CheckResult<'otherType'> | undefined {
  if (resource.nativeType === nativeType) return undefined;
  return notApplicable('otherType', [], { nativeType: resource.nativeType });
}
