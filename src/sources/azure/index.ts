import type { InputFormat } from '../format.ts';
import { azureAccountList } from './account-list.ts';
import { azureArm } from './arm.ts';
import { azureCassette } from './cassette.ts';
import { azureCliUnread } from './cli-unread.ts';
import { azureFlowLogStatus } from './flow-log-status.ts';
import { azureGraphCli } from './graph-cli.ts';
import { azureGraphCsv } from './graph-csv.ts';
import { azureEntraUsersCsv, azureGraphDirectory } from './graph-directory.ts';
import { azureGraphLines } from './graph-lines.ts';
import { azureGraphRest } from './graph-rest.ts';
import { azureKeyVaultDataPlane } from './keyvault-data-plane.ts';
import { azurePortalCsv } from './portal-csv.ts';
import { azurePowerShell } from './powershell.ts';
import { azureRestExample } from './rest-example.ts';
import { azureArmTemplate } from './template.ts';

/** The azure export formats kansa reads offline. */
export const azureFormats: readonly InputFormat[] = [
  azureGraphCli,
  azureGraphRest,
  azureGraphCsv,
  azureGraphLines,
  azurePortalCsv,
  azureEntraUsersCsv,
  // Before azure-arm: a security group's or storage account's object also carries an ARM `Id`.
  azurePowerShell,
  azureArm,
  azureArmTemplate,
  azureCassette,
  azureKeyVaultDataPlane,
  azureAccountList,
  azureFlowLogStatus,
  azureGraphDirectory,
  // Last: the example files azure-arm does not read, and answers no check reads.
  azureRestExample,
  azureCliUnread,
];
