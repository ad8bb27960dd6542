import type { AzureWebAppFacts } from '../../../model/azure.ts';
import { factOf } from '../../../model/facts.ts';
import type { Resource } from '../../../model/resource.ts';
import { defineCheck } from '../../check.ts';
import { missingData } from '../../missing-data.ts';
import { decideOnFacts, requirement } from '../../verdict.ts';
import { refusesLegacyTls } from '../lib/tls.ts';

export default defineCheck({
  meta: {
    id: 'azure.appservice.tls-only',
    provider: 'azure',
    resourceTypes: ['compute.serverless'],
    severity: 'medium',
    title: {
      ja: 'App Service が HTTPS のみ・TLS 1.2 以上・平文 FTP 無効で構成されている',
      en: 'App Service apps accept HTTPS only, TLS 1.2 or later, and no plain FTP',
    },
    rationale: {
      ja: 'HTTP や平文の FTP を受け付けると、利用者のデータやデプロイ資格情報が暗号化されずに流れます。TLS 1.0/1.1 には既知の脆弱性があります。',
      en: 'Accepting HTTP or plain FTP sends user data and deployment credentials unencrypted; TLS 1.0 and 1.1 have known weaknesses.',
    },
    remediation: {
      ja: 'Azure portal の [App Service] > [設定] > [構成] > [全般設定] で「HTTPS のみ」をオン、「最小受信 TLS バージョン」を 1.2、「FTP の状態」を「FTPS のみ」または「無効」にします。CLI: az webapp update --name <アプリ名> --resource-group <リソース グループ> --https-only true && az webapp config set --name <アプリ名> --resource-group <リソース グループ> --min-tls-version 1.2 --ftps-state FtpsOnly',
      en: 'In the Azure portal, App Service > Settings > Configuration > General settings, turn on "HTTPS Only", set "Minimum Inbound TLS Version" to 1.2 and "FTP state" to FTPS only or Disabled. CLI: az webapp update --name <app> --resource-group <resource group> --https-only true && az webapp config set --name <app> --resource-group <resource group> --min-tls-version 1.2 --ftps-state FtpsOnly',
    },
    messages: {
      compliant: {
        ja: 'HTTPS のみ・TLS 1.2 以上で、平文の FTP は受け付けません',
        en: 'HTTPS only, TLS 1.2 or later, and no plain FTP',
      },
      nonCompliant: {
        ja: '準拠していない設定があります: {{failing}}',
        en: 'Settings not compliant: {{failing}}',
      },
      unknown: missingData(
        {
          ja: 'エクスポートから {{unknown}} が読み取れません（az webapp config show の出力を追加してください）',
          en: '{{unknown}} cannot be read from the export (add the output of az webapp config show)',
        },
        'azureWebConfig',
        { ja: '{{unknown}} が読み取れません', en: '{{unknown}} cannot be read' },
      ),
    },
    references: [
      'https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-https',
      'https://learn.microsoft.com/azure/app-service/deploy-ftp#enforce-ftps',
    ],
  },
  evaluate(app: Resource<AzureWebAppFacts>) {
    return decideOnFacts(
      [
        requirement(factOf(app.facts.httpsOnly, 'properties.httpsOnly'), (httpsOnly) => httpsOnly),
        requirement(factOf(app.facts.minTlsVersion, 'properties.siteConfig.minTlsVersion'), refusesLegacyTls),
        requirement(
          factOf(app.facts.ftpsState, 'properties.siteConfig.ftpsState'),
          (state) => state.toLowerCase() !== 'allallowed',
        ),
      ],
      { pass: 'compliant', fail: 'nonCompliant', unknown: 'unknown' },
    );
  },
});
