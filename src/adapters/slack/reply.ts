import type { RespondFn } from '@slack/bolt';
import { chatTextToMrkdwn } from '../../cards/slack/mrkdwn';
import type { ChatReply } from '../chat/reply';

/** Chat text as a Slack message: the notification text and the same text in sections. */
export function slackText(chatText: string) {
  const text = chatTextToMrkdwn(chatText);
  return { text, blocks: textBlocks(text) };
}

/** Chat Markdown is already Slack mrkdwn; a long text is split over sections of at most 3,000 characters. */
function textBlocks(text: string) {
  const blocks = [];
  let rest = text;
  while (rest.length > 0) {
    let cut = rest.length <= 3000 ? rest.length : rest.lastIndexOf('\n', 3000);
    if (cut <= 0) cut = 3000;
    blocks.push({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: rest.slice(0, cut) } });
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  return blocks;
}

/** Answers a slash command through its response_url: privately unless the reply is for the channel. */
export async function respondWith(
  respond: RespondFn,
  reply: Extract<ChatReply, { type: 'text' }>,
): Promise<void> {
  await respond({
    response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
    ...slackText(reply.text),
  });
}
