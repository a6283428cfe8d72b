import type { LinkSource, UpdateStatus } from '../model';
import type { MessageRef } from './ports';

/**
 * A summary of what was said and done about one ambition over a period: key points (each traced to its
 * messages and boards), open questions, practices shared, participation, the status per review cycle
 * with its trend, and the steering signals. A typed object: cards, the dashboard, Markdown and the
 * report render it.
 */

export const DEFAULT_SUMMARY_DAYS = 90;
export const MAX_KEY_POINTS = 5;
export const MAX_OPEN_QUESTIONS = 5;
/** The sources a key point names; the other messages saying it are counted. */
export const KEY_POINT_SOURCES = 3;

/** A message a key point comes from: where, when, by which board, and a link that opens it. */
export interface SourceRef extends MessageRef {
  boardName: string | null;
  link: string;
}

export interface KeyPoint {
  /** The sentence, after the one it leans on when it does ("… Daarom …"). */
  text: string;
  /**
   * Where it was said: the first is the message it was taken from, then those saying the same, at most
   * KEY_POINT_SOURCES of them.
   */
  sources: SourceRef[];
  /** How many messages said it (the sources and the rest). */
  messages: number;
  /** How many boards said it (messages without a board count as none). */
  boards: number;
}

export interface OpenQuestion {
  text: string;
  source: MessageRef;
}

export interface PracticeItem {
  id: string;
  title: string;
  description: string;
  instruments: string;
  boardName: string | null;
  createdAt: Date;
}

export interface BoardParticipation {
  boardId: string | null;
  boardName: string | null;
  messages: number;
  members: number;
  /** The names of the people who wrote: only for a coordinator of the association, privately. */
  names?: string[];
}

export interface Participation {
  messages: number;
  members: number;
  boards: BoardParticipation[];
  namesShown: boolean;
}

export interface CycleStatusSummary {
  cycleId: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  open: boolean;
  /** Boards that answered about the ambition or its actions. */
  boards: number;
  answers: number;
  counts: Record<UpdateStatus, number>;
  averageProgress: number | null;
}

export type Trend = 'improving' | 'stable' | 'declining';

export interface SteeringSignal {
  cycleId: string;
  cycleName: string;
  itemId: string;
  itemTitle: string;
  status: UpdateStatus;
  explanation: string;
  /** The board that asks for steering: only for a coordinator of the association, privately. */
  boardName: string | null;
}

export interface AmbitionSummary {
  agenda: { id: string; name: string; association: string };
  theme: { id: string; title: string } | null;
  ambition: { id: string; number: number; title: string; tag: string; text: string };
  period: { from: Date; to: Date };
  generatedAt: Date;
  keyPointsBy: 'extractive' | 'llm';
  messages: {
    total: number;
    withText: number;
    bySource: Record<LinkSource, number>;
    /** Messages that ask for help or steering. */
    steering: number;
  };
  keyPoints: KeyPoint[];
  openQuestions: OpenQuestion[];
  practices: PracticeItem[];
  participation: Participation;
  cycles: CycleStatusSummary[];
  trend: Trend | null;
  steering: SteeringSignal[];
}

export interface SummaryRequest {
  /** The ambition as people type it: a3, 3, #bredeopdracht or its title. */
  ambition: string;
  /** Needed when the ambition's id is in more than one agenda and the viewer's communities do not tell. */
  agendaId?: string;
  /** Default: the DEFAULT_SUMMARY_DAYS days before `to`. */
  from?: Date;
  /** Default: now. */
  to?: Date;
  /** Only this community's messages (a digest); all the agenda's communities when absent. */
  communityId?: string;
  /** Where it will be shown: people's names appear only in a private view. */
  visibility: 'private' | 'channel';
  locale?: 'nl' | 'en';
}
