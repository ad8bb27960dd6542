import { InputError } from '../../base/input-error.ts';
import { isObject } from './kind.ts';

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
