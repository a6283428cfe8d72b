import { ANNA, personalMessage } from '../teams/fixtures';
import { seededRandom } from './mutate';
import { fuzzSlack, startSlackFuzz } from './slack-fuzz';
import { impossibleRows, newStats } from './stats';
import { fuzzTeams, startTeamsFuzz } from './teams-fuzz';

export interface FuzzReport {
  seed: number;
  slack: number;
  teams: number;
  seconds: number;
  statuses: Record<string, Record<number, number>>;
  refusedChecked: number;
  /** Everything that broke a promise: empty when the run passed. */
  violations: string[];
}

/**
 * The hostile-input suite: `slack` mutated signed Slack requests and `teams` mutated Teams activities with
 * valid tokens, from one seed. Asserts nothing itself; the report lists every violation: a 5xx, a row
 * written for refused input, a workspace or member with an empty id, an unhandled error, or a door that
 * no longer answers a plain request afterwards.
 */
export async function runFuzz(options: { seed: number; slack: number; teams: number }): Promise<FuzzReport> {
  const stats = newStats();
  const started = Date.now();
  const crashes: string[] = [];
  const onCrash = (err: unknown) =>
    crashes.push(`unhandled: ${String((err as Error)?.stack ?? err).slice(0, 300)}`);
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  try {
    const random = seededRandom(options.seed);
    if (options.slack > 0) {
      const slack = await startSlackFuzz();
      try {
        await fuzzSlack(slack, random, options.slack, stats);
        const still = await slack.rig.command('help');
        if (still.status !== 200)
          stats.violations.push(`slack: a plain /samenspraak help got ${still.status} afterwards`);
        stats.violations.push(...(await impossibleRows(slack.rig.t.db)).map((v) => `slack: ${v}`));
      } finally {
        await slack.close();
      }
    }
    if (options.teams > 0) {
      const teams = await startTeamsFuzz();
      try {
        await fuzzTeams(teams, random, options.teams, stats);
        const still = await teams.rig.post(personalMessage(teams.rig.where, ANNA, 'help'));
        if (still.status !== 200) stats.violations.push(`teams: a plain help got ${still.status} afterwards`);
        stats.violations.push(...(await impossibleRows(teams.t.db)).map((v) => `teams: ${v}`));
      } finally {
        await teams.close();
      }
    }
  } finally {
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
  }
  return {
    ...options,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    statuses: stats.statuses,
    refusedChecked: stats.refusedChecked,
    violations: [...stats.violations, ...crashes],
  };
}
