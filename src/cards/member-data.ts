import { isCoordinator } from '../core/access';
import type { CheckInView } from '../core/card-views';
import { keyPointLine } from '../core/discussion/index';
import { AppError } from '../core/errors';
import type { Core } from '../core/index';
import type { Cycle, Member, Practice, UpdateAnswer } from '../core/model';
import { t } from '../i18n/index';
import type {
  AmbitionChoice,
  CardItem,
  CheckinData,
  CycleRef,
  PracticeFormData,
  PracticeViewData,
  ProfileData,
  SummaryData,
  UpdateFormData,
  UpdateReceiptData,
  WelcomeData,
} from './index';
import { memberText } from './member-text';

/**
 * The data the cards are bound to, read from the core. The cards say what they show; these functions say
 * where it comes from for a member.
 */

const cycleRef = (cycle: Cycle): CycleRef => ({ id: cycle.id, name: cycle.name, closesAt: cycle.closesAt });

function cycleItems(core: Core, cycle: Cycle): CardItem[] {
  return core.agendas
    .scopeItems(cycle.agendaId, cycle.scope)
    .map((i) => ({ id: i.id, kind: i.kind, title: i.title, text: i.text }));
}

/** The answers the member's board got to its steering requests in the latest earlier closed cycle. */
async function earlierAnswers(
  core: Core,
  member: Member,
  earlierView: CheckInView['earlier'],
): Promise<CheckinData['earlierAnswers']> {
  if (!earlierView) return undefined;
  const { cycle: earlier, answers } = earlierView;
  const titles = new Map(cycleItems(core, earlier).map((i) => [i.id, i.title]));
  const lines: string[] = [];
  for (const a of answers) {
    // The practice or board the answer pointed to, as the member first read it.
    const view =
      a.practiceId || a.contactBoardId
        ? await core.steeringAnswerView({ answerId: a.id, cycleId: a.cycleId, boardId: a.boardId })
        : null;
    const links = [
      view?.practice
        ? t(member.locale, 'steering.answer.practiceNoBoard', { title: memberText(view.practice.title) })
        : '',
      view?.contact
        ? t(member.locale, 'steering.answer.contact', { board: memberText(view.contact.name) })
        : '',
    ].filter(Boolean);
    lines.push(`${titles.get(a.itemId) ?? a.itemId}: ${[memberText(a.answer), ...links].join(' ')}`);
  }
  return { cycleName: earlier.name, lines };
}

export async function checkinData(core: Core, member: Member, cycleId: string): Promise<CheckinData> {
  const view = await core.checkInView(member, cycleId);
  return {
    cycle: cycleRef(view.cycle),
    boardName: view.boardName,
    timeZone: member.timeZone,
    items: cycleItems(core, view.cycle),
    answered: view.answered,
    earlierAnswers: await earlierAnswers(core, member, view.earlier),
  };
}

export async function updateFormData(
  core: Core,
  member: Member,
  cycleId: string,
  page: number,
): Promise<UpdateFormData> {
  const { cycle, boardName: board } = await core.memberCycleView(member, cycleId);
  if (!board) throw new AppError('NO_BOARD_CHOSEN', `member ${member.id} has no board`);
  const previous: UpdateAnswer[] = await core.currentUpdates(member.id, cycle.id);
  return {
    cycle: cycleRef(cycle),
    boardName: board,
    timeZone: member.timeZone,
    items: cycleItems(core, cycle),
    previous,
    page,
  };
}

export async function receiptData(
  core: Core,
  member: Member,
  cycleId: string,
  page: number,
  submittedAt: Date,
): Promise<UpdateReceiptData> {
  const { cycle, boardName } = await core.memberCycleView(member, cycleId);
  const now = core.deps.clock.now();
  return {
    cycle: cycleRef(cycle),
    boardName: boardName ?? '',
    timeZone: member.timeZone,
    items: cycleItems(core, cycle),
    answers: await core.currentUpdates(member.id, cycle.id),
    page,
    cycleOpen: cycle.status === 'open' && now < cycle.closesAt,
    submittedAt,
  };
}

function ambitionChoices(core: Core, agendaId: string, ids?: readonly string[]): AmbitionChoice[] {
  return core.agendas
    .get(agendaId)
    .ambitions.filter((a) => !ids || ids.includes(a.id))
    .map((a) => ({ id: a.id, number: a.number, title: a.title }));
}

/** The practice form for a channel's community (its theme's ambitions pre-selected) or an agenda. */
export async function practiceFormData(
  core: Core,
  member: Member,
  channelId: string | null,
): Promise<PracticeFormData> {
  const community = channelId ? await core.communityOfChannel(member.workspaceId, channelId) : null;
  const agendaId = community?.agendaId ?? (core.agendas.agendas[0]?.id as string);
  const themeAmbitions = community
    ? core.agendas
        .get(agendaId)
        .ambitions.filter((a) => a.theme === community.themeId)
        .map((a) => a.id)
    : [];
  return {
    agendaId,
    ambitions: ambitionChoices(core, agendaId),
    draft: { ambitionIds: themeAmbitions, contact: member.name },
  };
}

export async function practiceViewData(
  core: Core,
  practice: Practice,
  viewer: Member,
): Promise<PracticeViewData> {
  const { authorName, boardName } = await core.practiceSharedBy(practice);
  const who = authorName ?? '?';
  return {
    title: practice.title,
    description: practice.description,
    ambitions: ambitionChoices(core, practice.agendaId, practice.ambitionIds),
    instruments: practice.instruments,
    contact: practice.contact,
    sharedBy: boardName !== null ? `${who} (${boardName})` : who,
    sharedAt: practice.createdAt,
    timeZone: viewer.timeZone,
  };
}

export async function welcomeData(core: Core, member: Member, asCoordinator?: boolean): Promise<WelcomeData> {
  const communities = await core.welcomeCommunities(member);
  return {
    isCoordinator: asCoordinator ?? isCoordinator(member),
    communities: communities.map((c) => ({
      theme: core.agendas.get(c.agendaId).themes.find((th) => th.id === c.themeId)?.title ?? c.themeId,
      channel: c.name ?? c.channelId,
    })),
  };
}

export async function profileData(core: Core, member: Member): Promise<ProfileData> {
  const boards = await core.profileBoards(member);
  return {
    boards: boards.map((b) => ({ id: b.id, name: b.name })),
    boardId: member.boardId,
    timeZone: member.timeZone,
    locale: member.locale,
    peerContact: member.peerContact ?? false,
  };
}

/** Practices a summary card lists at most. */
const MAX_CARD_PRACTICES = 10;

/**
 * An ambition's summary as the card shows it to a member: the key points of the discussion, the status
 * and steering signals of the latest cycle that asked about it with that cycle's check-ins answered, and
 * the practices shared (the summary's period).
 */
export async function summaryData(
  core: Core,
  member: Member,
  agendaId: string,
  ambitionId: string,
): Promise<SummaryData> {
  const summary = await core.summarise(
    { memberId: member.id },
    { ambition: ambitionId, agendaId, visibility: 'private', locale: member.locale },
  );
  const latest = summary.cycles.at(-1) ?? null;
  const participation = latest ? await core.cycleParticipation(latest.cycleId) : null;
  const { id, number, title, text } = summary.ambition;
  return {
    ambition: { id, number, title, text },
    cycleName: latest?.name ?? null,
    period: { ...summary.period, timeZone: member.timeZone },
    messages: summary.messages.total,
    keyPoints: summary.keyPoints.map((p) => keyPointLine(p, { locale: member.locale })),
    statusCounts: latest?.counts ?? { on_track: 0, attention: 0, behind: 0, not_started: 0 },
    steeringNeeded: summary.steering.filter((s) => s.cycleId === latest?.cycleId).length,
    practices: summary.practices
      .slice(0, MAX_CARD_PRACTICES)
      .map((p) => ({ title: p.title, boardName: p.boardName })),
    participation,
    dashboardUrl: null,
  };
}
