import path from 'node:path';

/** Bad input: names the file, the line or record, and the reason. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly where: string | undefined,
    readonly reason: string,
  ) {
    super(`${path.relative(process.cwd(), file) || file}${where ? `:${where}` : ''}: ${reason}`);
    this.name = 'SourceError';
  }
}

/** The format is not one sanctrace reads, or the inputs do not fit it. */
export class UsageError extends Error {
  override name = 'UsageError';
}
