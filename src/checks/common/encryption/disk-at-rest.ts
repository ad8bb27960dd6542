import type { AwsEncryptedStoreFacts } from '../../../model/aws.ts';
import type { CommonFacts } from '../../../model/facts.ts';
import { defineCheck } from '../../check.ts';
import { AT_REST_MESSAGES, type AtRestMessage, encryptedFlag, platformEncryption } from './at-rest.ts';

/** Virtual machine disks are encrypted at rest, whoever holds the key (see at-rest.ts). */
export default defineCheck<AwsEncryptedStoreFacts & CommonFacts, AtRestMessage>({
  meta: {
    id: 'common.encryption.disk-at-rest',
    provider: 'any',
    resourceTypes: ['compute.disk'],
    severity: 'high',
    title: {
      ja: '仮想マシンのディスクが保存時に暗号化されている',
      en: 'Virtual machine disks are encrypted at rest',
    },
    rationale: {
      ja: '仮想マシンのディスク暗号化は確実に行う必要があります（大阪市ガイドライン 第4章 3.5(1) 表 No.4.1）。EBS ボリュームは暗号化なしで作成できます。Azure と Google Cloud のディスクは常に暗号化されます。',
      en: 'Virtual machine disks must be encrypted (Osaka guidelines Ch.4 3.5(1) table No.4.1). EBS volumes can be created unencrypted; Azure and Google Cloud disks are always encrypted.',
    },
    remediation: {
      ja: '暗号化されていない EBS ボリュームはスナップショットを暗号化してコピーし（aws ec2 copy-snapshot --encrypted）、そこから作ったボリュームに置き換えます。以後のために aws ec2 enable-ebs-encryption-by-default を各リージョンで実行します。',
      en: 'Copy a snapshot of the unencrypted EBS volume with encryption (aws ec2 copy-snapshot --encrypted) and replace the volume with one made from it; run aws ec2 enable-ebs-encryption-by-default in every Region for new volumes.',
    },
    messages: AT_REST_MESSAGES,
    references: [
      'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
      'https://learn.microsoft.com/azure/virtual-machines/disk-encryption',
      'https://cloud.google.com/compute/docs/disks/disk-encryption',
    ],
  },
  evaluate(resource, ctx) {
    if (resource.provider === 'aws') return encryptedFlag(resource, 'configuration.encrypted', ctx.inventory);
    return platformEncryption(resource);
  },
});
