import type { AzureDiagnosedFacts } from '../../model/azure.ts';
import { explicit, type Fact, unknown } from '../../model/fact.ts';
import { type Resource, untoldTagsNote } from '../../model/resource.ts';
import type { JsonObject } from './arm-record.ts';
import { isFact } from './depth-cut.ts';

/**
 * What the records a template deploys (template-resources.ts) are as facts: a fact read from a
 * value the template leaves to the deployment is unknown, naming the expression; security rules
 * declared on their own answer for their group; and whether the template lists its resources'
 * diagnostic settings.
 */

/** A value of the template kansa cannot evaluate, at a path of the record. */
export interface UnknownMark {
  readonly path: string;
  /** The template's expression that sets it (or an ancestor of it). */
  readonly expression: string;
}

/** One resource the template deploys, as an ARM record. */
export interface Declared {
  /** The index of its top-level resource in `resources`. */
  readonly index: number;
  readonly type: string;
  readonly name: string;
  readonly row: JsonObject;
  readonly unknowns: UnknownMark[];
}

const SECURITY_RULE = 'microsoft.network/networksecuritygroups/securityrules';

/**
 * A security rule declared as a resource of its own is read as part of its group (`readRows`):
 * a rule setting the template does not tell makes the group's rules unknown.
 */
export function markRulesOnTheirGroups(declared: readonly Declared[]): void {
  const byId = new Map(declared.map((resource) => [String(resource.row.id).toLowerCase(), resource]));
  for (const rule of declared) {
    if (rule.type.toLowerCase() !== SECURITY_RULE || rule.unknowns.length === 0) continue;
    const groupId = String(rule.row.id).toLowerCase().split('/').slice(0, -2).join('/');
    const mark = { path: 'properties.securityRules', expression: rule.unknowns[0]!.expression };
    const members = declared.filter(
      (other) =>
        other.type.toLowerCase() === SECURITY_RULE &&
        String(other.row.id).toLowerCase().startsWith(`${groupId}/`),
    );
    for (const member of [byId.get(groupId), ...members]) member?.unknowns.push(mark);
  }
}

/**
 * The resource's facts, each read from a value the template leaves to the deployment made unknown,
 * and its tags so left (`Resource.unknownTags`): the keys whose values are expressions, or all of
 * them where the whole `tags` object is one (`[parameters('tags')]`), which may hold any mark.
 */
export function asDeployed(resource: Resource, declared: Declared, listed: Fact<boolean>): Resource {
  const origin = { ...resource.origin, index: declared.index };
  const facts: Record<string, unknown> = { diagnosticSettingsListed: listed } satisfies AzureDiagnosedFacts;
  for (const [key, fact] of Object.entries(resource.facts)) {
    const mark = isFact(fact) ? declared.unknowns.find((m) => related(fact.path, m.path)) : undefined;
    facts[key] = mark ? unknown((fact as Fact<unknown>).path, notEvaluated(mark.expression)) : fact;
  }
  const unknownTags = tagsLeftOut(declared.unknowns);
  return { ...resource, origin, facts, ...(unknownTags && { unknownTags }) };
}

function tagsLeftOut(unknowns: readonly UnknownMark[]): Resource['unknownTags'] {
  const keys: string[] = [];
  for (const { path } of unknowns) {
    if (path === 'tags') return TAGS_NOT_EVALUATED;
    if (path.startsWith('tags.')) keys.push(path.slice('tags.'.length));
  }
  return keys.length > 0 ? keys : undefined;
}

const TAGS_NOT_EVALUATED = untoldTagsNote({
  ja: 'テンプレートはタグを kansa が評価できない式で設定しています（デプロイ時に決まります）',
  en: 'the template sets the tags by an expression kansa cannot evaluate (decided at deployment)',
});

const SETTINGS_PATH = 'resources (Microsoft.Insights/diagnosticSettings)';

/**
 * Whether a resource's diagnostic settings are all in the template. A template that declares
 * some deploys its resources' settings: those it declares are all they get, as a Terraform
 * plan's are all a resource it creates gets. One that declares none tells nothing: the portal's
 * export leaves them out ("Could not get resources of the type
 * 'Microsoft.Insights/diagnosticSettings'"), and a template may leave them to another
 * deployment. Each template answers for its own resources: they all share one placeholder
 * subscription, so another template's settings say nothing of them.
 */
export function settingsListed(declared: readonly Declared[]): Fact<boolean> {
  const declares = declared.some((resource) =>
    String(resource.row.id).toLowerCase().includes(SETTING_SEGMENT),
  );
  return declares ? explicit(true, SETTINGS_PATH) : unknown(SETTINGS_PATH, SETTINGS_NOT_DECLARED);
}

const SETTING_SEGMENT = '/providers/microsoft.insights/diagnosticsettings/';

const SETTINGS_NOT_DECLARED = {
  ja: 'テンプレートに診断設定がありません（ポータルが作るテンプレートには含まれず、別のデプロイで作られることもあります）',
  en: 'the template declares no diagnostic settings (the portal leaves them out of the templates it makes, and another deployment may make them)',
};

function notEvaluated(expression: string) {
  return {
    ja: `テンプレートの式 ${expression} で設定され、テンプレートからは値が分かりません（デプロイ時に決まります）`,
    en: `set by the template's expression ${expression}, whose value the template does not tell (the deployment decides it)`,
  };
}

/** One path is the other or under it (`a.b[0].c` is under `a.b`); ARM names are case-insensitive. */
export function related(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return isUnder(x, y) || isUnder(y, x);
}

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
