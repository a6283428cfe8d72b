// The fake Slack Web API and Bot Connector of `npm run bench -- server`, in a process of their own: the
// bot's calls to them (a command's answer through its response_url, a Teams reply) are then not served on
// the load client's event loop, where they would delay the timing of the next request. Prints one line,
// `FAKES {"slack": url, "connector": url}`, and runs until killed.
import { FakeSlack } from '../test/slack/fake-slack';
import { FakeConnector } from '../test/teams/fake-connector';

async function main() {
  const slack = await new FakeSlack().start();
  const connector = await new FakeConnector().start();
  process.stdout.write(`FAKES ${JSON.stringify({ slack: slack.url, connector: connector.url })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
