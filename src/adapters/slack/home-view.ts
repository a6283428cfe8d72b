import type { HomeView, KnownBlock } from '@slack/types';
import { memberText } from '../../cards/member-text';
import { chatTextToMrkdwn } from '../../cards/slack/mrkdwn';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import { localDate } from '../../core/time';
import { t } from '../../i18n/index';
import { coverageText } from '../chat/coverage-text';

const section = (chatText: string): KnownBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: chatTextToMrkdwn(chatText) },
});

/** The App Home: open check-ins, communities, the current cycle; response and buttons for coordinators. */
export async function homeView(core: Core, member: Member): Promise<HomeView> {
  const locale = member.locale;
  const day = (d: Date) => localDate(d, member.timeZone);
  const overview = await core.memberOverview(member.id);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: t(locale, 'slack.home.title') } },
    section(t(locale, 'slack.home.intro')),
    ...(member.boardId ? [] : [section(t(locale, 'slack.home.noBoard'))]),
    {
      type: 'actions',
      block_id: 'profile',
      elements: [
        {
          type: 'button',
          action_id: 'profile.open',
          text: { type: 'plain_text', text: t(locale, 'slack.home.profile') },
          ...(member.boardId ? {} : { style: 'primary' as const }),
          value: '{}',
        },
      ],
    },
    { type: 'divider' },
    section(t(locale, 'slack.home.checkIns')),
  ];
  if (overview.openCheckIns.length === 0) blocks.push(section(t(locale, 'slack.home.noCheckIns')));
  for (const { cycle, answered } of overview.openCheckIns)
    blocks.push({
      ...section(
        t(locale, 'slack.home.checkIn', {
          cycle: cycle.name,
          closes: day(cycle.closesAt),
          state: t(locale, answered ? 'slack.home.answered' : 'slack.home.notAnswered'),
        }),
      ),
    });
  blocks.push({ type: 'divider' }, section(t(locale, 'slack.home.communities')));
  if (overview.communities.length === 0) blocks.push(section(t(locale, 'slack.home.noCommunities')));
  for (const c of overview.communities) {
    const theme = core.agendas.get(c.agendaId).themes.find((th) => th.id === c.themeId)?.title ?? c.themeId;
    blocks.push(section(t(locale, 'slack.home.community', { channel: c.channelId, theme })));
  }
  blocks.push({ type: 'divider' });
  const current = overview.currentCycle;
  blocks.push(
    section(
      current
        ? t(locale, 'slack.home.currentCycle', {
            cycle: memberText(current.name),
            status: t(locale, `chat.status.${current.status}`),
            opens: day(current.opensAt),
            closes: day(current.closesAt),
          })
        : t(locale, 'slack.home.noCycle'),
    ),
  );
  for (const p of overview.progress ?? []) {
    const coverage = await core.cycleCoverage({ memberId: member.id }, p.cycle.id);
    blocks.push(
      section(
        t(locale, 'slack.home.progress', {
          cycle: p.cycle.name,
          answered: p.answered,
          asked: p.asked,
          rate: p.asked ? Math.round((100 * p.answered) / p.asked) : 0,
        }),
      ),
      section(coverageText(coverage, locale).slice(0, 3000)),
      {
        type: 'actions',
        block_id: `cycle:${p.cycle.id}`,
        elements: [
          {
            type: 'button',
            action_id: 'cycle.remind',
            text: { type: 'plain_text', text: t(locale, 'slack.home.remind') },
            value: p.cycle.id,
          },
          {
            type: 'button',
            action_id: 'cycle.close',
            style: 'danger',
            text: { type: 'plain_text', text: t(locale, 'slack.home.close') },
            value: p.cycle.id,
            confirm: {
              title: { type: 'plain_text', text: t(locale, 'slack.home.close') },
              text: {
                type: 'plain_text',
                text: t(locale, 'slack.home.closeConfirm', { cycle: p.cycle.name }),
              },
              confirm: { type: 'plain_text', text: t(locale, 'slack.home.confirm') },
              deny: { type: 'plain_text', text: t(locale, 'slack.home.cancel') },
            },
          },
        ],
      },
    );
  }
  return { type: 'home', blocks };
}
