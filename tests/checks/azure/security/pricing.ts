import { SUBSCRIPTION, SUBSCRIPTION_ID } from '../arg-rows.ts';

/** A securityresources pricing row; `scope` is the subscription or a resource (resource-level plan). */
export function pricing(plan: string, properties: Record<string, unknown>, scope = SUBSCRIPTION_ID) {
  return {
    id: `${scope}/providers/Microsoft.Security/pricings/${plan}`,
    name: plan,
    type: 'microsoft.security/pricings',
    subscriptionId: SUBSCRIPTION,
    resourceGroup: '',
    location: '',
    properties,
  };
}
