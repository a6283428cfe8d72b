import { memberText } from '../../cards/member-text';
import type { Actor } from '../../core/access';
import type { Core } from '../../core/index';
import type { AnswerLinks } from '../../core/steering-answers';
import type { Locale } from '../../i18n/index';
import { t } from '../../i18n/index';

/** `vragen`: the open steering requests for coordinators, overdue first, with the code to answer them by. */
export async function steeringRequestsText(core: Core, actor: Actor, locale: Locale): Promise<string> {
  const items = await core.steeringRequests(actor);
  const waiting = items.filter((i) => i.state !== 'answered');
  if (waiting.length === 0) return t(locale, 'steering.requests.none');
  const lines = [
    t(locale, 'steering.requests.header', {
      open: waiting.length,
      overdue: waiting.filter((i) => i.state === 'overdue').length,
      answered: items.length - waiting.length,
    }),
  ];
  for (const item of waiting) {
    const cycle = await core.cycleById(item.update.cycleId);
    const board = await core.boardById(item.update.boardId);
    lines.push(
      t(locale, 'steering.requests.item', {
        ref: item.ref,
        board: memberText(board?.name ?? '?'),
        item: item.update.itemId,
        cycle: memberText(cycle?.name ?? item.update.cycleId),
        late: item.state === 'overdue' ? t(locale, 'steering.requests.late') : '',
        explanation: memberText(item.update.steeringExplanation || '–'),
      }),
    );
  }
  lines.push(t(locale, 'steering.requests.howTo'));
  return lines.join('\n');
}

const LINK_WORDS = {
  practice: ['praktijk', 'praktijkvoorbeeld', 'practice'],
  contact: ['contact', 'bestuur', 'board'],
} as const;

/**
 * The answer's text and its optional links: `<tekst> | praktijk: <titel of nummer> | contact: <bestuur>`.
 * A part after a `|` that names no link stays part of the text.
 */
export function answerParts(typed: string): { text: string; links: AnswerLinks } {
  const [first = '', ...rest] = typed.split('|');
  const text = [first];
  const links: AnswerLinks = {};
  for (const part of rest) {
    const m = /^\s*([\p{L}]+)\s*:\s*(.+?)\s*$/u.exec(part);
    const word = m?.[1]?.toLowerCase() ?? '';
    const kind = (Object.keys(LINK_WORDS) as (keyof AnswerLinks)[]).find((k) =>
      (LINK_WORDS[k] as readonly string[]).includes(word),
    );
    if (m && kind) links[kind] = m[2];
    else text.push(part);
  }
  return { text: text.join('|').trim(), links };
}

/** `antwoord <code> <tekst> [| praktijk: …] [| contact: …]`: the answer goes to the member who asked. */
export async function answerRequestText(
  core: Core,
  actor: Actor,
  locale: Locale,
  args: readonly string[],
): Promise<string> {
  const [ref = '', ...words] = args;
  const { text, links } = answerParts(words.join(' '));
  const answer = await core.answerSteeringRequest(actor, ref, text, links);
  const request = (await core.steeringRequests(actor)).find((r) => r.update.id === answer.updateId);
  const asker = request?.update.memberId ? await core.memberById(request.update.memberId) : null;
  return t(locale, 'steering.answered.saved', { name: memberText(asker?.name ?? '?') });
}
