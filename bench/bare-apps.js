// The baselines of `npm run bench -- server`, plain JavaScript so that they start as `node` starts the bot
// (dist/main.js): `node bench/bare-apps.js bolt|cloudadapter|express PORT`. Each does the least its kind
// of app does: Bolt acks a slash command and a button; CloudAdapter answers a message; express answers
// /healthz. Slack calls go to SLACK_API_URL, Teams replies to the activity's serviceUrl (fakes in the bench).
const [kind, port] = process.argv.slice(2);

async function main() {
  if (kind === 'bolt') {
    const { App } = require('@slack/bolt');
    const app = new App({
      signingSecret: process.env.SLACK_SIGNING_SECRET,
      token: process.env.SLACK_BOT_TOKEN,
      tokenVerificationEnabled: false,
      clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
    });
    app.command('/samenspraak', async ({ ack }) => ack({ response_type: 'ephemeral', text: 'Hulp' }));
    app.action(/.*/, async ({ ack }) => ack());
    await app.start(Number(port));
  } else if (kind === 'cloudadapter') {
    const express = require('express');
    const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const app = express();
    app.use(express.json());
    app.post('/api/messages', (req, res) =>
      adapter.process(req, res, async (context) => {
        if (context.activity.type === 'message') await context.sendActivity('Hulp');
      }),
    );
    app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
    await new Promise((resolve) => app.listen(Number(port), '127.0.0.1', resolve));
  } else {
    const express = require('express');
    const app = express();
    app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
    await new Promise((resolve) => app.listen(Number(port), '127.0.0.1', resolve));
  }
  process.stdout.write('READY\n');
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
