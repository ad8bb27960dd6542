import { type UnreadAnswer, unreadAnswerFormat } from '../unread-answers.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Microsoft Graph's objects (`az ad …` since CLI 2.37) are named by a bare GUID, the older AAD Graph's by `objectId`. */
const directoryObject = (item: Readonly<Record<string, unknown>>) =>
  (typeof item.id === 'string' && GUID.test(item.id)) || typeof item.objectId === 'string';

/**
 * Azure CLI answers that hold nothing a check reads (unread-answers.ts): Microsoft Entra
 * directory objects, which carry no ARM id, and the subscription's resource providers. Each is
 * told by the fields its object always has.
 */
const UNREAD: readonly UnreadAnswer[] = [
  // https://learn.microsoft.com/graph/api/resources/user
  {
    command: 'az ad user list / show',
    is: (item) => directoryObject(item) && typeof item.userPrincipalName === 'string',
  },
  // https://learn.microsoft.com/graph/api/resources/group
  {
    command: 'az ad group list / show',
    is: (item) =>
      directoryObject(item) &&
      typeof item.securityEnabled === 'boolean' &&
      typeof item.mailEnabled === 'boolean',
  },
  // https://learn.microsoft.com/graph/api/resources/serviceprincipal
  {
    command: 'az ad sp list / show',
    is: (item) =>
      directoryObject(item) && typeof item.appId === 'string' && Array.isArray(item.servicePrincipalNames),
  },
  // https://learn.microsoft.com/graph/api/resources/application
  {
    command: 'az ad app list / show',
    is: (item) =>
      directoryObject(item) && typeof item.appId === 'string' && typeof item.signInAudience === 'string',
  },
  // https://learn.microsoft.com/rest/api/resources/providers/list
  {
    command: 'az provider list / show',
    is: (item) => typeof item.namespace === 'string' && typeof item.registrationState === 'string',
  },
];

export const azureCliUnread = unreadAnswerFormat({
  id: 'azure-cli-unread',
  provider: 'azure',
  description:
    'Azure CLI output that holds nothing a check reads (az ad user / group / sp / app list, az provider list): skipped naming the command',
  answers: UNREAD,
  // Microsoft Graph's and ARM's pages: `{"@odata.context", "value": [...]}`.
  pageKeys: ['value'],
});
