/**
 * Bad input, told the way a person fixes it: which file, where in it, what was expected.
 * The CLI prints it; a scan with several inputs lists it in the coverage section and goes on.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(file: string, message: string, position?: { line: number; column?: number }) {
    const where = position ? `${file}:${position.line}${position.column ? `:${position.column}` : ''}` : file;
    super(`${where}: ${message}`);
    this.name = 'InputError';
    this.file = file;
    this.line = position?.line;
    this.column = position?.column;
  }
}
