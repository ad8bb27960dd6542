import type { DocumentFormat } from '../format.ts';
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
    'terraform.tfstate itself (terraform state pull; *.tfstate, *.tfstate.backup, terraform.tfstate.d/<workspace>/), state format version 4 (Terraform 0.12 on, OpenTofu)',
  matches: (document) => stateFileKind(document) !== undefined,
  load: reader.load,
  read: (document, ctx) => reader.get().readStateFileResources(document, ctx),
};
