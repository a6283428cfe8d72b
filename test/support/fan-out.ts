import { CLI } from '../../src/core/access';
import type { Db } from '../../src/store/db';
import { must, testCore } from './core';

export const OPENS = '2027-03-01T08:00:00Z'; // Monday 1 March 2027, 09:00 in Amsterdam
export const CLOSES = '2027-03-24T22:59:00Z'; // Wednesday 24 March, 23:59 in Amsterdam

/**
 * A board with `slack` members in Slack workspace T1 and `teams` members in Teams tenant tenant-1, a
 * coordinator, and a cycle about ambition a1 that opens at OPENS for every board.
 */
export async function seedFanOut(db: Db, counts: { slack: number; teams: number }) {
  const { core, repos, clock } = await testCore(db, '2027-02-20T09:00:00Z');
  const coordinator = await core.meetMember('slack', 'T1', { externalId: 'UCOORD', name: 'Cora' });
  await repos.members.setRoles(coordinator.id, ['member', 'coordinator']);
  await core.registerBoards(CLI, [{ duoNumber: '40001', name: 'Stichting Fan-out', region: 'noord' }]);
  const board = must(await repos.boards.findByDuo('40001'), 'board');
  const memberIds: string[] = [];
  const add = async (platform: 'slack' | 'teams', workspace: string, externalId: string) => {
    const m = await core.meetMember(platform, workspace, { externalId, name: externalId });
    await core.chooseBoard(m.id, board.id);
    memberIds.push(m.id);
  };
  for (let i = 0; i < counts.slack; i++) await add('slack', 'T1', `U${String(i).padStart(4, '0')}`);
  for (let i = 0; i < counts.teams; i++) await add('teams', 'tenant-1', `29:${String(i).padStart(4, '0')}`);
  const cycle = await core.planCycle(CLI, {
    agendaId: 'po-raad-2022-2026',
    name: 'Voorjaar 2027',
    scope: ['a1'],
    audience: { boards: [], members: [] },
    opensAt: new Date(OPENS),
    closesAt: new Date(CLOSES),
  });
  return { core, clock, cycleId: cycle.id, memberIds, coordinatorId: coordinator.id };
}

/** Waits until check() holds, polling; fails with what was last seen after ms. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  ms: number,
  seen = () => '',
) {
  const start = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}; ${seen()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
