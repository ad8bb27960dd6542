import type { ErrorObject } from 'ajv';

/**
 * A schema validator that answers with its first error, or undefined for a valid value. The
 * validators are ajv standalone code (findings.validate.generated.js, from findings-schema.ts
 * and findings-schema-v1.json by scripts/generate-validators.ts): nothing compiles at run time.
 */
export function firstErrorOf(validate: {
  (data: unknown): boolean;
  readonly errors?: ErrorObject[] | null;
}): (data: unknown) => ErrorObject | undefined {
  return (data) => (validate(data) ? undefined : (validate.errors ?? [])[0]);
}

/** What a schema error says, where: `at findings[12].resource.provider: must be one of …`. */
export function describeError(error: ErrorObject, context = ''): string {
  const where = pointerToPath(error.instancePath) || '(top level)';
  let what: string;
  switch (error.keyword) {
    case 'required':
      what = `missing property "${(error.params as { missingProperty: string }).missingProperty}"`;
      break;
    case 'additionalProperties':
      what = `unexpected property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
      break;
    case 'enum':
      what = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
      break;
    default:
      what = error.message ?? error.keyword;
  }
  return `invalid findings file at ${where}${context}: ${what}`;
}

/** `/findings/12/resource/provider` → `findings[12].resource.provider`. */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), '');
}
