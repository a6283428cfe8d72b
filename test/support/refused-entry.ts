// Prints what delivery makes of a refused connection, through both real clients, outside jest's sandbox.
import { slackOutcome, teamsOutcome } from './client-outcomes';

const url = process.argv[2] ?? '';
Promise.all([slackOutcome(url), teamsOutcome(url)]).then(
  ([slack, teams]) => process.stdout.write(JSON.stringify({ slack, teams })),
  (err: unknown) => {
    process.stderr.write(String(err));
    process.exit(1);
  },
);
