import { InputError } from '../../base/input-error.ts';
import { isObject, terraformDocumentKind } from './kind.ts';

/**
 * What Terraform writes besides `terraform show -json` and the state file (state-file.ts), and
 * users pass for them: each is refused with the command that gives the JSON kansa reads, rather
 * than as an unknown format. Undefined for anything else.
 */
export function otherTerraformOutput(file: string, value: unknown): InputError | undefined {
  if (!isObject(value)) return undefined;
  // `terraform plan -json` (and apply, query, validate -json) streams log messages
  // (`@level`, `@message`, `@module: "terraform.ui"`): they name the changes, not the values.
  if (typeof value['@level'] === 'string' && typeof value['@message'] === 'string') {
    return new InputError(
      file,
      "Terraform's machine-readable log (terraform plan -json): it names the changes without their values; run terraform plan -out plan.out, then terraform show -json plan.out > plan.json and scan plan.json",
    );
  }
  // `terraform validate -json` and `terraform providers schema -json` share `format_version`
  // with the plan, but describe the configuration and the providers, not what is deployed.
  if (typeof value.valid === 'boolean' && typeof value.error_count === 'number') {
    return new InputError(
      file,
      'the output of terraform validate -json: it says whether the configuration is valid, not what it deploys; run terraform plan -out plan.out, then terraform show -json plan.out > plan.json and scan plan.json',
    );
  }
  if (isObject(value.provider_schemas)) {
    return new InputError(
      file,
      'the output of terraform providers schema -json: it describes the providers, not what is deployed; run terraform plan -out plan.out, then terraform show -json plan.out > plan.json and scan plan.json',
    );
  }
  return undefined;
}

/** `terraform show -json` writes one line that begins with its `format_version`. */
const SHOW_JSON_LINE = /^\s*\{"format_version":"/;

/**
 * Several `show -json` documents, one a line: `terragrunt run-all show -json` (and `show --all
 * -json`) prints each module's plan, and scripts append plans to one file. kansa reads one plan a
 * file, and the plans of different root modules apart (their addresses repeat across modules),
 * so such a file is refused with how to write the plans one a file. Undefined for anything else.
 */
export function severalTerraformDocuments(file: string, data: Buffer): InputError | undefined {
  if (!SHOW_JSON_LINE.test(data.subarray(0, 64).toString('utf8'))) return undefined;
  const newline = data.indexOf(0x0a);
  if (newline === -1 || data.subarray(newline).toString('utf8').trim() === '') return undefined;
  let first: unknown;
  try {
    first = JSON.parse(data.subarray(0, newline).toString('utf8'));
  } catch {
    return undefined;
  }
  if (terraformDocumentKind(first) === undefined) return undefined;
  return new InputError(
    file,
    'several Terraform plans or states, one a line (terragrunt run-all show -json): kansa reads one a file, and the plans of different modules apart, since their addresses repeat; write each plan to its own file (terragrunt --json-out-dir, or terraform show -json in each module) and scan each',
  );
}
