// The world of the discussion benchmark: a database with both agendas, boards, members, a community per
// theme, and a seeded generator of messages about each ambition.
import { randomUUID } from 'node:crypto';
import { CLI } from '../src/core/access';
import { AgendaCatalog } from '../src/core/agenda/catalog';
import type { Agenda } from '../src/core/agenda/model';
import { analyseMessage } from '../src/core/discussion/analysis';
import { sentences } from '../src/core/discussion/sentences';
import { type Core, createCore } from '../src/core/index';
import { REGIONS, type Region } from '../src/core/model';
import type { Clock, Logger } from '../src/core/ports';
import { loadAgendas } from '../src/store/agenda-files';
import type { Db } from '../src/store/db';
import { migrate } from '../src/store/migrate';
import { sqlStore } from '../src/store/sql-store';
import { LABELLED_MESSAGES, PO_RAAD } from '../test/fixtures/discussion-messages';
import { memoryEmbeddedDb } from '../test/support/embedded-memory';

const BOARDS = 40;
const MEMBERS_PER_BOARD = 5;

export const agendas = loadAgendas();
export const po = agendas.find((a) => a.id === PO_RAAD) as Agenda;
export const vo = agendas.find((a) => a.id === 'vo-raad-2020-2025') as Agenda;
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A small seeded PRNG (mulberry32): the same messages every run. */
export function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function openCore(
  at: Date,
  open: () => Promise<Db> = memoryEmbeddedDb,
): Promise<{ db: Db; core: Core }> {
  const db = await open();
  await migrate(db);
  const store = sqlStore(db);
  for (const agenda of agendas) await store.repos.agendas.save(agenda);
  const clock: Clock = { now: () => at };
  const core = createCore({
    store,
    clock,
    ids: randomUUID,
    logger: silent,
    agendas: new AgendaCatalog(agendas),
    coordinators: new Set(['slack:UCOORD']),
  });
  return { db, core };
}

/** Boards, members, and a community per theme (PO) and per line (VO) in one Slack workspace. */
export async function seed(core: Core) {
  const coordinator = await core.meetMember('slack', 'T1', { externalId: 'UCOORD', name: 'Coördinator' });
  await core.registerBoards(
    CLI,
    Array.from({ length: BOARDS }, (_, i) => ({
      duoNumber: String(40000 + i),
      name: `Stichting ${i}`,
      region: REGIONS[i % REGIONS.length] as Region,
    })),
  );
  const members: { id: string; boardId: string }[] = [];
  for (let b = 0; b < BOARDS; b++) {
    const board = await core.deps.store.repos.boards.findByDuo(String(40000 + b));
    for (let m = 0; m < MEMBERS_PER_BOARD; m++) {
      const member = await core.meetMember('slack', 'T1', {
        externalId: `U${b}-${m}`,
        name: `Lid ${b}-${m}`,
      });
      await core.chooseBoard(member.id, board?.id as string);
      members.push({ id: member.id, boardId: board?.id as string });
    }
  }
  const communities = new Map<string, { id: string; channelId: string }>();
  for (const agenda of [po, vo])
    for (const theme of agenda.themes) {
      const c = await core.linkCommunity(
        { memberId: coordinator.id },
        {
          workspaceId: 'slack:T1',
          channelId: `C-${agenda.id}-${theme.id}`,
          theme: theme.id,
          agendaId: agenda.id,
        },
      );
      communities.set(`${agenda.id}/${theme.id}`, { id: c.id, channelId: c.channelId });
    }
  return { members, communities };
}

/** Sentence pools per ambition: the labelled messages for PO-Raad, the agenda's own texts for VO-raad. */
function pools(): { agenda: Agenda; ambitionId: string; themeIds: string[]; sentences: string[] }[] {
  const out = po.ambitions.map((a) => ({
    agenda: po,
    ambitionId: a.id,
    themeIds: [a.theme as string],
    sentences: LABELLED_MESSAGES.filter((m) => m.ambition === a.id).flatMap((m) => sentences(m.text)),
  }));
  const voTexts = vo.themes.flatMap((t) => [...t.goals, ...t.actions].flatMap((x) => sentences(x.text)));
  const poSentences = out.flatMap((p) => p.sentences);
  vo.ambitions.forEach((a, i) => {
    out.push({
      agenda: vo,
      ambitionId: a.id,
      themeIds: vo.themes.map((t) => t.id),
      sentences: [
        a.text,
        ...voTexts.filter((_, j) => j % vo.ambitions.length === i),
        ...poSentences.filter((_, j) => j % vo.ambitions.length === i),
      ],
    });
  });
  return out;
}

const OPENERS = ['', '', '', 'Bij ons: ', 'Herkenbaar. ', 'Update: ', 'Vraag aan de groep: ', 'Goed punt. '];

export function generator(seedValue: number) {
  const random = prng(seedValue);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const all = pools();
  return (i: number) => {
    const pool = pick(all);
    const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pool.sentences));
    const text = `${pick(OPENERS)}${parts.join(' ')}${random() < 0.15 ? ' Wie heeft hier ervaring mee?' : ''}`;
    return {
      agenda: pool.agenda,
      ambitionId: pool.ambitionId,
      themeId: pick(pool.themeIds),
      text: `${text} (${i % 97})`,
    };
  };
}

/**
 * Loads `count` generated messages posted over the year from `from`, each linked to the ambition it was
 * written about, through the store's batch insert (the path recordMessages takes, with the analysis done
 * at ingestion) but without the classifier: loading is not what the summary benchmark measures.
 */
export async function loadMessages(
  core: Core,
  world: Awaited<ReturnType<typeof seed>>,
  count: number,
  from: Date,
  at: Date,
): Promise<void> {
  const next = generator(42);
  const random = prng(99);
  const BATCH = 2_000;
  for (let offset = 0; offset < count; offset += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - offset) }, (_, k) => {
      const i = offset + k;
      const m = next(i);
      const author = world.members[Math.floor(random() * world.members.length)] as {
        id: string;
        boardId: string;
      };
      return {
        id: `m${i}`,
        communityId: (world.communities.get(`${m.agenda.id}/${m.themeId}`) as { id: string }).id,
        externalId: `x.${i}`,
        threadExternalId: i % 4 === 3 ? `x.${i - 1}` : null,
        memberId: author.id,
        boardId: author.boardId,
        text: m.text,
        postedAt: new Date(from.getTime() + Math.floor(random() * 360 * 86_400_000)),
        analysis: analyseMessage(m.text),
        ambitionId: m.ambitionId,
      };
    });
    await core.deps.store.repos.discussion.insertBatch(
      rows,
      rows.map((r) => ({ messageId: r.id, ambitionId: r.ambitionId, source: 'tag' as const, score: null })),
      at,
    );
  }
}
