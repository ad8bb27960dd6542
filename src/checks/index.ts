import { awsChecks } from './aws/index.ts';
import { azureChecks } from './azure/index.ts';
import type { Check } from './check.ts';
import { commonChecks } from './common/index.ts';
import { gcpChecks } from './gcp/index.ts';

/** Every check kansa has. A test verifies each id matches its file and has tests. */
export const CHECKS: readonly Check[] = [...commonChecks, ...awsChecks, ...azureChecks, ...gcpChecks];

export const CHECKS_BY_ID: ReadonlyMap<string, Check> = new Map(
  CHECKS.map((check) => [check.meta.id, check]),
);
