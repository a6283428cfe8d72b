import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../config';
import { isAppError } from '../../core/errors';
import { ROOT } from '../../paths';
import { buildPackage, MANIFEST_DIR, writeIcons } from './app-package';

export const DEFAULT_OUT = path.join('dist', 'teams', 'samenspraak-teams.zip');

const USAGE = `Usage: npm run package:teams [-- --out FILE] [-- --icons]
Writes the Teams app package (manifest.json, color.png, outline.png) with MICROSOFT_APP_ID as app and
bot id and the host of PUBLIC_URL as domain. --icons draws the icons into manifests/teams again.`;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** `npm run package:teams`: the installable zip for sideloading or the Teams admin centre. */
export function packageTeams(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io): number {
  if (argv.includes('--help')) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (argv.includes('--icons')) {
    writeIcons();
    io.out(`drew ${path.join(MANIFEST_DIR, 'color.png')} and outline.png\n`);
    return 0;
  }
  const outIndex = argv.indexOf('--out');
  const out = path.resolve(ROOT, outIndex >= 0 ? (argv[outIndex + 1] ?? DEFAULT_OUT) : DEFAULT_OUT);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`package:teams: ${err.message}\n`);
    return 2;
  }
  const missing = [
    config.teams.appId ? null : 'MICROSOFT_APP_ID (the bot’s Entra app id)',
    config.publicUrl ? null : 'PUBLIC_URL (the https address Teams reaches the server on)',
  ].filter(Boolean);
  if (missing.length > 0) {
    io.err(`package:teams: set ${missing.join(' and ')}.\n${USAGE}\n`);
    return 2;
  }
  const version = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  let archive: Buffer;
  try {
    archive = buildPackage({
      appId: config.teams.appId as string,
      publicUrl: config.publicUrl as string,
      version,
    });
  } catch (err) {
    if (!isAppError(err)) throw err;
    io.err(`package:teams: ${err.message}\n`);
    return 2;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, archive);
  io.out(`wrote ${path.relative(process.cwd(), out) || out} (${archive.length} bytes)\n`);
  return 0;
}

if (require.main === module)
  process.exitCode = packageTeams(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
