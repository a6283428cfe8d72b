import fs from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../../src/adapters/cli/commands/index';
import { runCli } from '../../src/cli';

/** `samenspraak --help` as a person sees it. */
async function help(): Promise<string> {
  const lines: string[] = [];
  const code = await runCli(['--help'], (locale) => ({
    locale,
    out: (line) => lines.push(line),
    note: (line) => lines.push(line),
    withCore: () => Promise.reject(new Error('--help needs no database')),
  }));
  expect(code).toBe(0);
  return lines.join('\n');
}

/** The first column of README's command table, as written (code spans, `\|` unescaped). */
function readmeCommands(): string {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## The command line'),
    readme.indexOf('## Run it in production'),
  );
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => (l.replace(/\\\|/g, '¦').split('|')[1] ?? '').replace(/¦/g, '|'))
    .join('\n');
}

/** Each command and sub-command named (`cycle status`), and each flag (`--members`). */
function signature(text: string) {
  const names = COMMANDS.map((c) => c.name);
  const words = text.split(/[\s`|,]+/);
  const commands = new Set<string>();
  words.forEach((word, i) => {
    if (!names.includes(word)) return;
    const sub = words[i + 1] ?? '';
    commands.add(
      /^(db|agenda|boards|cycle|cards)$/.test(word) && /^[a-z]+$/.test(sub) ? `${word} ${sub}` : word,
    );
  });
  const flags = new Set([...text.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]));
  return { commands: [...commands].sort(), flags: [...flags].sort() };
}

/** The commands of the usage lines, without their descriptions (which follow three spaces or more). */
const helpCommands = (text: string) =>
  text
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s{3,}/)[0])
    .join('\n');

describe("README's command table", () => {
  it('names the same commands, sub-commands and flags as samenspraak --help', async () => {
    const fromHelp = signature(helpCommands(await help()));
    const fromReadme = signature(readmeCommands());
    // --json and --lang belong to every command: the README says so above its table.
    expect({ ...fromReadme, flags: [...new Set([...fromReadme.flags, '--json', '--lang'])].sort() }).toEqual(
      fromHelp,
    );
    expect(fromHelp.commands).toContain('cycle status');
    expect(fromHelp.commands).toContain('boards list');
  });
});
