import path from 'node:path';
import { teamsMode } from './adapters/teams/settings';
import { type Config, ConfigError } from './config';
import { isAppError } from './core/errors';
import { loadAgendas } from './store/agenda-files';

/**
 * What the environment names but zod alone cannot check: the agenda files load, CYCLE_RHYTHM names a
 * known agenda, Teams is configured wholly or not at all. Run before the server takes its port, so a
 * mistake stops the start with exit code 2 and the variable's name, never after "listening".
 */
export function checkStartup(config: Config): void {
  const problems: string[] = [];
  let agendaIds: string[] = [];
  try {
    agendaIds = loadAgendas(config.agendaFiles, config.dataDir).map((a) => a.id);
  } catch (err) {
    if (!isAppError(err) || !err.code.startsWith('AGENDA_')) throw err;
    const file = String(err.params.file ?? '');
    const named = config.agendaFiles.some((f) => path.resolve(f) === path.resolve(file));
    problems.push(`${named ? 'AGENDA_FILES' : 'DATA_DIR'}: ${err.message}`);
  }
  const rhythm = config.delivery.rhythm;
  if (rhythm && agendaIds.length && !agendaIds.includes(rhythm.agendaId))
    problems.push(
      `CYCLE_RHYTHM: agenda=${rhythm.agendaId} is not a known agenda (known: ${agendaIds.join(', ')})`,
    );
  try {
    teamsMode(config);
  } catch (err) {
    if (!isAppError(err) || err.code !== 'CONFIG_INVALID') throw err;
    problems.push(err.message.replace(/^Teams: /, ''));
  }
  if (problems.length) throw new ConfigError(problems);
}
