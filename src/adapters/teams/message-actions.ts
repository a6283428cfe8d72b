import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import { isAppError } from '../../core/errors';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import { t } from '../../i18n/index';
import { channelIdOf, messageActionSchema, type TeamsActivity } from './activity';

/**
 * "Koppel aan ambitie": a message action (the … menu of a channel message) that links the message to
 * ambitions of the community's agenda through the core's linkMessage.
 */
export const LINK_COMMAND_ID = 'linkAmbition';

const linkSubmission = z.object({
  ambitions: z
    .string()
    .max(500)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.string().regex(/^a\d+$/)).min(1)),
});

const taskMessage = (text: string) => ({ task: { type: 'message', value: text } });

export type TaskResponse = ReturnType<typeof taskMessage> | { task: { type: 'continue'; value: object } };

async function communityOf(core: Core, member: Member, activity: TeamsActivity) {
  const channelId = channelIdOf(activity);
  const community = channelId ? await core.communityOfChannel(member.workspaceId, channelId) : null;
  return community ? { community, channelId: channelId as string } : null;
}

/** `composeExtension/fetchTask`: the form to choose the ambitions. */
export async function linkForm(
  core: Core,
  member: Member,
  activity: TeamsActivity,
): Promise<TaskResponse | null> {
  const locale = member.locale;
  const value = messageActionSchema.safeParse(activity.value);
  if (!value.success || value.data.commandId !== LINK_COMMAND_ID) return null;
  const found = await communityOf(core, member, activity);
  if (!found) return taskMessage(t(locale, 'error.NOT_A_COMMUNITY_CHANNEL'));
  const agenda = core.agendas.get(found.community.agendaId);
  const theme = agenda.themes.find((th) => th.id === found.community.themeId);
  const ambitions = [...agenda.ambitions].sort(
    (a, b) => Number(b.theme === found.community.themeId) - Number(a.theme === found.community.themeId),
  );
  const card = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: t(locale, 'teams.link.intro', { theme: theme?.title ?? '' }), wrap: true },
      {
        type: 'Input.ChoiceSet',
        id: 'ambitions',
        label: t(locale, 'teams.link.label'),
        isMultiSelect: true,
        isRequired: true,
        choices: ambitions.map((a) => ({ title: `${a.number}. ${a.title}`, value: a.id })),
      },
    ],
    actions: [{ type: 'Action.Submit', title: t(locale, 'teams.link.submit') }],
  };
  return {
    task: {
      type: 'continue',
      value: { title: t(locale, 'teams.link.title'), width: 'medium', card: CardFactory.adaptiveCard(card) },
    },
  };
}

/** `composeExtension/submitAction`: links the message. */
export async function linkSubmit(
  core: Core,
  member: Member,
  activity: TeamsActivity,
): Promise<TaskResponse | null> {
  const locale = member.locale;
  const value = messageActionSchema.safeParse(activity.value);
  if (!value.success || value.data.commandId !== LINK_COMMAND_ID) return null;
  const message = value.data.messagePayload;
  const chosen = linkSubmission.safeParse(value.data.data ?? {});
  if (!message || !chosen.success) return taskMessage(t(locale, 'teams.badRequest'));
  const found = await communityOf(core, member, activity);
  if (!found) return taskMessage(t(locale, 'error.NOT_A_COMMUNITY_CHANNEL'));
  try {
    const linked = await core.linkMessage(member.id, {
      workspaceId: member.workspaceId,
      channelId: found.channelId,
      externalId: message.id,
      ambitions: chosen.data.ambitions,
    });
    const agenda = core.agendas.get(found.community.agendaId);
    const names = linked.links
      .filter((l) => chosen.data.ambitions.includes(l.ambitionId))
      .map((l) => agenda.ambitions.find((a) => a.id === l.ambitionId)?.title ?? l.ambitionId);
    return taskMessage(t(locale, 'teams.link.done', { ambitions: names.join(', ') }));
  } catch (err) {
    if (isAppError(err)) return taskMessage(t(locale, `error.${err.code}`, err.params));
    throw err;
  }
}
