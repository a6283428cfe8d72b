import type { Core } from '../../core/index';
import type { TeamsRepository } from '../../core/teams-ports';
import type { Locale } from '../../i18n/index';
import { localeOf, type TeamsActivity, tenantOf } from './activity';
import type { BotFramework } from './bot-framework';
import { workspaceIdOf } from './people';

/** What every part of the Teams door is handed: the core, the bot, and what Teams keeps beyond the domain. */
export interface TeamsDoor {
  core: Core;
  bot: BotFramework;
  /** Conversation references, Teams user ids and invoke answers (handed in at mount). */
  store: TeamsRepository;
}

/** True for the first delivery of an activity; false for a resend (Teams resends after 15 s). */
export async function firstDelivery({ core }: TeamsDoor, key: string | null): Promise<boolean> {
  return key === null || core.claimInbound('teams', key);
}

/**
 * Runs the work of a claimed activity; when it fails the claim is released, so a resend (Teams resends an
 * invoke it got no answer to) is acted on; a resend after success is not: its claim stands. A command was
 * answered when it was claimed, so Teams does not resend it: a failure gets the apology of onTurnError.
 */
export async function releasedOnFailure<T>(
  { core }: TeamsDoor,
  key: string | null,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (key) await core.releaseInbound('teams', key);
    throw err;
  }
}

/** The member's language when known, else the client's, else Dutch; reads, never writes. */
export async function localeFor({ core }: TeamsDoor, activity: TeamsActivity): Promise<Locale> {
  const known = await core.memberByExternal(
    workspaceIdOf(tenantOf(activity)),
    activity.from.aadObjectId ?? activity.from.id,
  );
  return known?.locale ?? localeOf(activity) ?? 'nl';
}
