import type { AzureWebAppFacts } from '../../../model/azure.ts';
import { asBoolean, asString, notSet, propertyFact } from '../property-facts.ts';
import type { Adapter } from './adapter.ts';
import { reachableByPublicNetworkAccess } from './network-access.ts';

/** Resource Graph shows `siteConfig` with most values null: the `config/web` record holds them. */
const IN_SITE_CONFIG = notSet(
  'absent: add the output of az webapp config show (the site record does not carry it)',
  '未設定: az webapp config show の出力を追加してください（サイトのレコードには含まれません）',
);

/** Public network access of an App Service app: empty or absent means enabled. */
const PUBLIC_BY_DEFAULT = {
  // https://learn.microsoft.com/azure/app-service/overview-access-restrictions
  default: 'Enabled',
  note: {
    ja: '未設定: アプリは既定でインターネットから到達できます',
    en: 'absent: an app is reachable from the internet by default',
  },
};

export const webApp: Adapter = {
  kansaType: 'compute.serverless',
  facts(record): AzureWebAppFacts {
    const publicNetworkAccess = propertyFact(record, ['publicNetworkAccess'], asString, PUBLIC_BY_DEFAULT);
    return {
      httpsOnly: propertyFact(record, ['httpsOnly'], asBoolean, {
        // https://learn.microsoft.com/azure/app-service/configure-ssl-bindings#enforce-https
        default: false,
        note: {
          ja: '未設定: 既定では HTTP の要求も受け付けます',
          en: 'absent: HTTP requests are accepted by default',
        },
      }),
      minTlsVersion: propertyFact(record, ['siteConfig.minTlsVersion'], asString, IN_SITE_CONFIG),
      ftpsState: propertyFact(record, ['siteConfig.ftpsState'], asString, IN_SITE_CONFIG),
      publicNetworkAccess,
      reachableFromInternet: reachableByPublicNetworkAccess(publicNetworkAccess),
    };
  },
};

/** `sites/<app>/config/web` (`az webapp config show`, REST GET): completes the app's siteConfig facts. */
export const webAppConfig: Adapter = {
  kansaType: 'compute.serverless',
  describesParent: true,
  facts(record): AzureWebAppFacts {
    return {
      minTlsVersion: propertyFact(record, ['minTlsVersion'], asString, IN_SITE_CONFIG),
      ftpsState: propertyFact(record, ['ftpsState'], asString, IN_SITE_CONFIG),
    };
  },
};
