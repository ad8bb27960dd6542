import { row } from '../arg-rows.ts';

/** A virtual machine's Resource Graph row; without `properties` when undefined (a projection). */
export const vm = (properties: Record<string, unknown> | undefined) =>
  row('Microsoft.Compute', 'virtualMachines', 'virtualMachines/vm1', properties ? { properties } : {});

/** A classic (Service Management) VM's Resource Graph row. */
export const classicVm = row('Microsoft.ClassicCompute', 'virtualMachines', 'virtualMachines/vmclassic', {
  properties: { provisioningState: 'Succeeded', hardwareProfile: { size: 'Small' } },
});
