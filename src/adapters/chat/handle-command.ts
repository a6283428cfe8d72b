import { memberText } from '../../cards/member-text';
import { type Actor, isCoordinator } from '../../core/access';
import type { AudienceEntry } from '../../core/audience';
import { AppError, isAppError } from '../../core/errors';
import type { Core } from '../../core/index';
import type { Cycle, Member } from '../../core/model';
import { localDate, zonedInstant } from '../../core/time';
import { reportError } from '../../error-sink';
import { type Locale, t } from '../../i18n/index';
import { boardHoliday } from './board-holiday';
import { coverageText } from './coverage-text';
import { myDataCommand } from './my-data';
import { actionOf, CYCLE_ACTIONS, parseCommand, STEERING_ACTIONS } from './parse-command';
import { type ChatReply, privateText } from './reply';
import { answerRequestText, steeringRequestsText } from './steering-requests';

/** Where a command was typed: by whom, in which workspace, and in which channel (null in a 1:1 chat). */
export interface ChatContext {
  member: Member;
  workspaceId: string;
  channelId: string | null;
  channelName?: string;
  /** The people of this channel, from the platform (Slack `conversations.members`, the Teams roster). */
  channelPeople?: () => Promise<AudienceEntry[]>;
  /** Records the channel's recent messages, where the platform lets us read them; how many were new. */
  importHistory?: () => Promise<number>;
}

/** `cyclus plan … kanaal`: the audience is the people of the channel the command was typed in. */
const CHANNEL_AUDIENCE = ['kanaal', 'channel'];

function agendaText(core: Core, locale: Locale, themeQuery?: string): string {
  const lines: string[] = [];
  const selected = themeQuery ? [core.agendas.findTheme(themeQuery)] : null;
  for (const agenda of core.agendas.agendas) {
    const themes = selected
      ? selected.filter((s) => s.agenda.id === agenda.id).map((s) => s.theme)
      : agenda.themes;
    if (themes.length === 0) continue;
    lines.push(t(locale, 'chat.agenda.header', { name: agenda.name, association: agenda.association }));
    for (const theme of themes) {
      lines.push(t(locale, 'chat.agenda.theme', { id: theme.id, title: theme.title }));
      for (const amb of agenda.ambitions.filter((a) => a.theme === theme.id)) {
        lines.push(t(locale, 'chat.agenda.ambition', { id: amb.id, title: amb.title, tag: amb.tag }));
        if (selected) for (const act of amb.actions) lines.push(t(locale, 'chat.agenda.action', act));
      }
      if (selected) for (const act of theme.actions) lines.push(t(locale, 'chat.agenda.action', act));
    }
    if (!selected && agenda.themes.every((th) => th.kind === 'line'))
      for (const amb of agenda.ambitions)
        lines.push(t(locale, 'chat.agenda.ambition', { id: amb.id, title: amb.title, tag: amb.tag }));
  }
  return lines.join('\n');
}

/** A cycle by id, id prefix or (case-insensitive) name; with no reference, the open or latest one. */
async function findCycle(core: Core, locale: Locale, ref: string | undefined): Promise<Cycle> {
  const cycles = await core.listCycles();
  if (!ref) {
    const current = cycles.find((c) => c.status === 'open') ?? cycles[0];
    if (!current) throw new AppError('UNKNOWN_CYCLE', 'no cycles', { cycle: '' });
    return current;
  }
  const lower = ref.toLowerCase();
  const matches = cycles.filter(
    (c) => c.id === ref || c.id.startsWith(ref) || c.name.toLowerCase() === lower,
  );
  if (matches.length === 1) return matches[0] as Cycle;
  if (matches.length > 1)
    throw new ChatRefusal(
      t(locale, 'chat.cycle.ambiguous', { ref, names: matches.map((c) => memberText(c.name)).join(', ') }),
    );
  throw new AppError('UNKNOWN_CYCLE', `no cycle ${ref}`, { cycle: ref });
}

/** A refusal whose text is ready for the person. */
class ChatRefusal extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function cycleCommand(
  core: Core,
  ctx: ChatContext,
  locale: Locale,
  args: string[],
): Promise<ChatReply> {
  const [word, ...rest] = args;
  const action = actionOf(CYCLE_ACTIONS, word);
  const actor: Actor = { memberId: ctx.member.id };
  // Refuse before looking anything up, so a member learns nothing about cycles (the core checks again).
  if (action && !isCoordinator(ctx.member))
    throw new AppError('NOT_COORDINATOR', 'cycle commands are for coordinators');
  const timeZone = ctx.member.timeZone;
  const day = (d: Date) => localDate(d, timeZone);
  switch (action) {
    case 'plan': {
      const fromChannel = CHANNEL_AUDIENCE.includes((rest.at(-1) ?? '').toLowerCase());
      const words = fromChannel ? rest.slice(0, -1) : rest;
      const closes = words.at(-1);
      const opens = words.at(-2);
      let nameWords = words.slice(0, -2);
      if (!opens || !closes || !DATE.test(opens) || !DATE.test(closes) || nameWords.length === 0)
        return privateText(t(locale, 'chat.cycle.usage'));
      const community = ctx.channelId ? await core.communityOfChannel(ctx.workspaceId, ctx.channelId) : null;
      let agendaId = community?.agendaId ?? (core.agendas.agendas[0]?.id as string);
      if (core.agendas.agendas.some((a) => a.id === nameWords[0])) {
        agendaId = nameWords[0] as string;
        nameWords = nameWords.slice(1);
      }
      let members: string[] = [];
      if (fromChannel) {
        if (!ctx.channelId || !ctx.channelPeople) return privateText(t(locale, 'chat.cycle.needsChannel'));
        const people = await core.enrolAudience(actor, await ctx.channelPeople(), `channel:${ctx.channelId}`);
        if (people.length === 0) return privateText(t(locale, 'chat.cycle.emptyChannel'));
        members = people.map((m) => m.id);
      }
      const cycle = await core.planCycle(actor, {
        agendaId,
        name: nameWords.join(' '),
        scope: [],
        audience: { boards: [], members },
        opensAt: zonedInstant(opens, '00:00', timeZone),
        closesAt: zonedInstant(closes, '23:59', timeZone),
      });
      const coverage = await core.cycleCoverage(actor, cycle.id);
      return privateText(
        `${t(locale, fromChannel ? 'chat.cycle.plannedChannel' : 'chat.cycle.planned', {
          name: memberText(cycle.name),
          opens,
          closes,
          count: members.length,
        })}\n${coverageText(coverage, locale)}`,
      );
    }
    case 'start': {
      const cycle = await core.openCycle(actor, (await findCycle(core, locale, rest.join(' '))).id);
      return privateText(t(locale, 'chat.cycle.started', { name: memberText(cycle.name) }));
    }
    case 'close': {
      const cycle = await core.closeCycle(actor, (await findCycle(core, locale, rest.join(' '))).id);
      return privateText(t(locale, 'chat.cycle.closed', { name: memberText(cycle.name) }));
    }
    case 'status': {
      const cycle = await findCycle(core, locale, rest.join(' ') || undefined);
      const p = await core.cycleProgress(actor, cycle.id);
      return privateText(
        `${t(locale, 'chat.cycle.status', {
          name: memberText(cycle.name),
          status: t(locale, `chat.status.${cycle.status}`),
          answered: p.answered,
          total: p.checkIns.length,
          rate: Math.round(p.responseRate * 100),
        })}\n${day(cycle.opensAt)} → ${day(cycle.closesAt)}\n${coverageText(
          await core.cycleCoverage(actor, cycle.id),
          locale,
        )}`,
      );
    }
    default:
      return privateText(t(locale, 'chat.cycle.usage'));
  }
}

async function run(core: Core, ctx: ChatContext, text: string): Promise<ChatReply> {
  const locale = ctx.member.locale;
  const command = parseCommand(text);
  const actor: Actor = { memberId: ctx.member.id };
  const inChannel = () => {
    if (!ctx.channelId) throw new AppError('NOT_A_COMMUNITY_CHANNEL', 'not in a channel');
    return ctx.channelId;
  };
  const themeTitle = (agendaId: string, themeId: string) =>
    core.agendas.get(agendaId).themes.find((th) => th.id === themeId)?.title ?? themeId;
  switch (command.name) {
    case 'unknown':
      return privateText(
        `${t(locale, command.suggestion ? 'chat.unknownSuggest' : 'chat.unknown', {
          word: command.word,
          suggestion: command.suggestion ?? '',
        })}\n\n${t(locale, 'chat.help')}`,
      );
    case 'help':
      return privateText(t(locale, 'chat.help'));
    case 'agenda':
      return privateText(agendaText(core, locale, command.args.join(' ') || undefined));
    case 'community': {
      const [verb, ...theme] = command.args;
      if (!['koppel', 'link'].includes((verb ?? '').toLowerCase()) || theme.length === 0)
        return privateText(t(locale, 'chat.community.usage'));
      if (!ctx.channelId) return privateText(t(locale, 'chat.community.needsChannel'));
      const community = await core.linkCommunity(actor, {
        workspaceId: ctx.workspaceId,
        channelId: ctx.channelId,
        channelName: ctx.channelName,
        theme: theme.join(' '),
      });
      const linked = t(locale, 'chat.community.linked', {
        theme: themeTitle(community.agendaId, community.themeId),
      });
      const imported = ctx.importHistory ? await ctx.importHistory() : 0;
      return privateText(
        imported ? `${linked}\n${t(locale, 'chat.community.imported', { count: imported })}` : linked,
      );
    }
    case 'join':
    case 'leave': {
      const join = command.name === 'join';
      const { community, changed } = join
        ? await core.joinCommunity(ctx.member.id, ctx.workspaceId, inChannel())
        : await core.leaveCommunity(ctx.member.id, ctx.workspaceId, inChannel());
      const key = join
        ? changed
          ? 'chat.join.done'
          : 'chat.join.already'
        : changed
          ? 'chat.leave.done'
          : 'chat.leave.notMember';
      return privateText(t(locale, key, { theme: themeTitle(community.agendaId, community.themeId) }));
    }
    case 'practice':
      return { type: 'form', form: 'practice-form', data: { channelId: ctx.channelId } };
    case 'summary': {
      if (command.args.length === 0) return privateText(t(locale, 'chat.summary.usage'));
      const { agenda, ambition } = await core.findAmbition(ctx.member, command.args.join(' '));
      return {
        type: 'card',
        card: 'summary',
        data: { agendaId: agenda.id, ambitionId: ambition.id },
        visibility: 'private',
      };
    }
    case 'cycle':
      return cycleCommand(core, ctx, locale, command.args);
    case 'dashboard': {
      const url = core.deps.dashboardLink?.(ctx.member.id);
      return privateText(
        url ? t(locale, 'dashboard.chat.link', { url }) : t(locale, 'chat.dashboard.unavailable'),
      );
    }
    case 'profile':
      return { type: 'form', form: 'profile', data: {} };
    case 'holiday':
      // Refused before any board is looked up (the core checks again).
      if (!isCoordinator(ctx.member))
        throw new AppError('NOT_COORDINATOR', 'board holidays are for coordinators');
      return privateText(await boardHoliday(core, actor, locale, command.args));
    case 'myData':
      return myDataCommand(core, ctx.member, command.args);
    case 'steering': {
      const [verb, ...rest] = command.args;
      const action = actionOf(STEERING_ACTIONS, verb);
      if (action === 'requests') return privateText(await steeringRequestsText(core, actor, locale));
      if (action === 'answer') return privateText(await answerRequestText(core, actor, locale, rest));
      if (action !== 'decide') return privateText(t(locale, 'steering.usage'));
      // Refused before any cycle is looked up (the core checks again).
      if (!isCoordinator(ctx.member)) throw new AppError('NOT_COORDINATOR', 'steering is for coordinators');
      const ref = rest.join(' ');
      const closed = (await core.listCycles()).find((c) => c.status === 'closed');
      const cycle = ref ? await findCycle(core, locale, ref) : closed;
      if (!cycle) throw new AppError('UNKNOWN_CYCLE', 'no closed cycle', { cycle: '' });
      if (cycle.status !== 'closed')
        throw new AppError('CYCLE_NOT_CLOSED', `cycle ${cycle.id} is ${cycle.status}`, { cycle: cycle.name });
      return { type: 'form', form: 'steering-form', data: { cycleId: cycle.id } };
    }
  }
}

/**
 * Runs a chat command for a person. Refusals (no permission, unknown theme, closed cycle …) come back
 * as a polite private message in their language; anything unexpected is reported and answered
 * with a general apology, never a stack trace.
 */
export async function handleCommand(core: Core, ctx: ChatContext, text: string): Promise<ChatReply> {
  try {
    return await run(core, ctx, text);
  } catch (err) {
    if (err instanceof ChatRefusal) return privateText(err.message);
    if (isAppError(err)) return privateText(t(ctx.member.locale, `error.${err.code}`, err.params));
    reportError(core.deps.logger, err, { command: text.slice(0, 100), member: ctx.member.id });
    return privateText(t(ctx.member.locale, 'error.INTERNAL'));
  }
}
