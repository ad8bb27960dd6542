import type { Provider } from '../model/resource.ts';
import type { DocumentFormat } from './format.ts';

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A CLI command whose answer holds nothing a check reads, told by the fields its items always have. */
export interface UnreadAnswer {
  readonly command: string;
  readonly is: (item: JsonObject) => boolean;
  /** For an answer that names no resource: the command whose output kansa reads the same settings from. */
  readonly readFrom?: string;
  /** For an answer that is no command's output (a failed call's): why it holds nothing, from its item. */
  readonly failed?: (item: JsonObject) => string;
}

/**
 * CLI answers that hold nothing a check reads, as a vendor hands them over beside the ones kansa
 * reads, one file per command: known, so skipped naming the command, not rejected as an unknown
 * format (which would make the scan partial). A file is one command's answer: an array, one
 * object, or the API's page (its list under one of `pageKeys`); every item must be of the command.
 */
export function unreadAnswerFormat(options: {
  readonly id: string;
  readonly provider: Provider;
  readonly description: string;
  readonly answers: readonly UnreadAnswer[];
  readonly pageKeys: readonly string[];
}): DocumentFormat {
  const itemsOf = (document: unknown): readonly unknown[] => {
    if (Array.isArray(document)) return document;
    if (!isObject(document)) return [];
    const key = options.pageKeys.find(
      (name) => Array.isArray(document[name]) && (document[name] as unknown[]).length > 0,
    );
    return key ? (document[key] as unknown[]) : [document];
  };
  const answerOf = (document: unknown): UnreadAnswer | undefined => {
    const items = itemsOf(document);
    if (items.length === 0 || !items.every(isObject)) return undefined;
    const first = items[0] as JsonObject;
    const answer = options.answers.find((candidate) => candidate.is(first));
    return answer && items.every((item) => answer.is(item as JsonObject)) ? answer : undefined;
  };
  return {
    kind: 'document',
    id: options.id,
    provider: options.provider,
    description: options.description,
    matches: (document) => answerOf(document) !== undefined,
    read(document, ctx) {
      const answer = answerOf(document);
      if (answer?.failed) ctx.skip(`${answer.command}: ${answer.failed(itemsOf(document)[0] as JsonObject)}`);
      else if (answer?.readFrom)
        ctx.skip(`${answer.command} names no resource: kansa reads these settings from ${answer.readFrom}`);
      else if (answer) ctx.skip(`${answer.command}: no kansa check reads its output`);
      return [];
    },
  };
}
