/** The scope is the subscription, or above it: a management group or the root. */
export function controlsSubscription(scope: string, subscriptionId: string): boolean {
  return scope === subscriptionId || isAbove(scope);
}

/** A scope above the subscriptions: a management group or the root (lower-cased by the reader). */
export function isAbove(scope: string | undefined): boolean {
  return scope === '/' || isManagementGroup(scope);
}

/** A management group's scope (lower-cased by the reader). */
export function isManagementGroup(scope: string | undefined): boolean {
  return scope?.startsWith('/providers/microsoft.management/managementgroups/') ?? false;
}
