import { type ErrorCode, isAppError } from './core/errors';
import type { Logger } from './core/ports';

/** What to do about an error, where we know it, for the person reading the logs. */
const FIXES: Partial<Record<ErrorCode, string>> = {
  DATA_DIR_IN_USE: 'Stop the other process, give this one its own DATA_DIR, or set DATABASE_URL.',
  DB_UNAVAILABLE: 'Check that PostgreSQL runs and that DATABASE_URL points at it.',
  MIGRATION_FAILED: 'Read the SQL error above; fix the database or the migration and start again.',
  AGENDA_INVALID: 'Correct the agenda file at the path named; `samenspraak agenda validate FILE` checks it.',
  AGENDA_FILE_UNREADABLE: 'Check the path in AGENDA_FILES and the file permissions.',
  CONFIG_INVALID: 'Correct the environment variables named; see the table in README.md.',
  TEAMS_SDK_CHANGED:
    'Install the botbuilder and botframework-connector versions of package-lock.json (npm ci).',
};

/** The one place errors are logged: with their code, and the fix where one is known. */
export function reportError(logger: Logger, err: unknown, context: Record<string, unknown> = {}): void {
  if (isAppError(err)) {
    logger.error({ ...context, code: err.code, fix: FIXES[err.code], err }, err.message);
    return;
  }
  const code = (err as { code?: unknown })?.code;
  logger.error(
    { ...context, code: typeof code === 'string' ? code : 'INTERNAL', fix: FIXES[code as ErrorCode], err },
    err instanceof Error ? err.message : String(err),
  );
}
