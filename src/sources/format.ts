import type { Provider, Resource } from '../model/resource.ts';

/** What a format reader is given besides the data: where it is, and how to report a skipped record. */
export interface ReadContext {
  /** The file as the user named it (relative path), for origins and messages. */
  readonly file: string;
  /**
   * The file is an entry of a ZIP archive (`handover.zip!/aws/config.json`): its name is a label,
   * not a path, and nothing beside it is read from disk.
   */
  readonly archived?: true;
  /**
   * Terragrunt's log of `show -json` (input-bytes.ts): the unit each line's plan is of
   * (`live/app`), by line, where the log names it.
   */
  readonly lineUnits?: ReadonlyMap<number, string>;
  /** A record that cannot be used (not a resource, malformed, carrying no configuration) is skipped with a reason, never silently. */
  skip(reason: string, where?: { index?: number; line?: number }): void;
  /** A record that was read but is odd (a placeholder id, an unusual location): noted in the coverage. */
  note?(note: string, where?: { index?: number; line?: number }): void;
  /**
   * The file holds nothing to scan and that is no error (a template's parameter file): it is
   * listed as passed over, with why, as a findings file left among the exports is.
   */
  passOver?(reason: string): void;
}

interface FormatBase {
  /** Stable id shown in the coverage section, e.g. `aws-config-snapshot`. */
  readonly id: string;
  /**
   * Imports what `read` needs, for a format whose reader is large or needs a library: called
   * (by read-inputs) before `read`, once a file needs the format, so that a scan of other
   * exports does not load it (a 1,000-resource scan pays for every module it loads).
   */
  readonly load?: () => Promise<void>;
  /** The cloud whose resources it holds; `any` for a Terraform plan, which holds every provider's. */
  readonly provider: Provider | 'any';
  /** One line for `--help` and errors: which cloud command or API produces it. */
  readonly description: string;
}

/** A JSON document (object or array): recognised by its shape after parsing. */
export interface DocumentFormat extends FormatBase {
  readonly kind: 'document';
  matches(document: unknown): boolean;
  read(document: unknown, ctx: ReadContext): Iterable<Resource>;
}

/** Newline-delimited JSON, one record per line: recognised by its first record. */
export interface RecordFormat extends FormatBase {
  readonly kind: 'ndjson';
  matches(record: unknown): boolean;
  read(record: unknown, ctx: ReadContext, line: number): Iterable<Resource>;
}

/** A text format that is not JSON (e.g. the IAM credential report CSV): recognised by its first line. */
export interface TextFormat extends FormatBase {
  readonly kind: 'text';
  matches(firstLine: string): boolean;
  read(text: string, ctx: ReadContext): Iterable<Resource>;
}

export type InputFormat = DocumentFormat | RecordFormat | TextFormat;

/** A module a format imports in its `load`, for `read` to use (`lazyModule(() => import('./x.ts'))`). */
export function lazyModule<M>(importer: () => Promise<M>): { load(): Promise<void>; get(): M } {
  let module: M | undefined;
  return {
    async load() {
      module ??= await importer();
    },
    get() {
      if (module === undefined) throw new Error('a format read before its load()');
      return module;
    },
  };
}
