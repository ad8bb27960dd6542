/**
 * What a document is, by its shape alone: a plan or state as `terraform show -json` writes it,
 * the state file itself, or a policy engine's input holding a plan. The formats (formats.ts)
 * recognise documents with this alone; the reader (index.ts) is loaded for the files it claims.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What kind of document it is, by its shape alone. */
export function terraformDocumentKind(document: unknown): 'plan' | 'state' | undefined {
  if (!isObject(document)) return undefined;
  if (document.format_version === undefined) return trimmedPlanKind(document);
  if (typeof document.format_version !== 'string') return undefined;
  // 0.1 (Terraform 0.12–0.14), 0.2 (0.15–1.0), 1.x (1.1 on): the same shape, grown by additions.
  if (!/^[01]\./.test(document.format_version)) return undefined;
  if ('resource_changes' in document || 'planned_values' in document || 'configuration' in document) {
    return 'plan';
  }
  if (isObject(document.values) && isObject(document.values.root_module)) return 'state';
  // An empty state (`terraform show -json` before the first apply) has only the versions, or
  // only `format_version` when there is no state file at all (Terraform's `show-json-state/empty`).
  const versionsOnly = typeof document.terraform_version === 'string' || Object.keys(document).length === 1;
  if (versionsOnly && !('values' in document)) return 'state';
  return undefined;
}

/**
 * Plans trimmed by hand for a ticket or a test often lose `format_version`; their
 * `planned_values.root_module` or `resource_changes` entries (address + change.actions) are
 * Terraform's alone.
 */
function trimmedPlanKind(document: JsonObject): 'plan' | undefined {
  const planned = isObject(document.planned_values) && isObject(document.planned_values.root_module);
  const first = Array.isArray(document.resource_changes) ? document.resource_changes[0] : undefined;
  const changes =
    isObject(first) &&
    typeof first.address === 'string' &&
    isObject(first.change) &&
    Array.isArray(first.change.actions);
  return planned || changes ? 'plan' : undefined;
}

/** What kind of state file the document is, by its shape alone. */
export function stateFileKind(document: unknown): 'state' | 'encrypted' | 'backend' | undefined {
  if (!isObject(document)) return undefined;
  // OpenTofu's state encryption keeps serial and lineage beside the encrypted payload.
  if (typeof document.encryption_version === 'string' && 'encrypted_data' in document) return 'encrypted';
  if (typeof document.version !== 'number') return undefined;
  // `.terraform/terraform.tfstate`: the backend terraform init configured, named like a state.
  if (isObject(document.backend) && !Array.isArray(document.resources)) return 'backend';
  // Version 4 holds `resources`, versions 1–3 `modules`; each writes its serial.
  const body = Array.isArray(document.resources) || Array.isArray(document.modules);
  return body && typeof document.serial === 'number' ? 'state' : undefined;
}

/**
 * HCP Terraform gives its OPA policies the run and the plan in one input document, the plan
 * (the JSON of `terraform show -json`) under `plan` ("Define OPA policies": `input.plan`,
 * `input.run`); Scalr under `tfplan`, beside `tfrun` (Scalr/sample-tf-opa-policies:
 * `import input.tfplan as tfplan`). Policy test inputs saved from them are read for that plan.
 */
export function showJsonOf(document: unknown): unknown {
  if (!isObject(document)) return document;
  if (isObject(document.plan) && isObject(document.run)) return document.plan;
  if (isObject(document.tfplan) && Object.keys(document).every((key) => key === 'tfplan' || key === 'tfrun'))
    return document.tfplan;
  return document;
}

/**
 * Spacelift's plan policies get `{"spacelift": …, "terraform": {"resource_changes": […]}}`
 * ("Plan policy", data input): the changes without `after_unknown` or `after_sensitive`, and
 * sensitive strings replaced by hashes. Read as a plan, a value known only after apply would
 * pass for one the configuration leaves out: it is refused, with the command that gives the plan.
 */
export function isSpaceliftPlanInput(document: unknown): boolean {
  return (
    isObject(document) &&
    isObject(document.spacelift) &&
    isObject(document.terraform) &&
    Array.isArray(document.terraform.resource_changes)
  );
}

/** A JSON text's value (an attribute holding a JSON document), or undefined when it is not JSON. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
