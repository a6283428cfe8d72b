import fs from 'node:fs';
import path from 'node:path';

/**
 * A ratchet on "one way in" (issue 17): every door should call the core, never the repositories. Today
 * some still do; this counts their uses outside src/core and src/store and fails when the count grows,
 * naming the files. Lower the budget when uses move into the core.
 */
// 110 before the steering loop, whose outbox texts and chat answers (cards/steering-text.ts,
// adapters/chat/steering-requests.ts) still read 22 through the repositories: the next to move. The
// answer's text for the board member asks the core now (core/steering-answers.ts): 127.
const BUDGET = 127;

const SRC = path.resolve(__dirname, '../src');
const INSIDE = ['core', 'store'].map((dir) => path.join(SRC, dir) + path.sep);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/**
 * Uses of the repositories in a file's code (comments do not count): the word `repos`
 * (`core.deps.store.repos.members.get`, a transaction's `repos`), `repositories(db)`, and imports from
 * store/repositories (platform-only storage that belongs behind a port the adapter is handed).
 */
function repositoryUses(source: string): number {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return code.match(/\brepos\b|\brepositories\(|store\/repositories\//g)?.length ?? 0;
}

describe('architecture', () => {
  it('does not let the doors use the repositories more than they do today', () => {
    const uses = sourceFiles(SRC)
      .filter((file) => !INSIDE.some((dir) => file.startsWith(dir)))
      .map((file) => ({
        file: path.relative(SRC, file),
        uses: repositoryUses(fs.readFileSync(file, 'utf8')),
      }))
      .filter((f) => f.uses > 0)
      .sort((a, b) => b.uses - a.uses);
    const total = uses.reduce((sum, f) => sum + f.uses, 0);
    const listing = uses.map((f) => `  ${f.uses}\tsrc/${f.file}`).join('\n');
    if (total > BUDGET)
      throw new Error(
        `${total} repository uses outside src/core and src/store (the budget is ${BUDGET}); ask the core instead:\n${listing}`,
      );
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('counts what it is meant to count, and not comments', () => {
    const source = [
      "import { slackInstallationRepository } from '../../store/repositories/slack-installations';",
      'const repos = repositories(db); // repos in a comment',
      '/* core.deps.store.repos.members */',
      'await core.deps.store.transaction(async (repos) => repos.audit.write(entry));',
      'const reposition = 1; // a word that only starts alike',
    ].join('\n');
    expect(repositoryUses(source)).toBe(5);
  });
});
