import { AppError } from './errors';
import type { Board, Practice } from './model';
import type { CoreDeps, Repositories } from './ports';
import type { SteeringAnswer } from './steering-model';

/** Answers with links (issue 18): a coordinator points the board that asked to a practice or to a board. */

export interface AnswerLinks {
  /** A practice by the start of its id (4 or more characters) or of its title. */
  practice?: string;
  /** A board by its DUO number or (part of) its name. */
  contact?: string;
}

const squash = (s: string) => s.replace(/-/g, '').toLowerCase();
const words = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The practices shared on any ambition of the agenda (each once). */
async function agendaPractices(deps: CoreDeps, repos: Repositories, agendaId: string): Promise<Practice[]> {
  const byId = new Map<string, Practice>();
  for (const ambition of deps.agendas.get(agendaId).ambitions)
    for (const p of await repos.practices.listByAmbition(agendaId, ambition.id)) byId.set(p.id, p);
  return [...byId.values()];
}

async function findPractice(
  deps: CoreDeps,
  repos: Repositories,
  agendaId: string,
  query: string,
): Promise<Practice> {
  const all = await agendaPractices(deps, repos, agendaId);
  const wanted = words(query);
  const byId = squash(query).length >= 4 ? all.filter((p) => squash(p.id).startsWith(squash(query))) : [];
  const byTitle = all.filter((p) => words(p.title) === wanted);
  const startsWith = all.filter((p) => words(p.title).startsWith(wanted));
  const found = [byId, byTitle, startsWith].find((list) => list.length > 0) ?? [];
  if (found.length > 1) throw new AppError('AMBIGUOUS_ID', `${query} names several practices`, { id: query });
  const [practice] = found;
  if (!practice || wanted === '')
    throw new AppError('UNKNOWN_PRACTICE', `no practice ${query}`, { practice: query });
  return practice;
}

async function findContact(repos: Repositories, query: string): Promise<Board> {
  const wanted = query.trim();
  const byDuo = wanted ? await repos.boards.findByDuo(wanted) : null;
  if (byDuo) return byDuo;
  const found = wanted ? await repos.boards.search(wanted, 2) : [];
  const exact = found.find((b) => words(b.name) === words(wanted));
  if (exact) return exact;
  if (found.length > 1) throw new AppError('AMBIGUOUS_ID', `${query} names several boards`, { id: query });
  const [board] = found;
  if (!board) throw new AppError('UNKNOWN_BOARD', `no board ${query}`, { board: query });
  return board;
}

/** The ids the links name, or an AppError naming what is not known (nothing is written then). */
export async function resolveAnswerLinks(
  deps: CoreDeps,
  repos: Repositories,
  agendaId: string,
  links: AnswerLinks,
): Promise<{ practiceId: string | null; contactBoardId: string | null }> {
  const practice = links.practice ? await findPractice(deps, repos, agendaId, links.practice) : null;
  const contact = links.contact ? await findContact(repos, links.contact) : null;
  return { practiceId: practice?.id ?? null, contactBoardId: contact?.id ?? null };
}

export interface AnswerView {
  answer: SteeringAnswer;
  cycleName: string;
  agendaId: string;
  /** When the answered update was written, if it is still there. */
  askedAt: Date | null;
  practice: { title: string; boardName: string | null } | null;
  contact: { name: string } | null;
}

/** An answer as the board member who asked reads it, with what it links to (delivery's text). */
export async function steeringAnswerView(
  deps: CoreDeps,
  ref: { answerId: string; cycleId: string; boardId: string },
): Promise<AnswerView | null> {
  const repos = deps.store.repos;
  const answer = (await repos.steeringRequests.answersForBoard(ref.cycleId, ref.boardId)).find(
    (a) => a.id === ref.answerId,
  );
  const cycle = await repos.cycles.get(ref.cycleId);
  if (!answer || !cycle) return null;
  const asked = (await repos.updates.history(cycle.id, answer.boardId, answer.itemId)).find(
    (u) => u.id === answer.updateId,
  );
  const practice = answer.practiceId ? await repos.practices.get(answer.practiceId) : null;
  const practiceBoard = practice?.boardId ? await repos.boards.get(practice.boardId) : null;
  const contact = answer.contactBoardId ? await repos.boards.get(answer.contactBoardId) : null;
  return {
    answer,
    cycleName: cycle.name,
    agendaId: cycle.agendaId,
    askedAt: asked?.createdAt ?? null,
    practice: practice ? { title: practice.title, boardName: practiceBoard?.name ?? null } : null,
    contact: contact ? { name: contact.name } : null,
  };
}
