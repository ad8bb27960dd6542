import { describe, expect, it } from 'vitest';
import { type Change, constant, plan } from './dialect-plan.ts';
import { findingOf, scanDocument } from './helpers.ts';

/**
 * Defender for Cloud plans as azurerm 2.x–4.x plan them (`azurerm_security_center_subscription_pricing`:
 * `tier`, `resource_type`, 3.x on `subplan`, 4.x `extension`). The plan carries no `deprecated`, which
 * the pricings API sets on Defender for Kubernetes, for container registries (replaced by Containers)
 * and for DNS: the plan's name tells (SOURCES.md, "azurerm 2.x, 3.x and 4.x, each in its own dialect").
 */

const SUBSCRIPTION = 'c3a1f14e-2c9d-4a2f-8b14-14e0a5b7c9aa';
const providers = { azurerm: { features: constant([{}]), subscription_id: constant(SUBSCRIPTION) } };
const PRICINGS = `/subscriptions/${SUBSCRIPTION}/providers/microsoft.security/pricings`;

function pricing(name: string, resourceType: string, tier: string): Change {
  return {
    address: `azurerm_security_center_subscription_pricing.${name}`,
    after: { resource_type: resourceType, subplan: null, tier, timeouts: null },
    afterUnknown: { id: true },
    expressions: { resource_type: constant(resourceType), tier: constant(tier) },
  };
}

describe('azurerm Defender plans that Azure has deprecated', () => {
  const document = plan(
    [
      pricing('k8s', 'KubernetesService', 'Free'),
      pricing('acr', 'ContainerRegistry', 'Free'),
      pricing('dns', 'Dns', 'Free'),
      pricing('servers', 'VirtualMachines', 'Free'),
    ],
    { terraformVersion: '1.5.7', providers },
  );

  it('are not applicable, whatever their tier, and the evidence names resource_type', async () => {
    const scanned = await scanDocument(document);
    for (const plan of ['KubernetesService', 'ContainerRegistry', 'Dns']) {
      const finding = findingOf(
        scanned,
        'azure.security.defender-plans',
        `${PRICINGS}/${plan.toLowerCase()}`,
      );
      expect(finding.status, plan).toBe('NOT_APPLICABLE');
      expect(JSON.stringify(finding.evidence), plan).toContain('.resource_type');
    }
  });

  it('are named by their plan, as the pricings API names them', async () => {
    const finding = findingOf(
      await scanDocument(document),
      'azure.security.defender-plans',
      `${PRICINGS}/virtualmachines`,
    );
    expect(finding.resource.name).toBe('VirtualMachines');
    expect(finding.data).toMatchObject({ plan: 'VirtualMachines' });
  });

  it('a plan in service is judged on its tier', async () => {
    const finding = findingOf(
      await scanDocument(document),
      'azure.security.defender-plans',
      `${PRICINGS}/virtualmachines`,
    );
    expect(finding.status).toBe('FAIL');
  });
});
