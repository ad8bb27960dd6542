import type { AzureVirtualMachineFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { decideOnFact } from '../../verdict.ts';

export default defineCheck({
  meta: {
    id: 'azure.compute.vm-encryption-at-host',
    provider: 'azure',
    resourceTypes: ['compute.vm'],
    // Scale sets set encryption at host in their VM profile, which kansa does not read.
    nativeTypes: ['microsoft.compute/virtualmachines'],
    severity: 'medium',
    title: {
      ja: '仮想マシンでホストでの暗号化が有効になっている',
      en: 'Virtual machines have encryption at host enabled',
    },
    rationale: {
      ja: 'マネージド ディスクは保存時に暗号化されますが、一時ディスクとディスク キャッシュは暗号化されません。ホストでの暗号化はこれらも含めて仮想マシンのデータをすべて暗号化します。',
      en: "Managed disks are encrypted at rest, but temp disks and disk caches are not; encryption at host encrypts all of the VM's data, those included.",
    },
    remediation: {
      ja: 'サブスクリプションで機能を登録し（az feature register --namespace Microsoft.Compute --name EncryptionAtHost）、仮想マシンを停止（割り当て解除）してから有効にします。Azure portal の [仮想マシン] > [設定] > [ディスク] > [追加の設定] >「ホストでの暗号化」。CLI: az vm update --name <VM 名> --resource-group <リソース グループ> --set securityProfile.encryptionAtHost=true',
      en: 'Register the feature on the subscription (az feature register --namespace Microsoft.Compute --name EncryptionAtHost), deallocate the VM, then enable it: Azure portal, Virtual machine > Settings > Disks > Additional settings > "Encryption at host". CLI: az vm update --name <vm> --resource-group <resource group> --set securityProfile.encryptionAtHost=true',
    },
    messages: {
      enabled: { ja: 'ホストでの暗号化が有効です', en: 'Encryption at host is enabled' },
      disabled: {
        ja: 'ホストでの暗号化が無効です（encryptionAtHost = {{value}}）',
        en: 'Encryption at host is off (encryptionAtHost = {{value}})',
      },
      unknown: {
        ja: 'エクスポートから securityProfile.encryptionAtHost が読み取れません',
        en: 'securityProfile.encryptionAtHost cannot be read from the export',
      },
    },
    references: [
      'https://learn.microsoft.com/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data',
    ],
  },
  evaluate(vm: Resource<AzureVirtualMachineFacts>) {
    return decideOnFact(
      factOf(vm.facts.encryptionAtHost, 'properties.securityProfile.encryptionAtHost'),
      (on) => on,
      { pass: 'enabled', fail: 'disabled', unknown: 'unknown' },
    );
  },
});
