import type { DocumentFormat } from '../format.ts';
import { lazyModule } from '../format.ts';
import { isObject, type JsonObject } from './arm-record.ts';

/**
 * ARM templates, as a vendor hands an environment over: the portal's "Export template" of a
 * resource group, `az group export` and `az deployment group export` (the template itself; the
 * REST answer wraps it in `{"template", "error"?}`), Azure Quickstart Templates'
 * `azuredeploy.json`, `az bicep build` output. Each resource becomes the ARM record a GET would
 * give, read by the same adapters, so an absent property reads as an absent property of a GET
 * does (the API's default): a template holds what is deployed.
 *
 * The template names no subscription or resource group: ids are
 * `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/…`, as the REST
 * specs write the paths. Names, locations and properties are evaluated as far as the template
 * tells (`template-expression.ts`), with the values of the parameter file that goes with the
 * template (`template-parameters.ts`); a property set by an expression it cannot evaluate makes
 * every fact read from it unknown. A parameter file is read as nothing to scan in itself.
 */
const reader = lazyModule(() => import('./template-resources.ts'));

export const azureArmTemplate: DocumentFormat = {
  kind: 'document',
  id: 'azure-arm-template',
  provider: 'azure',
  description:
    'an ARM template: the portal’s Export template, az group export, az deployment group export, Azure Quickstart Templates, az bicep build',
  matches(document) {
    return templateOf(document) !== undefined;
  },
  // The reader and the expression evaluator: loaded for a template only.
  load: reader.load,
  read(document, ctx) {
    const template = templateOf(document);
    if (!template) return [];
    const schema = String(template.$schema);
    const scope = PARAMETERS_SCHEMA.test(schema)
      ? 'parameters'
      : QUICKSTART_METADATA_SCHEMA.test(schema)
        ? 'sample metadata'
        : RESOURCE_GROUP_SCHEMA.test(schema)
          ? 'resource group'
          : SUBSCRIPTION_SCHEMA.test(schema)
            ? 'subscription'
            : 'above a subscription';
    return reader.get().readTemplate(document, template, scope, ctx);
  },
};

const RESOURCE_GROUP_SCHEMA = /\/deploymentTemplate\.json#?$/i;
/** `az deployment sub create`'s templates (Defender plans, budgets, resource groups, policy). */
const SUBSCRIPTION_SCHEMA = /\/subscriptionDeploymentTemplate\.json#?$/i;
const TEMPLATE_SCHEMA = /deploymentTemplate\.json#?$/i;
const PARAMETERS_SCHEMA = /\/deploymentParameters\.json#?$/i;
/** The `metadata.json` beside each Azure Quickstart Templates sample (its entry in the samples' index). */
const QUICKSTART_METADATA_SCHEMA = /\/azure-quickstart-templates-metadata-schema#?$/i;

/** The template (a parameter file, a sample's metadata): the document itself, or the REST export answer's `template`. */
function templateOf(document: unknown): JsonObject | undefined {
  const template = isObject(document) && isObject(document.template) ? document.template : document;
  if (!isObject(template) || typeof template.$schema !== 'string') return undefined;
  if (PARAMETERS_SCHEMA.test(template.$schema) || QUICKSTART_METADATA_SCHEMA.test(template.$schema))
    return template;
  if (!TEMPLATE_SCHEMA.test(template.$schema)) return undefined;
  return Array.isArray(template.resources) || isObject(template.resources) ? template : undefined;
}
