import { CLI } from '../../src/core/access';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { FakeConnector } from '../teams/fake-connector';
import {
  ANNA,
  BRAM,
  CORA,
  cardAction,
  channelMessage,
  installPersonal,
  installTeam,
  KWALITEIT,
  linkAction,
  membersAdded,
  messageDelete,
  messageUpdate,
  personalMessage,
  TENANT,
} from '../teams/fixtures';
import { APP_ID, startTeamsRig, type TeamsRig } from '../teams/harness';
import { LocalOpenId } from '../teams/openid';
import { mutate, pick, type Random } from './mutate';
import { type FuzzStats, type RowCounter, rowCounter, tally } from './stats';

/**
 * Mutated Teams activities through the real CloudAdapter, each with a valid Bot Framework token (signed
 * by the local OpenID authority for the activity's own serviceUrl, so the token never is the reason).
 */

export interface TeamsFuzz {
  rig: TeamsRig;
  t: TestDatabase;
  rows: RowCounter;
  close(): Promise<void>;
}

export async function startTeamsFuzz(): Promise<
  TeamsFuzz & { openid: LocalOpenId; connector: FakeConnector }
> {
  const [t, connector, openid] = await Promise.all([
    pgliteDatabase(),
    new FakeConnector().start(),
    new LocalOpenId().start(),
  ]);
  const rig = await startTeamsRig(t, connector, openid, { env: { TEAMS_TENANTS: TENANT } });
  await rig.core.meetMember('teams', TENANT, { externalId: CORA.aadObjectId, name: CORA.name });
  await rig.core.linkCommunity(CLI, {
    workspaceId: `teams:${TENANT}`,
    channelId: KWALITEIT,
    theme: 'onderwijskwaliteit',
  });
  return {
    rig,
    t,
    openid,
    connector,
    rows: await rowCounter(t.db),
    async close() {
      await rig.close();
      await Promise.all([t.close(), connector.close(), openid.close()]);
    },
  };
}

/** The answers the door gives before anything is stored: unreadable, unauthenticated, refused. */
const DOOR_REFUSALS = new Set(['bad_activity', 'bad_request', 'unauthorized', 'forbidden']);

export async function fuzzTeams(
  f: TeamsFuzz & { openid: LocalOpenId },
  random: Random,
  count: number,
  stats: FuzzStats,
): Promise<void> {
  const w = f.rig.where;
  const seeds = (): Record<string, unknown>[] => [
    personalMessage(
      w,
      pick(random, [ANNA, CORA]),
      pick(random, ['help', 'agenda', 'cyclus', 'praktijk', 'lid']),
    ),
    channelMessage(w, BRAM, 'Ons leesplan werkt #a1'),
    channelMessage(w, CORA, 'gemeenschap koppel onderwijskwaliteit', { mention: true }),
    cardAction(
      w,
      ANNA,
      pick(random, ['checkin.open', 'practice.submit', 'update.submit', 'profile.submit']),
      {
        cycleId: 'c1',
        title: 'Leesplan',
        ambitions: 'a1',
      },
    ),
    installPersonal(w, ANNA),
    installTeam(w, CORA),
    membersAdded(w, CORA, [{ id: BRAM.id, aadObjectId: BRAM.aadObjectId }]),
    messageUpdate(w, BRAM, '1700000000001', 'Bewerkt'),
    messageDelete(w, BRAM, '1700000000001'),
    linkAction(w, CORA, '1700000000001', 'a1'),
  ];
  for (let i = 0; i < count; i++) {
    const before = await f.rows.snapshot();
    const activity = mutate(random, pick(random, seeds()));
    const serviceUrl = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : w.serviceUrl;
    const res = await f.rig.post(activity, f.openid.token(APP_ID, serviceUrl));
    tally(stats, `teams ${String(activity.type).slice(0, 20)}`, res.status);
    const error = (res.body as { error?: unknown } | null)?.error;
    if (res.status >= 400 && res.status < 500 && typeof error === 'string' && DOOR_REFUSALS.has(error))
      await f.rows.unchanged(before, `teams ${res.status} ${error}`, stats);
  }
}
