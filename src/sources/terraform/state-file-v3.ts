import type { SkippedInstance } from './document.ts';
import { isObject, type JsonObject } from './kind.ts';

/**
 * The resources of a state of format version 3 (Terraform 0.7 to 0.11: `modules[]`, each with
 * its `path` and its `resources` by legacy address, `aws_s3_bucket.logs`, `aws_instance.web.1`,
 * `data.aws_iam_policy_document.x`, each with its `primary` object and its `deposed` ones) in
 * the shape of version 4's `resources`, as Terraform 0.12 upgrades them
 * (internal/states/statefile/version3_upgrade.go in hashicorp/terraform): the module's path as
 * `module.a.module.b`, the count index as `index_key`, the flat attributes as `attributes_flat`
 * (read back into nested values by flatmap.ts), a tainted object `tainted`, deposed objects
 * keyed `00000001`, … in their order, and the provider as 0.11 named it (`provider.aws`).
 */
export function upgradedResources(modules: readonly unknown[], skipped: SkippedInstance[]): JsonObject[] {
  const resources = new Map<string, JsonObject & { instances: JsonObject[] }>();
  for (const module of modules) {
    const path = isObject(module) && Array.isArray(module.path) ? module.path : undefined;
    if (path?.[0] !== 'root' || !path.every((step) => typeof step === 'string')) {
      skipped.push({
        address: '(modules entry)',
        reason: 'not a module of the state: its path does not start at root',
      });
      continue;
    }
    const moduleAddress = (path.slice(1) as string[]).map((name) => `module.${name}`).join('.');
    const held = isObject(module) && isObject(module.resources) ? module.resources : {};
    for (const [legacy, raw] of Object.entries(held)) {
      const address = `${moduleAddress ? `${moduleAddress}.` : ''}${legacy}`;
      const parsed = legacyAddress(legacy);
      if (!parsed || !isObject(raw)) {
        skipped.push({
          address,
          reason: 'not a resource of a version 3 state (type.name, type.name.N or data.type.name)',
        });
        continue;
      }
      const { mode, type, name, index } = parsed;
      const key = `${moduleAddress}\0${mode}\0${type}\0${name}`;
      let resource = resources.get(key);
      if (!resource) {
        resource = {
          ...(moduleAddress && { module: moduleAddress }),
          mode,
          type,
          name,
          provider: providerOf(raw.provider, type),
          instances: [],
        };
        resources.set(key, resource);
      }
      const indexKey = index === undefined ? {} : { index_key: index };
      if (isObject(raw.primary)) resource.instances.push({ ...indexKey, ...objectOf(raw.primary) });
      const deposed = Array.isArray(raw.deposed) ? raw.deposed : [];
      for (const [i, object] of deposed.entries())
        if (isObject(object))
          resource.instances.push({
            ...indexKey,
            deposed: (i + 1).toString(16).padStart(8, '0'),
            ...objectOf(object),
          });
    }
  }
  return [...resources.values()];
}

/** `aws_instance.web.1`, `data.aws_ami.ubuntu`: as parseLegacyResourceAddress reads it. */
function legacyAddress(
  legacy: string,
): { mode: 'managed' | 'data'; type: string; name: string; index: number | undefined } | undefined {
  let parts = legacy.split('.');
  const mode = parts.length > 2 && parts[0] === 'data' ? 'data' : 'managed';
  if (mode === 'data') parts = parts.slice(1);
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [type, name, index] = parts as [string, string, string | undefined];
  if (index !== undefined && !/^\d+$/.test(index)) return undefined;
  return { mode, type, name, index: index === undefined ? undefined : Number(index) };
}

/** The provider as 0.11 wrote it (`provider.aws`, `module.x.provider.aws.west`, `aws.west`, none: the type's). */
function providerOf(raw: unknown, type: string): string {
  if (typeof raw === 'string' && raw.includes('provider.')) return raw;
  if (typeof raw === 'string' && raw !== '') return `provider.${raw}`;
  return `provider.${type.split('_')[0]}`;
}

/** An object's flat attributes (its first-class `id` where they hold none) and whether it is tainted. */
function objectOf(object: JsonObject): JsonObject {
  const attributes = isObject(object.attributes) ? object.attributes : {};
  const id = typeof object.id === 'string' && object.id !== '' && !attributes.id ? { id: object.id } : {};
  return {
    attributes_flat: { ...attributes, ...id },
    ...(object.tainted === true && { status: 'tainted' }),
  };
}
