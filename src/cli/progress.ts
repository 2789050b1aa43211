import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const QUIET: Progress = { update() {}, stop() {} };

/** A progress bar on stderr when it is a terminal; silent in pipes and CI. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env['CI']) return QUIET;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label.padEnd(22)} [{bar}] {percentage}% | {value}/{total} kB | {duration_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      const kb = (n: number) => Math.round(n / 1024);
      if (!started) {
        bar.start(kb(total), 0);
        started = true;
      }
      bar.setTotal(kb(total));
      bar.update(kb(done));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
