import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

let ajv: Ajv | undefined;

/**
 * A validator compiled on first use: a scan that writes no findings file, and `kansa --version`,
 * never pay for compiling the findings schemas.
 */
export function lazyValidator(schema: object): (data: unknown) => ErrorObject | undefined {
  let validate: ValidateFunction | undefined;
  return (data) => {
    if (!ajv) {
      ajv = new Ajv({ allErrors: false, strict: false });
      // RFC 3339 date-time, as JSON.stringify(new Date()) writes it (ajv-formats is a development dependency only).
      ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
    }
    validate ??= ajv.compile(schema);
    return validate(data) ? undefined : (validate.errors ?? [])[0];
  };
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
