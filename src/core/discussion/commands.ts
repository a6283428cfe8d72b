import type { Actor } from '../access';
import type { Member } from '../model';
import type { CoreDeps } from '../ports';
import { correctMessageAmbitions } from './corrections';
import { digestContent, dueDigests, queueDigests } from './digests';
import type { RenderOptions } from './labels';
import { learnedClassifier } from './learning';
import { summaryMarkdown } from './markdown';
import { eraseMemberTexts, exportMemberData } from './personal-data';
import {
  correctLinks,
  deleteMessage,
  editMessage,
  linkMessage,
  type MessageAddress,
  type RecordMessageInput,
  recordMessage,
} from './record';
import { recordMessages } from './record-batch';
import { sectorReport } from './report';
import { type ReportFormat, renderReport } from './report-formats';
import { purgeExpiredTexts } from './retention';
import { findAmbition, type SummaryRequest, summariseAmbition } from './summary';

/** The discussion commands bound to their dependencies, for createCore. */
export function discussionCommands(deps: CoreDeps) {
  return {
    /** A message arrived in a channel (Slack `message`, Teams channel message). */
    recordMessage: (input: RecordMessageInput) => recordMessage(deps, input),
    /** A burst of messages at once (a backlog, a channel's history): batched writes, the same rules. */
    recordMessages: (inputs: readonly RecordMessageInput[]) => recordMessages(deps, inputs),
    /** Slack `message_changed`, Teams `messageUpdate`. */
    editMessage: (input: MessageAddress & { text: string; editedAt: Date }) => editMessage(deps, input),
    /** Slack `message_deleted`, Teams `messageDelete`. */
    deleteMessage: (input: MessageAddress) => deleteMessage(deps, input),
    /** The "link to ambition" action. */
    linkMessage: (memberId: string, input: MessageAddress & { ambitions: string[] }) =>
      linkMessage(deps, memberId, input),
    /** Removing a wrong (automatic) link, or replacing it, in one go. */
    correctLinks: (memberId: string, input: MessageAddress & { add: string[]; remove: string[] }) =>
      correctLinks(deps, memberId, input),
    /** A coordinator sets a message's ambitions on the dashboard (manual links, learned). */
    correctMessageAmbitions: (memberId: string, input: { messageId: string; ambitions: readonly string[] }) =>
      correctMessageAmbitions(deps, memberId, input),
    /** The agenda's ambitions ranked for a text, best first, with what the association taught it. */
    classify: async (agendaId: string, text: string) => (await learnedClassifier(deps, agendaId)).rank(text),
    /** `samenvatting <ambitie>`: the summary object the card, dashboard and Markdown render. */
    summarise: (viewer: Actor, request: SummaryRequest) => summariseAmbition(deps, viewer, request),
    summaryMarkdown,
    /** `samenvatting a1`: the ambition a member means (the agenda of their workspace when ids repeat). */
    findAmbition: (viewer: Member, query: string) => findAmbition(deps, viewer, query),
    /** `mijn-gegevens`: everything stored about the member (send it privately). */
    exportMemberData: (memberId: string) => exportMemberData(deps, memberId),
    /** `mijn-gegevens wis`. */
    eraseMemberTexts: (memberId: string) => eraseMemberTexts(deps, memberId),
    /** Scheduler, daily. */
    purgeExpiredTexts: (now?: Date) => purgeExpiredTexts(deps, now),
    dueDigests: (now?: Date) => dueDigests(deps, now),
    /** Scheduler, at every tick (idempotent: dedupe keys). */
    queueDigests: (now?: Date) => queueDigests(deps, now),
    /** Delivery, when it sends a `community.digest` outbox row: its payload in, the content out. */
    digestContent: (payload: unknown) => digestContent(deps, payload),
    sectorReport: (input: { agendaId: string; year: number; from: Date; to: Date }) =>
      sectorReport(deps, input),
    renderReport: (
      input: { agendaId: string; year: number; from: Date; to: Date },
      format: ReportFormat,
      options?: RenderOptions,
    ) => sectorReport(deps, input).then((r) => renderReport(r, format, options)),
  };
}
