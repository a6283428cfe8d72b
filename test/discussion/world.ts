import type { RecordMessageInput } from '../../src/core/discussion/record';
import { createCore } from '../../src/core/index';
import type { CoreDeps } from '../../src/core/ports';
import type { Db } from '../../src/store/db';
import { must, seedPeople, testCore } from '../support/core';

export const PO = 'po-raad-2022-2026';
export const WS = 'slack:T1';
/** The community of theme t1 (Onderwijskwaliteit: ambitions a1-a3) and of t3 (Onderwijsarbeidsmarkt: a6-a8). */
export const KWALITEIT = 'C-KWAL';
export const ARBEIDSMARKT = 'C-ARBEID';

/**
 * A PO-Raad association on Slack: a coordinator, Anna and Bram of board A, Carla of board B, two
 * communities, and `post` to record messages (each a new platform id, posted now unless told).
 */
export async function discussionWorld(
  db: Db,
  at = '2027-03-01T08:00:00Z',
  settings?: CoreDeps['discussion'],
) {
  const base = await testCore(db, at);
  const core = settings ? createCore({ ...base.core.deps, discussion: settings }) : base.core;
  const people = await seedPeople(core);
  const coordinator = { memberId: people.coordinator.id };
  const kwaliteit = await core.linkCommunity(coordinator, {
    workspaceId: WS,
    channelId: KWALITEIT,
    theme: 't1',
  });
  const arbeidsmarkt = await core.linkCommunity(coordinator, {
    workspaceId: WS,
    channelId: ARBEIDSMARKT,
    theme: 't3',
  });
  let n = 0;
  const post = async (text: string, over: Partial<RecordMessageInput> = {}) =>
    must(
      await core.recordMessage({
        workspaceId: WS,
        channelId: KWALITEIT,
        externalId: `1800000000.${String(++n).padStart(6, '0')}`,
        threadExternalId: null,
        authorMemberId: people.anna.id,
        text,
        postedAt: base.clock.now(),
        ...over,
      }),
      `recorded message "${text.slice(0, 30)}"`,
    );
  return { ...base, core, ...people, kwaliteit, arbeidsmarkt, post };
}

export const links = (m: { links: { ambitionId: string; source: string }[] } | null) =>
  (m?.links ?? []).map((l) => [l.ambitionId, l.source]);
