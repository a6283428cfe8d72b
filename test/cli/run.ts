import type { CliContext } from '../../src/adapters/cli/command';
import { runCli } from '../../src/cli';
import type { Core } from '../../src/core/index';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `samenspraak …` in this process against a test core: what a coordinator would see, and the exit code. */
export async function runOn(core: Core, argv: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(
    argv,
    (locale): CliContext => ({
      locale,
      out: (line) => stdout.push(line),
      note: (line) => stderr.push(line),
      withCore: (fn) => fn(core),
    }),
  );
  const text = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');
  return { code, stdout: text(stdout), stderr: text(stderr) };
}
