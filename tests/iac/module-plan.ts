/**
 * Plans whose resources sit in modules, as `terraform show -json` writes them: each change with
 * `module_address` and `index`, `planned_values` nesting `child_modules` by module instance, and
 * `configuration` nesting `module_calls` by call (no instance keys), with the calls' `for_each`
 * and outputs (see SOURCES.md, "Split resources across module paths").
 */
import type { Json } from './dialect-plan.ts';

export interface ModuleChange {
  readonly type: string;
  readonly name: string;
  /** The module instance (`module.s3["logs"].module.bucket`); the root module when left out. */
  readonly module?: string;
  readonly index?: number | string;
  readonly after: Json;
  readonly afterUnknown?: Json;
  /** The resource block's `expressions`. */
  readonly expressions?: Json;
  /** The resource block's `for_each_expression` / `count_expression`. */
  readonly block?: Json;
  readonly actions?: string[];
}

/** A module call: its `for_each_expression`, the expressions it passes, the module's outputs. */
export interface ModuleCall {
  readonly forEach?: Json;
  readonly expressions?: Json;
  readonly outputs?: Record<string, Json>;
}

const keyText = (index: number | string) =>
  typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
/** `module.s3["logs"].module.bucket` → `module.s3.module.bucket`. */
const callPath = (module: string) => module.replace(/\[[^\]]*\]/g, '');

export function addressOf(change: ModuleChange): string {
  const index = change.index === undefined ? '' : keyText(change.index);
  return `${change.module ? `${change.module}.` : ''}${change.type}.${change.name}${index}`;
}

/** A plan of the changes, their modules called as `calls` says (by call path, without keys). */
export function modulePlan(changes: ModuleChange[], calls: Record<string, ModuleCall> = {}): Json {
  const plannedRoot: Json & { resources: Json[]; child_modules: Json[] } = {
    resources: [],
    child_modules: [],
  };
  const planned = new Map<string, typeof plannedRoot>([['', plannedRoot]]);
  const plannedModule = (address: string): typeof plannedRoot => {
    const found = planned.get(address);
    if (found) return found;
    const parent = plannedModule(address.slice(0, Math.max(address.lastIndexOf('.module.'), 0)));
    const module = { address, resources: [], child_modules: [] };
    parent.child_modules.push(module);
    planned.set(address, module);
    return module;
  };
  const configRoot: Json & { resources: Json[] } = { resources: [] };
  const configs = new Map<string, typeof configRoot>([['', configRoot]]);
  const configModule = (path: string): typeof configRoot => {
    const found = configs.get(path);
    if (found) return found;
    const cut = path.lastIndexOf('.module.');
    const parent = configModule(cut < 0 ? '' : path.slice(0, cut));
    const name = path.slice(path.lastIndexOf('.') + 1);
    const call = calls[path] ?? {};
    const module = { resources: [], ...(call.outputs && { outputs: call.outputs }) };
    parent.module_calls = {
      ...(parent.module_calls as Json | undefined),
      [name]: {
        source: `./modules/${name}`,
        expressions: call.expressions ?? {},
        ...(call.forEach && { for_each_expression: call.forEach }),
        module,
      },
    };
    configs.set(path, module);
    return module;
  };
  for (const path of Object.keys(calls)) configModule(path);
  const declared = new Set<string>();
  const resourceChanges = changes.map((change) => {
    const identity = {
      address: addressOf(change),
      ...(change.module && { module_address: change.module }),
      mode: 'managed',
      type: change.type,
      name: change.name,
      ...(change.index !== undefined && { index: change.index }),
      provider_name: `registry.terraform.io/hashicorp/${change.type.split('_')[0]}`,
    };
    plannedModule(change.module ?? '').resources.push({
      ...identity,
      schema_version: 0,
      values: change.after,
    });
    const path = callPath(change.module ?? '');
    if (!declared.has(`${path} ${change.type}.${change.name}`)) {
      declared.add(`${path} ${change.type}.${change.name}`);
      configModule(path).resources.push({
        address: `${change.type}.${change.name}`,
        mode: 'managed',
        type: change.type,
        name: change.name,
        provider_config_key: change.type.split('_')[0],
        expressions: change.expressions ?? {},
        schema_version: 0,
        ...change.block,
      });
    }
    return {
      ...identity,
      change: {
        actions: change.actions ?? ['create'],
        before: null,
        after: change.after,
        after_unknown: change.afterUnknown ?? {},
        before_sensitive: false,
        after_sensitive: {},
      },
    };
  });
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: plannedRoot },
    resource_changes: resourceChanges,
    configuration: {
      provider_config: {
        aws: { name: 'aws', expressions: { region: { constant_value: 'ap-northeast-1' } } },
        azurerm: { name: 'azurerm', expressions: { features: [{}] } },
        google: { name: 'google', expressions: { region: { constant_value: 'asia-northeast1' } } },
      },
      root_module: configRoot,
    },
  };
}
