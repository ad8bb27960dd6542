import { InputError } from '../base/input-error.ts';
import { lazyModule } from './format.ts';

/** csv-parse, imported by the first CSV a scan reads: a scan of JSON exports does not load it. */
const csvParse = lazyModule(() => import('csv-parse/sync'));

/** Loads the CSV parser, which the functions below use: a CSV format's `load`. */
export const loadCsvParser = csvParse.load;

/** One data row of a CSV file: its cells by column name, and the line it starts on (1-based). */
export interface CsvRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** The CSV dialect every CSV export kansa reads is written in: RFC 4180, `,`, LF or CRLF. */
const OPTIONS = {
  bom: true,
  // Cell counts are checked here, against the header, with the line the row starts on.
  relax_column_count: true,
  // Both, in any mix: a file edited on Windows keeps its LF lines beside the new CRLF ones.
  record_delimiter: ['\r\n', '\n'],
};

/**
 * The column names of a CSV header line, or undefined when the line is not one (a quote left
 * open). Formats recognise their CSV by it (`TextFormat.matches`).
 */
export function csvHeader(firstLine: string): readonly string[] | undefined {
  try {
    const [header] = csvParse.get().parse(firstLine, OPTIONS) as string[][];
    return header;
  } catch (error) {
    if (error instanceof csvParse.get().CsvError) return undefined;
    throw error;
  }
}

/**
 * The header's column for each of `names`, matched without regard to case or surrounding spaces
 * (of two such columns, the last); undefined when the header lacks one.
 */
export function requiredColumns<N extends string>(
  header: readonly string[],
  names: readonly N[],
): Readonly<Record<N, string>> | undefined {
  const byName = new Map(header.map((column) => [column.trim().toLowerCase(), column]));
  const columns = names.map((name) => [name, byName.get(name.toLowerCase())] as const);
  if (columns.some(([, column]) => column === undefined)) return undefined;
  return Object.fromEntries(columns) as Record<N, string>;
}

/**
 * A CSV format told by its header: `columnsOf` reads the header's column names as the format's
 * columns, or is undefined when they are not its header. `matches` recognises the format by its
 * first line (`TextFormat.matches`); `read` reads a file with its columns, an InputError at
 * line 1 (`notHeader`) when its header is not the format's.
 */
export function headedCsv<C>(columnsOf: (header: readonly string[]) => C | undefined, notHeader: string) {
  return {
    matches(firstLine: string): boolean {
      const header = csvHeader(firstLine);
      return header !== undefined && columnsOf(header) !== undefined;
    },
    read(text: string, file: string): { readonly columns: C; readonly rows: Iterable<CsvRow> } {
      const table = readCsv(text, file);
      const columns = columnsOf(table.header);
      if (columns === undefined) throw new InputError(file, notHeader, { line: 1 });
      return { columns, rows: table.rows };
    },
  };
}

/** A CSV file read: its header's column names, and its rows (read as they are iterated). */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: Iterable<CsvRow>;
}

/**
 * A CSV file with a header line; blank lines (or of spaces only) are passed over. A malformed file (a quote never
 * closed, a stray quote, a row whose cells do not match the header) is an InputError naming the
 * line its bad row starts on, thrown by `rows` after the rows before it, so that what they hold
 * is read. With `padShortRows`, a row with fewer cells than the header has the others empty.
 */
export function readCsv(text: string, file: string, options: { padShortRows?: boolean } = {}): CsvTable {
  const records: { line: number; cells: string[] }[] = [];
  let nextLine = 1;
  let failure: InputError | undefined;
  try {
    csvParse.get().parse(text, {
      ...OPTIONS,
      on_record: (cells: string[]) => {
        if (cells.length > 1 || cells[0]?.trim() !== '') records.push({ line: nextLine, cells });
        // A quoted cell may hold line breaks: the next row starts after them.
        nextLine += 1 + cells.reduce((breaks, cell) => breaks + lineBreaks(cell), 0);
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof csvParse.get().CsvError)) throw error;
    failure = new InputError(file, malformed(error), { line: nextLine });
  }
  const header = records[0]?.cells ?? [];
  return { header, rows: rowsOf(file, header, records.slice(1), failure, options.padShortRows === true) };
}

function* rowsOf(
  file: string,
  header: readonly string[],
  records: readonly { line: number; cells: string[] }[],
  failure: InputError | undefined,
  padShortRows: boolean,
): Generator<CsvRow> {
  for (const { line, cells } of records) {
    if (cells.length > header.length || (cells.length < header.length && !padShortRows))
      throw new InputError(
        file,
        `malformed CSV: the row's cells (${cells.length}) do not match the header's columns (${header.length})`,
        { line },
      );
    yield { line, cells: Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])) };
  }
  if (failure) throw failure;
}

function lineBreaks(cell: string): number {
  let count = 0;
  for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count++;
  return count;
}

/** csv-parse's error, worded for the person who fixes the file (the line is the InputError's). */
function malformed(error: InstanceType<typeof import('csv-parse/sync').CsvError>): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'malformed CSV: a quoted cell that starts in the row on this line is never closed';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'malformed CSV: a quote inside a cell of the row on this line (quotes in a cell are doubled, and the cell quoted)';
    default:
      return `malformed CSV (${error.message})`;
  }
}
