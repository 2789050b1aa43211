import path from 'node:path';

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Bad input: names the file, the line or record, and the reason. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly where: string | undefined,
    readonly reason: string,
  ) {
    super(`${displayPath(file)}${where ? `:${where}` : ''}: ${reason}`);
    this.name = 'SourceError';
  }
}

/** The format is not one sanctrace reads, or the inputs do not fit it. */
export class UsageError extends Error {
  override name = 'UsageError';
}
