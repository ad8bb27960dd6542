import type { FileCoverage } from '../../model/coverage.ts';
import type { Resource } from '../../model/resource.ts';
import type { DocumentFormat, ReadContext, RecordFormat } from '../format.ts';
import { lazyModule } from '../format.ts';
import { isSpaceliftPlanInput, showJsonOf, stateFileKind, terraformDocumentKind } from './kind.ts';

/**
 * The Terraform formats, recognised by shape alone (kind.ts); the reader, its adapters for three
 * providers and the plan's configuration, links and placement (index.ts) are loaded for a file
 * that is one: a scan of the clouds' exports does not load them.
 */
const reader = lazyModule(() => import('./index.ts'));

/**
 * `terraform show -json` of a saved plan or of a state. One file holds resources of every
 * provider; each is judged by the same checks as the cloud's own inventory.
 */
export const terraformFormat: DocumentFormat = {
  kind: 'document',
  id: 'terraform-json',
  provider: 'any',
  description:
    'terraform show -json <planfile> (plan) or terraform show -json (state), format_version 0.1 to 1.x (Terraform 0.12 on; OpenTofu’s tofu show -json alike); also as HCP Terraform passes a plan to OPA policies ({"plan": …, "run": …})',
  matches: (document) =>
    terraformDocumentKind(showJsonOf(document)) !== undefined || isSpaceliftPlanInput(document),
  load: reader.load,
  read: (document, ctx) => reader.get().readShowJson(document, ctx),
};

/** The state file itself: judged as `terraform show -json` of it would be. */
export const terraformStateFormat: DocumentFormat = {
  kind: 'document',
  id: 'terraform-state',
  provider: 'any',
  description:
    'terraform.tfstate itself (terraform state pull; *.tfstate, *.tfstate.backup, terraform.tfstate.d/<workspace>/), state format version 4 (Terraform 0.12 on, OpenTofu) and 3 (Terraform 0.7 to 0.11, its flat attributes read back into nested values)',
  matches: (document) => stateFileKind(document) !== undefined,
  load: reader.load,
  read: (document, ctx) => reader.get().readStateFileResources(document, ctx),
};

/** `terraform show -json` writes one line that begins with its `format_version`. */
const SHOW_JSON_LINE = /^\s*\{"format_version":"/;

/**
 * Several `show -json` documents, one a line: `terragrunt run-all show -json` (and `show --all
 * -json`) prints each module's plan, and scripts append plans to one file. Told by its first line
 * (longer than what is read to tell NDJSON from a document), and a second one.
 */
export function isTerraformDocumentLines(data: Buffer): boolean {
  if (!SHOW_JSON_LINE.test(data.subarray(0, 64).toString('utf8'))) return false;
  const newline = data.indexOf(0x0a);
  if (newline === -1 || data.subarray(newline).toString('utf8').trim() === '') return false;
  try {
    return terraformDocumentKind(JSON.parse(data.subarray(0, newline).toString('utf8'))) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Several `show -json` documents one after another, each over many lines (`terragrunt run-all
 * show -json | jq .`, plan files concatenated), as the JSON reader splits them (json-stream.ts):
 * where one of them is a plan or state, each is read as a plan of its own, as a line of
 * terragrunt's output is (their addresses repeat), and true is returned; false for other documents.
 */
export async function readTerraformDocuments(
  values: readonly { readonly value: unknown; readonly line: number }[],
  ctx: ReadContext,
  coverage: FileCoverage,
  count: (resources: Iterable<Resource>) => void,
): Promise<boolean> {
  if (!values.some(({ value }) => terraformLinesFormat.matches(value))) return false;
  await reader.load();
  coverage.format = terraformLinesFormat.id;
  for (const { value, line } of values) count(reader.get().readShowJsonLine(value, ctx, line, 'documents'));
  return true;
}

/**
 * Each line of such a file read as a plan of its own: the addresses of different root modules
 * repeat, so each line's resources are kept apart by the line (index.ts).
 */
export const terraformLinesFormat: RecordFormat = {
  kind: 'ndjson',
  id: 'terraform-json',
  provider: 'any',
  description: 'terragrunt run-all show -json: one terraform show -json document a line, a module each',
  matches: (record) => terraformDocumentKind(showJsonOf(record)) !== undefined,
  load: reader.load,
  read: (record, ctx, line) => reader.get().readShowJsonLine(record, ctx, line),
};
