import type { WebClient } from '@slack/web-api';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import { reportError } from '../../error-sink';

/**
 * The member behind a Slack user, created at first contact. Name, language and time zone are asked of
 * Slack once (users.info), not on every message; again only while the time zone is still the
 * installation's default (a member met through a CSV).
 */
export async function slackMember(
  core: Core,
  client: WebClient,
  teamId: string,
  userId: string,
): Promise<Member> {
  const known = await core.memberByExternal(`slack:${teamId}`, userId);
  if (known?.name && known.timeZoneFrom !== 'default') return known;
  let profile: { name?: string; locale?: 'nl' | 'en'; timeZone?: string } = {};
  try {
    const info = await client.users.info({ user: userId, include_locale: true });
    const user = info.user;
    profile = {
      name: user?.real_name || user?.profile?.real_name || user?.name,
      locale: user?.locale?.startsWith('en') ? 'en' : 'nl',
      timeZone: user?.tz,
    };
  } catch (err) {
    // Without users:read the member is still known by id; the name follows at a later contact.
    reportError(core.deps.logger, err, { platform: 'slack', user: userId, step: 'users.info' });
  }
  // A member already known by name (from a CSV) only learns the time zone here.
  if (known?.name)
    return core.meetMember('slack', teamId, { externalId: userId, timeZone: profile.timeZone });
  return core.meetMember('slack', teamId, { externalId: userId, ...profile });
}
