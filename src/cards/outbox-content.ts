import { SCHEDULER } from '../core/access';
import type { ClaimedMessage } from '../core/delivery-ports';
import { deliveryProblems } from '../core/delivery-problems';
import { DIGEST_KIND } from '../core/discussion';
import type { Core } from '../core/index';
import { type Member, UPDATE_STATUSES } from '../core/model';
import type { CycleResultsPayload } from '../core/results';
import { dateTimeFormat } from '../core/time';
import { type Locale, t } from '../i18n/index';
import { chatMarkdown } from './chat-markdown';
import { checkinData, practiceViewData, profileData } from './member-data';
import { memberText } from './member-text';
import { peerAcceptedText, peerOfferCard, peerRequestCard } from './peer-content';
import { renderCard } from './render/index';
import { steeringAnswerText, steeringOverdueText, steeringText } from './steering-text';
import type { BoundCard } from './template';

/**
 * What an outbox row shows, before a platform formats it: a card, or text (chat Markdown), with the
 * replies to post in its thread after it (a digest).
 */
export type OutboxContent = { card: BoundCard; summary?: string } | { text: string; replies?: string[] };

function resultsText(results: CycleResultsPayload, locale: Locale): string {
  const lines = [
    t(locale, 'outbox.results.header', {
      cycle: memberText(results.cycleName),
      answered: results.answered,
      asked: results.asked,
    }),
  ];
  for (const item of results.items) {
    const counts = UPDATE_STATUSES.filter((s) => item.byStatus[s] > 0).map(
      (s) => `${item.byStatus[s]} ${t(locale, `card.status.${s}`).toLowerCase()}`,
    );
    if (item.steeringNeeded > 0)
      counts.push(t(locale, 'outbox.results.steering', { count: item.steeringNeeded }));
    lines.push(
      t(locale, 'outbox.results.item', { title: memberText(item.title), counts: counts.join(', ') || '–' }),
    );
  }
  return lines.join('\n');
}

async function noticeText(
  core: Core,
  payload: Record<string, unknown>,
  member: Member | null,
  locale: Locale,
) {
  const from = new Date(String(payload.from));
  const to = new Date(String(payload.to));
  const problems = await deliveryProblems(core.deps, SCHEDULER, from, to);
  const time = (d: Date) =>
    dateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      timeStyle: 'short',
      dateStyle: 'short',
      timeZone: member?.timeZone ?? 'Europe/Amsterdam',
    }).format(d);
  const lines = [t(locale, 'outbox.notice.header', { from: time(from), to: time(to) })];
  if (problems.dead.length)
    lines.push(
      t(locale, 'outbox.notice.dead', {
        count: problems.dead.length,
        kinds: [...new Set(problems.dead.map((d) => d.kind))].join(', '),
      }),
    );
  if (problems.unreachable.length)
    lines.push(
      t(locale, 'outbox.notice.unreachable', {
        names: problems.unreachable.map((m) => memberText(m.name)).join(', '),
      }),
    );
  if (lines.length === 1) lines.push(t(locale, 'outbox.notice.none'));
  return lines.join('\n');
}

/**
 * The content of an outbox row, in the recipient's language (in a channel: Dutch), the same for every
 * platform. `welcomeKey` is the platform's way of telling a channel how to join (Slack: a slash command,
 * Teams: an @mention). Null for a kind this function does not know or a recipient that is gone.
 */
export async function outboxContent(
  core: Core,
  message: ClaimedMessage,
  welcomeKey: string,
): Promise<OutboxContent | null> {
  const payload = message.payload;
  const member = message.memberId ? await core.memberById(message.memberId) : null;
  const locale: Locale = member?.locale ?? 'nl';
  switch (message.kind) {
    case 'checkin.prompt':
    case 'checkin.reminder': {
      if (!member) return null;
      const data = await checkinData(core, member, String(payload.cycleId));
      const summary =
        message.kind === 'checkin.reminder'
          ? t(locale, 'outbox.reminder', { cycle: memberText(data.cycle.name) })
          : undefined;
      return { card: renderCard('checkin', data, locale), summary };
    }
    case 'profile.prompt': {
      if (!member) return null;
      const summary = t(locale, 'outbox.profile.prompt');
      // Slack shows inputs only in a modal: there the prompt is a message whose button opens the form.
      if (message.platform !== 'teams') {
        const forCycle = payload.cycleId
          ? ((await core.cycleById(String(payload.cycleId)))?.name ?? null)
          : null;
        return { card: renderCard('profile-prompt', { forCycle }, locale), summary };
      }
      return { card: renderCard('profile', await profileData(core, member), locale), summary };
    }
    case 'community.welcome': {
      const theme = core.agendas.get(String(payload.agendaId)).themes.find((th) => th.id === payload.themeId);
      return { text: t(locale, welcomeKey, { theme: theme?.title ?? String(payload.themeId) }) };
    }
    case 'practice.posted': {
      const practice = await core.postedPractice(String(payload.practiceId));
      if (!practice) return null;
      const viewer = member ?? ({ timeZone: 'Europe/Amsterdam' } as Member);
      return { card: renderCard('practice-view', await practiceViewData(core, practice, viewer), locale) };
    }
    case 'cycle.results':
      return { text: resultsText(payload as unknown as CycleResultsPayload, locale) };
    case DIGEST_KIND: {
      const { markdown } = await core.digestContent(payload);
      return { text: chatMarkdown(markdown.root), replies: markdown.replies.map(chatMarkdown) };
    }
    case 'steering.decided': {
      const decision = await core.postedDecision(String(payload.decisionId));
      return decision ? { text: await steeringText(core, decision, locale) } : null;
    }
    case 'steering.answered': {
      const text = member ? await steeringAnswerText(core, payload, member) : null;
      return text ? { text } : null;
    }
    case 'steering.overdue': {
      const text = await steeringOverdueText(core, payload, locale);
      return text ? { text } : null;
    }
    case 'peer.offer': {
      if (!member) return null;
      return { card: await peerOfferCard(core, payload, member), summary: t(locale, 'peer.offer.summary') };
    }
    case 'peer.request': {
      const card = member ? await peerRequestCard(core, payload, member) : null;
      return card ? { card, summary: t(locale, 'peer.request.summary') } : null;
    }
    case 'peer.accepted': {
      const text = member ? await peerAcceptedText(core, payload, member) : null;
      return text ? { text } : null;
    }
    case 'notice.delivery':
      return { text: await noticeText(core, payload, member, locale) };
    default:
      return null;
  }
}
