import { deliveryClients, outcomeOfSlackCall } from '../../src/adapters/slack/sender';
import { createBotFramework, postToConversation } from '../../src/adapters/teams/bot-framework';
import { outcomeOfConnectorCall } from '../../src/adapters/teams/sender';
import { loadConfig } from '../../src/config';
import type { SendOutcome } from '../../src/delivery/sender';
import { quietSlackLogger } from './quiet-slack-logger';

/** One send through each real client (short timeout) and what delivery makes of how it failed. */
const TIMEOUT_MS = 300;
const now = new Date('2027-03-01T08:00:00Z');
export async function slackOutcome(apiUrl: string): Promise<SendOutcome> {
  const client = deliveryClients(quietSlackLogger, `${apiUrl}/api/`, TIMEOUT_MS)('xoxb-T1');
  try {
    await client.chat.postMessage({ channel: 'U1', text: 'x' });
    return { kind: 'ok', ref: {} };
  } catch (err) {
    return outcomeOfSlackCall(err as never, now);
  }
}

export async function teamsOutcome(serviceUrl: string): Promise<SendOutcome> {
  const config = loadConfig({ NODE_ENV: 'test', DELIVERY_SEND_TIMEOUT_MS: String(TIMEOUT_MS) });
  const bot = createBotFramework(config, { kind: 'anonymous' }, {});
  const reference = {
    channelId: 'msteams',
    serviceUrl: `${serviceUrl}/`,
    conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' },
    user: { id: '29:1', name: '' },
    bot: { id: '28:bot', name: '' },
  };
  try {
    await postToConversation(bot, reference, { type: 'message', text: 'x' });
    return { kind: 'ok', ref: {} };
  } catch (err) {
    return outcomeOfConnectorCall(err, now);
  }
}
