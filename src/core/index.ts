import type { Actor } from './access';
import type { Agenda } from './agenda/model';
import { type AudienceEntry, enrolAudience } from './audience';
import { removeBoardHoliday, setBoardHoliday } from './board-holidays';
import { chooseBoard, confirmBoard, findBoardByDuo, registerBoards, searchBoards } from './boards';
import { cardActionQueries } from './card-action-queries';
import { cardViews } from './card-views';
import { linkCommunity, setMembership } from './communities';
import { cycleCoverage } from './coverage';
import {
  cycleReport,
  findCycle,
  listBoards,
  type PlanWithAudienceInput,
  planCycleWithAudience,
  refuseIfAgendaInUse,
} from './cycle-admin';
import {
  closeCycle,
  cycleProgress,
  listCycles,
  openCycle,
  type PlanCycleInput,
  planCycle,
  remindNow,
} from './cycles';
import { dashboardViews } from './dashboard-views';
import { deliveryProblems } from './delivery-problems';
import { discussionCommands } from './discussion/commands';
import { doorQueries } from './door-queries';
import { runDue, whatIsDue } from './due';
import { meetMember, setCoordinator, setProfile } from './members';
import { messageViews } from './message-views';
import type { Platform } from './model';
import { memberOverview } from './overview';
import {
  type AskInput,
  acceptPeerContact,
  askPeerContact,
  peerContactView,
  peerMatches,
} from './peer-contacts';
import { peerOffer } from './peer-matching';
import type { CoreDeps, MemberIdentity, NewBoard } from './ports';
import { type SharePracticeInput, sharePractice } from './practices';
import { markUnreachable, type Unreachable } from './reachability';
import type { Holiday } from './schedule/holidays';
import { ambitionDecisions, cycleSteering, type DecideInput, decideSteering } from './steering';
import { type AnswerLinks, steeringAnswerView } from './steering-answers';
import { closedCyclesOfAmbition, steeringContext } from './steering-context';
import { answerSteeringRequest, steeringRequests } from './steering-requests';
import { currentUpdates, type SubmitUpdateInput, submitUpdate } from './updates';

/** The core's commands, bound to their dependencies: what every door (Slack, Teams, web, CLI, scheduler) calls. */
export function createCore(deps: CoreDeps) {
  return {
    deps,
    agendas: deps.agendas,
    ...cardActionQueries(deps),
    meetMember: (platform: Platform, workspace: string, identity: Omit<MemberIdentity, 'workspaceId'>) =>
      meetMember(deps, platform, workspace, identity),
    setProfile: (memberId: string, profile: Parameters<typeof setProfile>[2]) =>
      setProfile(deps, memberId, profile),
    setCoordinator: (actor: Actor, memberId: string, coordinator: boolean) =>
      setCoordinator(deps, actor, memberId, coordinator),
    registerBoards: (
      actor: Actor,
      boards: readonly NewBoard[],
      onProgress?: (done: number, total: number) => void,
    ) => registerBoards(deps, actor, boards, onProgress),
    searchBoards: (query: string, limit?: number) => searchBoards(deps, query, limit),
    ...doorQueries(deps),
    findBoardByDuo: (duoNumber: string) => findBoardByDuo(deps, duoNumber),
    chooseBoard: (memberId: string, boardId: string) => chooseBoard(deps, memberId, boardId),
    confirmBoard: (actor: Actor, memberId: string, boardId: string) =>
      confirmBoard(deps, actor, memberId, boardId),
    linkCommunity: (actor: Actor, input: Parameters<typeof linkCommunity>[2]) =>
      linkCommunity(deps, actor, input),
    joinCommunity: (memberId: string, workspaceId: string, channelId: string) =>
      setMembership(deps, memberId, workspaceId, channelId, true),
    leaveCommunity: (memberId: string, workspaceId: string, channelId: string) =>
      setMembership(deps, memberId, workspaceId, channelId, false),
    planCycle: (actor: Actor, input: PlanCycleInput) => planCycle(deps, actor, input),
    planCycleWithAudience: (actor: Actor, input: PlanWithAudienceInput) =>
      planCycleWithAudience(deps, actor, input),
    findCycle: (idOrPrefix: string) => findCycle(deps, idOrPrefix),
    cycleReport: (actor: Actor, idOrPrefix: string) => cycleReport(deps, actor, idOrPrefix),
    refuseIfAgendaInUse: (agendaId: string, replacement: Agenda | null) =>
      refuseIfAgendaInUse(deps, agendaId, replacement),
    listBoards: (filter?: Parameters<typeof listBoards>[1]) => listBoards(deps, filter),
    openCycle: (actor: Actor, cycleId: string) => openCycle(deps, actor, cycleId),
    closeCycle: (actor: Actor, cycleId: string) => closeCycle(deps, actor, cycleId),
    cycleProgress: (actor: Actor, cycleId: string) => cycleProgress(deps, actor, cycleId),
    cycleCoverage: (actor: Actor, cycleId: string) => cycleCoverage(deps, actor, cycleId),
    listCycles: () => listCycles(deps),
    whatIsDue: (now?: Date) => whatIsDue(deps, now),
    runDue: () => runDue(deps),
    remindNow: (actor: Actor, cycleId: string) => remindNow(deps, actor, cycleId),
    enrolAudience: (actor: Actor, entries: readonly AudienceEntry[], source: string) =>
      enrolAudience(deps, actor, entries, source),
    deliveryProblems: (actor: Actor, from: Date, to: Date) => deliveryProblems(deps, actor, from, to),
    markUnreachable: (who: Unreachable) => markUnreachable(deps, who),
    setBoardHoliday: (actor: Actor, boardId: string, holiday: Holiday) =>
      setBoardHoliday(deps, actor, boardId, holiday),
    removeBoardHoliday: (actor: Actor, boardId: string, schoolYear: string, name: string) =>
      removeBoardHoliday(deps, actor, boardId, schoolYear, name),
    submitUpdate: (memberId: string, input: SubmitUpdateInput) => submitUpdate(deps, memberId, input),
    currentUpdates: (memberId: string, cycleId: string) => currentUpdates(deps, memberId, cycleId),
    sharePractice: (memberId: string, input: SharePracticeInput) => sharePractice(deps, memberId, input),
    ...discussionCommands(deps),
    ...dashboardViews(deps),
    ...cardViews(deps),
    ...messageViews(deps),
    memberOverview: (memberId: string) => memberOverview(deps, memberId),
    decideSteering: (actor: Actor, input: DecideInput) => decideSteering(deps, actor, input),
    cycleSteering: (actor: Actor, cycleId: string) => cycleSteering(deps, actor, cycleId),
    ambitionDecisions: (agendaId: string, ambitionId: string) =>
      ambitionDecisions(deps, agendaId, ambitionId),
    steeringContext: (actor: Actor, cycleId: string, options?: Parameters<typeof steeringContext>[3]) =>
      steeringContext(deps, actor, cycleId, options),
    closedCyclesOfAmbition: (agendaId: string, ambitionId: string) =>
      closedCyclesOfAmbition(deps, agendaId, ambitionId),
    steeringRequests: (actor: Actor) => steeringRequests(deps, actor),
    answerSteeringRequest: (actor: Actor, ref: string, text: string, links?: AnswerLinks) =>
      answerSteeringRequest(deps, actor, ref, text, links),
    steeringAnswerView: (ref: Parameters<typeof steeringAnswerView>[1]) => steeringAnswerView(deps, ref),
    peerOffer: (memberId: string, input: Parameters<typeof peerOffer>[2]) => peerOffer(deps, memberId, input),
    askPeerContact: (memberId: string, input: AskInput) => askPeerContact(deps, memberId, input),
    acceptPeerContact: (memberId: string, contactId: string) => acceptPeerContact(deps, memberId, contactId),
    peerContactView: (contactId: string) => peerContactView(deps, contactId),
    peerMatches: (actor: Actor, agendaId: string, ambitionId: string) =>
      peerMatches(deps, actor, agendaId, ambitionId),
  };
}

export type Core = ReturnType<typeof createCore>;
