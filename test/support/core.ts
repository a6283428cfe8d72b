import { CLI } from '../../src/core/access';
import { AgendaCatalog } from '../../src/core/agenda/catalog';
import { createCore } from '../../src/core/index';
import type { Clock, Logger } from '../../src/core/ports';
import { loadAgendas } from '../../src/store/agenda-files';
import type { Db } from '../../src/store/db';
import { repositories, sqlStore } from '../../src/store/sql-store';

/** The value, or a failed test naming what was missing. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`test setup: no ${what}`);
  return value;
}

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now() {
    return new Date(this.current);
  }
  set(at: Date | string) {
    this.current = new Date(at);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Predictable ids: id-1, id-2 … */
export function sequentialIds(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const agendas = loadAgendas();

/** The core on a test database, with the bundled agendas stored and a clock at `at`. */
export async function testCore(db: Db, at = '2027-03-01T08:00:00Z', coordinators: string[] = []) {
  const clock = new TestClock(new Date(at));
  for (const agenda of agendas) await repositories(db).agendas.save(agenda);
  const core = createCore({
    store: sqlStore(db),
    clock,
    ids: sequentialIds(),
    logger: silentLogger,
    agendas: new AgendaCatalog(agendas),
    coordinators: new Set(coordinators),
  });
  return { core, clock, repos: repositories(db) };
}

/** A Slack workspace with a coordinator and members of two boards. */
export async function seedPeople(core: ReturnType<typeof createCore>) {
  const coordinator = await core.meetMember('slack', 'T1', {
    externalId: 'UCOORD',
    name: 'Cora Coördinator',
  });
  await core.deps.store.repos.members.setRoles(coordinator.id, ['member', 'coordinator']);
  await core.registerBoards(CLI, [
    { duoNumber: '41234', name: 'Stichting Openbaar Onderwijs Noord', region: 'noord' },
    { duoNumber: '42345', name: 'Vereniging Christelijk Primair Onderwijs Zuid', region: 'zuid' },
  ]);
  const boardA = must(await core.deps.store.repos.boards.findByDuo('41234'), 'board 41234');
  const boardB = must(await core.deps.store.repos.boards.findByDuo('42345'), 'board 42345');
  const anna = await core.meetMember('slack', 'T1', { externalId: 'UANNA', name: 'Anna de Vries' });
  const bram = await core.meetMember('slack', 'T1', { externalId: 'UBRAM', name: 'Bram Jansen' });
  const carla = await core.meetMember('slack', 'T1', { externalId: 'UCARLA', name: 'Carla Bakker' });
  await core.chooseBoard(anna.id, boardA.id);
  await core.chooseBoard(bram.id, boardA.id);
  await core.chooseBoard(carla.id, boardB.id);
  const fresh = async (id: string) => must(await core.deps.store.repos.members.get(id), `member ${id}`);
  return {
    coordinator: await fresh(coordinator.id),
    boardA,
    boardB,
    anna: await fresh(anna.id),
    bram: await fresh(bram.id),
    carla: await fresh(carla.id),
  };
}
