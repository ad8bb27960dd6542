import type { AzureRoleAssignmentFacts } from '../../../model/azure.ts';
import { asString, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';

const NOT_EXPORTED = notSet('absent: not in this export', '未設定: このエクスポートに含まれていません');

const lowerCase = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : undefined);

/** The GUID at the end of a role definition id (`…/roleDefinitions/8e3af657-…`). */
const roleGuid = (value: unknown) =>
  typeof value === 'string' ? value.split('/').pop()?.toLowerCase() || undefined : undefined;

export const roleAssignment: Adapter = {
  kansaType: 'iam.role-assignment',
  facts(record): AzureRoleAssignmentFacts {
    return {
      principalId: propertyFact(record, ['principalId'], lowerCase, NOT_EXPORTED),
      principalType: propertyFact(record, ['principalType'], asString, NOT_EXPORTED),
      roleDefinitionId: propertyFact(record, ['roleDefinitionId'], roleGuid, NOT_EXPORTED),
      scope: propertyFact(record, ['scope'], lowerCase, NOT_EXPORTED),
    };
  },
};
