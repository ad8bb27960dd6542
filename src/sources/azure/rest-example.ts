import path from 'node:path';
import type { DocumentFormat } from '../format.ts';
import { isObject } from './arm-record.ts';

/**
 * The REST API specs' example files (`{"parameters", "responses": {"200": {"body"}}}`) that
 * `azure-arm` does not read, as an examples folder holds them beside the GET and list examples:
 * a delete (no body), a name check, an operations list, an error only. Each is skipped with its
 * operation and why, as a recorded answer that holds no resource is, rather than rejected as a
 * file of unknown format.
 */
export const azureRestExample: DocumentFormat = {
  kind: 'document',
  id: 'azure-rest-example',
  provider: 'azure',
  description:
    'an Azure REST API example file ({"parameters", "responses"}) whose answer holds no resource: a delete, a name check, an operations list, an error',
  matches(document) {
    if (!isObject(document) || !isObject(document.parameters) || !isObject(document.responses)) return false;
    const statuses = Object.keys(document.responses);
    return statuses.length > 0 && statuses.every((status) => /^(?:\d{3}|default)$/.test(status));
  },
  read(document, ctx) {
    const responses = isObject(document) ? document.responses : undefined;
    if (!isObject(document) || !isObject(responses)) return [];
    const name = [document.operationId, document.title].find((text) => typeof text === 'string');
    const operation = name ?? path.basename(ctx.file, '.json');
    const statuses = Object.keys(responses);
    const succeeded = statuses.filter((status) => /^2\d\d$/.test(status));
    const answered = succeeded.some((status) => {
      const response = responses[status];
      return isObject(response) && response.body !== undefined;
    });
    if (answered)
      ctx.skip(`a REST API example of ${operation}: its answer is not a resource or a list of resources`, {
        index: 0,
      });
    else if (succeeded.length > 0)
      ctx.skip(`a REST API example of ${operation}: its answer (HTTP ${succeeded.join(', ')}) has no body`, {
        index: 0,
      });
    else
      ctx.skip(`a REST API example of ${operation}: it shows only an error answer (${statuses.join(', ')})`, {
        index: 0,
      });
    return [];
  },
};
