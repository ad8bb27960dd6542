import { beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, loadCsvParser, readCsv } from '../../../src/sources/csv.ts';

const rowsOf = (text: string, options?: { padShortRows?: boolean }) => [
  ...readCsv(text, 'in.csv', options).rows,
];

// The CSV parser is loaded by the scan before a text format is asked (read-inputs); here, first.
beforeAll(loadCsvParser);

describe('readCsv', () => {
  it('gives each row the line it starts on, past blank lines and line breaks inside quoted cells', () => {
    const text = '\ufeffa,b\r\n1,"x\r\ny"\r\n  \r\n2,"{""k"":1}"\n3,\n';
    expect(readCsv(text, 'in.csv').header).toEqual(['a', 'b']);
    expect(rowsOf(text)).toEqual([
      { line: 2, cells: { a: '1', b: 'x\r\ny' } },
      { line: 5, cells: { a: '2', b: '{"k":1}' } },
      { line: 6, cells: { a: '3', b: '' } },
    ]);
  });

  it('throws, after the rows before it, an InputError naming the line of a stray quote', () => {
    const rows: unknown[] = [];
    expect(() => {
      for (const row of readCsv('a,b\n1,2\n3,x"y\n4,5\n', 'in.csv').rows) rows.push(row);
    }).toThrow(
      'in.csv:3: malformed CSV: a quote inside a cell of the row on this line (quotes in a cell are doubled, and the cell quoted)',
    );
    expect(rows).toEqual([{ line: 2, cells: { a: '1', b: '2' } }]);
  });

  it('refuses a row longer or shorter than the header, unless short rows are padded', () => {
    expect(() => rowsOf('a,b\n1,2,3\n')).toThrow(
      "in.csv:2: malformed CSV: the row's cells (3) do not match the header's columns (2)",
    );
    expect(() => rowsOf('a,b\n1\n')).toThrow(
      "in.csv:2: malformed CSV: the row's cells (1) do not match the header's columns (2)",
    );
    expect(rowsOf('a,b\n1\n', { padShortRows: true })).toEqual([{ line: 2, cells: { a: '1', b: '' } }]);
  });

  it('reads a header line, quoted or not, and nothing from a line that is not one', () => {
    expect(csvHeader('"id","name",type')).toEqual(['id', 'name', 'type']);
    expect(csvHeader('"id,name')).toBeUndefined();
  });
});
