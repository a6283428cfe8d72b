import { type Activity, CardFactory } from 'botbuilder';

/** A refresh names at most 60 user ids (Universal Actions). */
export const MAX_REFRESH_USERS = 60;

/**
 * A member's escaped words (member-text.ts) with the escapes of characters that only format resolved, so
 * `#basisvaardigheden` reads without a backslash; those that could make a link or a tag (`[ ] ( ) < > !`)
 * stay escaped, which Teams' Markdown shows as the character itself.
 */
const resolveHarmlessEscapes = (text: string) => text.replace(/\\([\\`*_|#~])/g, '$1');

/**
 * Chat text is written as Slack mrkdwn (`*bold*`, one line per item). Teams Markdown reads `*x*` as
 * italics and joins single lines, so bold becomes `**x**` and every line its own paragraph. A code
 * block (```) is kept as it is: its lines stay lines.
 */
export function teamsMarkdown(text: string): string {
  return resolveHarmlessEscapes(text)
    .split(/(```[\s\S]*?```)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .split('\n')
            .map((line) => line.replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, '$1**$2**'))
            .join('\n\n'),
    )
    .join('');
}

export function textMessage(text: string): Partial<Activity> {
  return { type: 'message', text: teamsMarkdown(text), textFormat: 'markdown' };
}

export function cardMessage(card: object, summary?: string): Partial<Activity> {
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)], ...(summary ? { summary } : {}) };
}

/** The answer to an `adaptiveCard/action` invoke: the next card, shown in place of the one acted on. */
export function cardResponse(card: object) {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

/** The answer to an `adaptiveCard/action` invoke that is a short message instead of a card. */
export function messageResponse(text: string) {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

/** The answer to an invoke whose payload could not be read. */
export function badRequestResponse(message: string) {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
}

/**
 * Universal Actions refresh: Teams asks the bot for the card again for each of these users (at most 60)
 * when they look at it, so one message can show each person their own view.
 */
export function withRefresh(
  card: Record<string, unknown>,
  userIds: readonly string[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const users = [...new Set(userIds)].slice(0, MAX_REFRESH_USERS);
  if (users.length === 0) return card;
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb: 'refresh', data: { ...data, verb: 'refresh' } },
      userIds: users,
    },
  };
}
