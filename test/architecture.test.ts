import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * "One way in" (issue 17): the doors ask the core, never the repositories. The lint enforces it
 * (`lint/no-repositories-in-doors.grit`, applied by biome.json to src/ outside core and store); these tests
 * show that the rule can fail, that it leaves the core alone, and that files stay small.
 */
const ROOT = path.resolve(__dirname, '..');
const BIOME = path.join(ROOT, 'node_modules', '.bin', 'biome');
const MAX_LINES = 300;

/** Lints `files` (relative path → source) in a scratch project with this project's lint configuration. */
function lintProbe(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  try {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'biome.json'), 'utf8'));
    config.vcs = { enabled: false };
    config.files = { includes: ['**'] };
    fs.writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
    fs.cpSync(path.join(ROOT, 'lint'), path.join(dir, 'lint'), { recursive: true });
    for (const [file, source] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), source);
    }
    try {
      execFileSync(BIOME, ['lint', '--max-diagnostics=100', '--colors=off', '.'], {
        cwd: dir,
        stdio: 'pipe',
      });
      return '';
    } catch (err) {
      const failed = err as { stdout: Buffer; stderr: Buffer };
      return `${failed.stdout.toString()}${failed.stderr.toString()}`;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('architecture', () => {
  const reach = [
    'export const view = (core: { deps: { store: { repos: { members: { get(id: string): unknown } } } } }) =>',
    "  core.deps.store.repos.members.get('m1');",
    '',
  ].join('\n');

  it('fails the lint when a door reads the repositories, wherever it sits outside the core and the store', () => {
    const report = lintProbe({
      'src/adapters/slack/probe.ts': reach,
      'src/delivery/probe.ts':
        "import { deliveryRepository } from '../store/repositories/delivery';\nexport { deliveryRepository };\n",
      'src/adapters/teams/probe.ts':
        'export const write = (core: { deps: { store: { transaction(f: (r: unknown) => void): void } } }) =>\n  core.deps.store.transaction(() => {});\n',
      'src/cards/probe.ts':
        'export const rows = (db: unknown, repositories: (db: unknown) => unknown) => repositories(db);\n',
    });
    expect(report).toContain('src/adapters/slack/probe.ts');
    expect(report).toContain('src/delivery/probe.ts');
    expect(report).toContain('src/adapters/teams/probe.ts');
    expect(report).toContain('src/cards/probe.ts');
    expect(report).toContain('A door asks the core, never the repositories');
  });

  it('lets the core and the store use them', () => {
    expect(lintProbe({ 'src/core/probe.ts': reach, 'src/store/probe.ts': reach })).toBe('');
  });

  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    const long = sourceFiles(path.join(ROOT, 'src'))
      .map((file) => ({
        file: path.relative(ROOT, file),
        lines: fs.readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
