import { idOf, row } from '../arg-rows.ts';

/** An AKS cluster's Resource Graph row; without `properties` when undefined (a projection). */
export const cluster = (properties: Record<string, unknown> | undefined, name = 'aks1') =>
  row(
    'Microsoft.ContainerService',
    'managedClusters',
    `managedClusters/${name}`,
    properties ? { properties } : {},
  );
export const ID = idOf(cluster({}));
