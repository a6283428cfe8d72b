import { memberDataJson } from '../../core/discussion';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import { t } from '../../i18n/index';
import { actionOf, CONFIRM_WORDS, MY_DATA_ACTIONS } from './parse-command';
import { type ChatReply, privateText } from './reply';

/**
 * The JSON shown in chat at most: with the words around it the reply stays within one Slack section
 * (3,000 characters), so the code block is never cut in two.
 */
export const MAX_CHAT_JSON = 2_400;

/** The export in a code block, cut at a line when it is too long for a chat message. */
function exportText(member: Member, json: string, retentionDays: number, fullUrl?: string): string {
  const locale = member.locale;
  const intro = t(locale, 'chat.myData.export', { days: retentionDays });
  if (json.length <= MAX_CHAT_JSON) return `${intro}\n\`\`\`\n${json}\n\`\`\``;
  const cut = json.lastIndexOf('\n', MAX_CHAT_JSON);
  const shown = json.slice(0, cut > 0 ? cut : MAX_CHAT_JSON);
  const note = t(locale, fullUrl ? 'chat.myData.truncatedLink' : 'chat.myData.truncated', {
    shown: shown.length,
    total: json.length,
    memberId: member.id,
    url: fullUrl ?? '',
  });
  return `${intro}\n\`\`\`\n${shown}\n…\n\`\`\`\n${note}`;
}

/**
 * `mijn-gegevens`: the profile; `mijn-gegevens export`: everything stored about the member, privately;
 * `mijn-gegevens wis`: says what erasing does, and `mijn-gegevens wis bevestig` does it.
 */
export async function myDataCommand(core: Core, member: Member, args: string[]): Promise<ChatReply> {
  const locale = member.locale;
  const [word, confirm] = args;
  const action = actionOf(MY_DATA_ACTIONS, word);
  if (action === 'export') {
    const data = await core.exportMemberData(member.id);
    const json = memberDataJson(data);
    // A sign-in link is single-use: only made when the file is too long for the chat.
    const fullUrl = json.length > MAX_CHAT_JSON ? core.deps.dashboardLink?.(member.id) : undefined;
    return privateText(exportText(member, json, data.retentionDays, fullUrl));
  }
  if (action === 'erase') {
    if (CONFIRM_WORDS.some((w) => w === confirm?.toLowerCase())) {
      const { erased } = await core.eraseMemberTexts(member.id);
      return privateText(t(locale, 'chat.myData.erased', { count: erased }));
    }
    const { messages } = await core.exportMemberData(member.id);
    return privateText(t(locale, 'chat.myData.eraseAsk', { count: messages.length }));
  }
  if (word) return privateText(t(locale, 'chat.myData.usage'));
  const board = member.boardId ? await core.boardById(member.boardId) : null;
  return privateText(
    `${t(locale, 'chat.myData.profile', {
      name: member.name,
      board: board?.name ?? t(locale, 'chat.myData.noBoard'),
      locale: member.locale,
      timeZone: member.timeZone,
      peerContact: t(locale, member.peerContact ? 'chat.myData.yes' : 'chat.myData.no'),
    })}\n\n${t(locale, 'chat.myData.usage')}`,
  );
}
