import { asRecord } from './aws/config-item.ts';
import type { ReadContext } from './format.ts';

/*
 * The layout every cloud's ScoutSuite results share: `services.<service>.<scopes>.<scope id>`
 * (`regions` for AWS, `subscriptions` for Azure, `projects` for Google Cloud), then the scope's
 * collections of resources, each `{<id>: {…}}`.
 */

/** The members of a ScoutSuite collection (`{<id>: {…}}`), objects only. */
export function membersOf(value: unknown): [string, Record<string, unknown>][] {
  const record = asRecord(value);
  if (!record) return [];
  return Object.entries(record).flatMap(([key, member]): [string, Record<string, unknown>][] => {
    const object = asRecord(member);
    return object ? [[key, object]] : [];
  });
}

/** A service's scopes (`services.<service>.<level>.<scope id>`), by id. */
export function scopesOf(
  service: unknown,
  level: 'regions' | 'subscriptions' | 'projects',
): [string, Record<string, unknown>][] {
  return membersOf(asRecord(service)?.[level]);
}

/**
 * Notes the services' non-empty collections beyond those read (`read`: by service, its
 * collections), so that what the results hold and is not scanned is said.
 */
export function noteUnreadCollections(
  services: Record<string, unknown>,
  level: 'subscriptions' | 'projects',
  read: Readonly<Record<string, readonly string[]>>,
  ctx: ReadContext,
): void {
  const unread = new Set<string>();
  for (const [service, value] of Object.entries(services))
    for (const [, scope] of scopesOf(value, level))
      for (const [collection, members] of Object.entries(scope))
        if (membersOf(members).length > 0 && !read[service]?.includes(collection))
          unread.add(`${service}.${collection}`);
  noteUnread(unread, ctx);
}

/** Notes what of the results is not read (services, or `service.collection`), if anything. */
export function noteUnread(unread: Iterable<string>, ctx: ReadContext): void {
  const names = [...unread].sort();
  if (names.length > 0)
    ctx.note?.(
      `ScoutSuite services kansa does not read: ${names.join(', ')} (their resources are not scanned)`,
    );
}
