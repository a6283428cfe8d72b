import { ActivityTypes, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Member } from '../../core/model';
import { t } from '../../i18n/index';
import { runCardAction } from './actions';
import { activityKey, adaptiveCardActionSchema, channelIdOf, type TeamsActivity } from './activity';
import { firstDelivery, localeFor, releasedOnFailure, type TeamsDoor } from './door';
import { linkForm, linkSubmit } from './message-actions';
import { meetSender } from './people';
import { badRequestResponse, cardMessage, messageResponse } from './render';

/**
 * An invoke: a card's Universal Action or the "link to ambition" message action. Answered once; a resend
 * gets the answer stored for the first delivery.
 */
export async function onInvoke(
  door: TeamsDoor,
  context: TurnContext,
  activity: TeamsActivity,
): Promise<void> {
  const { core, store } = door;
  const answer = (response: InvokeResponse) =>
    context.sendActivity({ type: ActivityTypes.InvokeResponse, value: response });
  let run: (member: Member) => Promise<InvokeResponse>;
  if (activity.name === 'adaptiveCard/action') {
    const value = adaptiveCardActionSchema.safeParse(activity.value);
    if (!value.success) {
      const body = badRequestResponse(t(await localeFor(door, activity), 'teams.badRequest'));
      await answer({ status: 400, body });
      return;
    }
    run = (member) =>
      cardAction(door, context, activity, member, value.data.action.verb, value.data.action.data);
  } else if (
    activity.name === 'composeExtension/fetchTask' ||
    activity.name === 'composeExtension/submitAction'
  ) {
    const fetch = activity.name === 'composeExtension/fetchTask';
    run = async (member) => {
      const body = fetch ? await linkForm(core, member, activity) : await linkSubmit(core, member, activity);
      if (body) return { status: 200, body };
      return {
        status: 400,
        body: { task: { type: 'message', value: t(member.locale, 'teams.badRequest') } },
      };
    };
  } else {
    // Not an invoke this bot offers: a 400 that says so (botbuilder would answer 501, a server error).
    await answer({
      status: 400,
      body: badRequestResponse(t(await localeFor(door, activity), 'teams.badRequest')),
    });
    return;
  }
  const key = activityKey(activity);
  if (!(await firstDelivery(door, key))) {
    const earlier = key ? await store.invokeResponse(key) : null;
    await answer(
      (earlier as InvokeResponse | null) ?? {
        status: 200,
        body: messageResponse(t(await localeFor(door, activity), 'teams.repeated')),
      },
    );
    return;
  }
  const response = await releasedOnFailure(door, key, async () => {
    const r = await run(await meetSender(door, activity));
    if (key) await store.saveInvokeResponse(key, r, core.deps.clock.now());
    return r;
  });
  await answer(response);
}

async function cardAction(
  { core }: TeamsDoor,
  context: TurnContext,
  activity: TeamsActivity,
  member: Member,
  verb: string,
  data: Record<string, unknown>,
): Promise<InvokeResponse> {
  const result = await runCardAction({ core, member, channelId: channelIdOf(activity) }, verb, data);
  if (result.replaceOriginal && activity.replyToId)
    // The message itself shows the receipt from now on, for everyone who sees it.
    await context.updateActivity({ ...cardMessage(result.replaceOriginal), id: activity.replyToId });
  return { status: result.response.statusCode === 400 ? 400 : 200, body: result.response };
}
