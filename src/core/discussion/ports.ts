import type { AmbitionLink, Community, LinkSource, Member, Platform, Practice, Update } from '../model';
import type { AuditEntry, NewDiscussionMessage } from '../ports';
import type { MessageAnalysis } from './analysis';

/** A message of a batch, with its analysis (recordMessages). */
export interface BatchMessage extends NewDiscussionMessage {
  analysis: MessageAnalysis;
}

export interface BatchLink {
  messageId: string;
  ambitionId: string;
  source: LinkSource;
  score: number | null;
}

import type { Summariser } from './summariser';

/** What discussion, summaries, digests and personal-data requests need from the store, beyond the core's. */

/** Where a message is: enough for a card or a report to point at it on its platform. */
export interface MessageRef {
  messageId: string;
  communityId: string;
  workspaceId: string;
  platform: Platform;
  channelId: string;
  externalId: string;
  threadExternalId: string | null;
  postedAt: Date;
}

/** A message linked to one ambition (without its text: summaries read its analysed sentences). */
export interface AmbitionMessage extends MessageRef {
  memberId: string | null;
  boardId: string | null;
  /** False once purged or erased. */
  hasText: boolean;
  /** Its sentences are stored (false for messages recorded before they were). */
  analysed: boolean;
  /** It asks for help or steering. */
  steering: boolean;
  source: LinkSource;
}

/** A message with whether someone else posted in its thread after it (a question's answer). */
export type AnsweredMessage = AmbitionMessage & { answered: boolean };

/** One author's messages in a summary's scope, counted. */
export interface AuthorActivity {
  boardId: string | null;
  memberId: string | null;
  messages: number;
  withText: number;
  steering: number;
  /** With a text but no stored sentences (recorded before they were stored). */
  unanalysed: number;
  bySource: Record<LinkSource, number>;
}

/** A stored sentence of a message, with the one before it when it leans on it. */
export interface StoredSentence {
  messageId: string;
  /** The board of the message's author, when known. */
  boardId: string | null;
  /** When a question was asked (ms since the epoch); null for a statement. */
  askedAt: number | null;
  position: number;
  text: string;
  terms: string[];
  question: boolean;
  context: string | null;
}

export interface AmbitionScope {
  agendaId: string;
  ambitionId: string;
  /** Messages posted from (inclusive) to (exclusive). */
  from: Date;
  to: Date;
  /** Only this community's messages; all communities of the agenda when absent. */
  communityId?: string;
}

/** A message posted in a thread: when and by whom, to tell whether a question got an answer. */
export interface ThreadPost {
  communityId: string;
  /** The external id of the thread's first message. */
  root: string;
  memberId: string | null;
  postedAt: Date;
}

export interface CommunityWithAge extends Community {
  createdAt: Date;
}

export interface DiscussionRepository {
  updateText(messageId: string, text: string, editedAt: Date): Promise<void>;
  /** Deletes the message and its links; false when it was not there. */
  remove(messageId: string): Promise<boolean>;
  /** Removes the message's links to these ambitions, or its links of these sources; returns how many. */
  unlink(
    messageId: string,
    which: { ambitions?: readonly string[]; sources?: readonly LinkSource[] },
  ): Promise<number>;
  messagesForAmbition(scope: AmbitionScope): Promise<AmbitionMessage[]>;
  /** Stores a message's analysis (sentences, steering flag), replacing any earlier one. */
  saveAnalysis(messageId: string, analysis: MessageAnalysis): Promise<void>;
  /**
   * The candidate sentences of a summary, picked by the store: the sentences (questions, and statements
   * with at least minTerms content terms) of at most `messages` messages of the scope (those a person
   * linked first, then the classifier's surest) and of the newest `recent`; each with the sentence before
   * it when it leans on it.
   */
  summarySentences(
    scope: AmbitionScope,
    limits: { minTerms: number; messages: number; recent: number },
  ): Promise<StoredSentence[]>;
  /** The scope's messages counted per author (board, member), by link source and flags. */
  ambitionActivity(scope: AmbitionScope): Promise<AuthorActivity[]>;
  /**
   * Where these messages are and who wrote them (the sources of key points and questions), and whether
   * someone else posted in the message's thread after it (a question's answer).
   */
  messageRefs(messageIds: readonly string[]): Promise<AnsweredMessage[]>;
  /** Vacuums and analyses the tables summaries read (daily; outside any transaction). */
  tidySummaryTables(): Promise<void>;
  /** The texts of the scope's messages whose sentences are not stored yet (recorded before they were). */
  unanalysedTexts(
    scope: AmbitionScope,
  ): Promise<{ messageId: string; boardId: string | null; postedAt: Date; text: string }[]>;
  /**
   * Inserts messages with their links and sentences in a few statements; messages whose platform id is
   * stored already are skipped with theirs. Returns the ids inserted.
   */
  insertBatch(messages: readonly BatchMessage[], links: readonly BatchLink[], at: Date): Promise<Set<string>>;
  /** The ambitions people linked (not automatically) to these thread roots, by "community externalId". */
  personLinksOf(
    roots: readonly { communityId: string; externalId: string }[],
  ): Promise<Map<string, string[]>>;
  /** The most recent messages of the agenda's communities linked by hand, with the ambition: learned examples. */
  labelledExamples(agendaId: string, limit: number): Promise<{ ambitionId: string; text: string }[]>;
  /** Every post in the threads that start with these messages (the starts included). */
  threadPosts(threads: readonly { communityId: string; root: string }[]): Promise<ThreadPost[]>;
  /** The current (not superseded) updates about the ambition or its actions in these cycles. */
  currentUpdatesForAmbition(ambitionId: string, cycleIds: readonly string[]): Promise<Update[]>;
  practicesForAmbition(agendaId: string, ambitionId: string, from: Date, to: Date): Promise<Practice[]>;
  boardNames(boardIds: readonly string[]): Promise<Map<string, string>>;
  listCommunities(): Promise<CommunityWithAge[]>;
  /** Messages posted in [from, to) per community; communities without any are absent. */
  messageCounts(from: Date, to: Date): Promise<Map<string, number>>;
  /** The ambitions this community's messages of the period are linked to. */
  linkedAmbitions(communityId: string, from: Date, to: Date): Promise<string[]>;
  /** Which of these dedupe keys the outbox holds already. */
  queuedKeys(keys: readonly string[]): Promise<Set<string>>;
}

/** A message as its author gets it back in a personal-data export. */
export interface MemberMessageRecord extends MessageRef {
  text: string | null;
  editedAt: Date | null;
  erasedAt: Date | null;
  purgedAt: Date | null;
  links: AmbitionLink[];
}

export interface MemberDataRecords {
  member: Member;
  communities: {
    communityId: string;
    agendaId: string;
    themeId: string;
    channelId: string;
    joinedAt: Date;
  }[];
  messages: MemberMessageRecord[];
  linksMade: { messageId: string; ambitionId: string; source: LinkSource; at: Date }[];
  practices: Practice[];
  updates: Update[];
  checkIns: { cycleId: string; createdAt: Date; answeredAt: Date | null; remindersSent: number }[];
  audit: AuditEntry[];
}

export interface PersonalDataRepository {
  /** Sets the texts of messages posted before cutoff to null, at most `limit`; returns how many. */
  purgeTexts(cutoff: Date, at: Date, limit: number): Promise<number>;
  /** Erases the member's message texts and unhooks the messages and the links they made from them. */
  eraseMember(memberId: string, at: Date): Promise<number>;
  exportMember(member: Member): Promise<MemberDataRecords>;
}

/** Settings of the discussion features, from the configuration; every field has a default. */
export interface DiscussionSettings {
  /** Ranks messages with a language model (SUMMARY_LLM_URL); the lexical classifier alone when absent. */
  classifier?: import('./llm-classifier').LlmRanker;
  /** Key points of summaries; the extractive summariser when absent. */
  summariser?: Summariser;
  /** Days message texts are kept (RETENTION_DAYS); 365 when absent. */
  retentionDays?: number;
  /** Days per digest period (DIGEST_EVERY_DAYS); 14 when absent. */
  digestEveryDays?: number;
  /** The association's time zone: digest periods start at its midnight. Europe/Amsterdam when absent. */
  timeZone?: string;
}
