import path from 'node:path';
import type { Provider, Resource } from '../model/resource.ts';
import type { DocumentFormat, InputFormat, ReadContext } from './format.ts';

/**
 * Test recorders keep each API call in a file of its own: the HTTP status and the answer's body
 * (AWS placebo recordings, Cloud Custodian's Google Cloud flights). A cloud's recorder dialect
 * reads a document as one (`RecordingReader`); the cloud's document formats then read the body
 * of a successful answer as they read the CLI's output, and the rest is skipped with its reason.
 */
export interface RecordedAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** The recorded answer a document is, in one recorder's dialect; undefined when it is not one. */
export type RecordingReader = (document: unknown) => RecordedAnswer | undefined;

const succeeded = (status: number) => status >= 200 && status < 300;

/** The document formats, each also reading the body of a successful recorded answer. */
export function acceptingRecordings(recording: RecordingReader): (format: InputFormat) => InputFormat {
  const answerOf = (document: unknown) => {
    const recorded = recording(document);
    return recorded && succeeded(recorded.status) ? recorded.body : document;
  };
  return (format) => {
    if (format.kind !== 'document') return format;
    const recorded: DocumentFormat = {
      ...format,
      matches: (document) => format.matches(answerOf(document)),
      read: (document, ctx) => format.read(answerOf(document), ctx),
    };
    return recorded;
  };
}

/**
 * The recorded answers no other format reads: a call whose answer holds no resource kansa
 * checks, or an error. Each is skipped, said so, rather than rejected as an unknown file; an
 * error that is a fact (`readError` gives its resources) is read.
 */
export function recordedAnswerFormat(options: {
  readonly id: string;
  readonly provider: Provider;
  readonly description: string;
  readonly recording: RecordingReader;
  /** The error's code or status as the API names it, for the skip's reason. */
  readonly errorCode: (body: unknown) => string;
  readonly readError?: (body: unknown, ctx: ReadContext) => Resource[] | undefined;
}): DocumentFormat {
  return {
    kind: 'document',
    id: options.id,
    provider: options.provider,
    description: options.description,
    matches: (document) => options.recording(document) !== undefined,
    read(document, ctx) {
      const recorded = options.recording(document);
      const status = recorded?.status ?? 0;
      if (succeeded(status)) {
        const call = path.basename(ctx.file).replace(/_\d+\.json$/, '');
        ctx.skip(`a recorded answer of ${call} that kansa does not read: it holds no resource it checks`);
        return [];
      }
      const resources = options.readError?.(recorded?.body, ctx);
      if (resources) return resources;
      ctx.skip(
        `a recorded error answer (HTTP ${status}, ${options.errorCode(recorded?.body)}): it holds no resource`,
      );
      return [];
    },
  };
}
