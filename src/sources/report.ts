import type { ValueProblem } from '../model/builder.js';

export interface IssueCount {
  count: number;
  /** a few places where it happened (file:line or record key), for the user to look at */
  examples: string[];
}

export interface SourceFile {
  path: string;
  bytes: number;
}

/**
 * What a reader saw: how many source entries it read, which valid entries or values it could not
 * use and why. Nothing a reader skips goes unreported.
 */
export class ReadReport {
  records = 0;
  files: SourceFile[] = [];
  /** a version the source states about itself (UN dateGenerated, a date in a file name…) */
  versionHint: string | undefined;
  readonly unusable = new Map<string, IssueCount>();

  /** A date the source states about itself (ISO); of several, the latest is the version. */
  noteVersion(date: string | undefined): void {
    if (date && (!this.versionHint || date > this.versionHint)) this.versionHint = date;
  }

  /** A valid entry or value that could not be used: counted under its reason. */
  skip(reason: string, where: string): void {
    let issue = this.unusable.get(reason);
    if (!issue) this.unusable.set(reason, (issue = { count: 0, examples: [] }));
    issue.count++;
    if (issue.examples.length < 5) issue.examples.push(where);
  }

  /** Sink for EntityBuilder: values that could not be cleaned, grouped by property. */
  valueProblem = (p: ValueProblem): void => {
    this.skip(`${p.prop}: ${p.reason.replace(/: ".*"$/, '')}`, `${p.entityId} ${JSON.stringify(p.value)}`);
  };

  get unusableTotal(): number {
    let n = 0;
    for (const i of this.unusable.values()) n += i.count;
    return n;
  }

  toJSON(): object {
    return {
      records: this.records,
      files: this.files,
      versionHint: this.versionHint,
      unusable: Object.fromEntries(this.unusable),
    };
  }
}
