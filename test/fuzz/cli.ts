import { runFuzz } from './run';

/**
 * `npm run fuzz [-- --seed N --slack N --teams N]`: the full hostile-input suite (5,000 Slack requests and
 * 1,000 Teams activities by default). Prints the report as JSON; exits 1 when anything was violated.
 */
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name}: expected a whole number`);
  return value;
};

void runFuzz({ seed: arg('seed', 11), slack: arg('slack', 5000), teams: arg('teams', 1000) }).then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = report.violations.length ? 1 : 0;
  },
);
