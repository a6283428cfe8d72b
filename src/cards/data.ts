import type { ErrorCode, ErrorParams } from '../core/errors';
import type { CycleStatus, UpdateAnswer, UpdateStatus } from '../core/model';
import type { Locale } from '../i18n/index';

/** The data each card is bound to: what the caller knows, in the core's words; the binder does the wording. */

export interface WelcomeData {
  isCoordinator: boolean;
  /** The communities of this workspace: the theme and the channel people find it in. */
  communities: { theme: string; channel: string }[];
}

export interface BoardChoice {
  id: string;
  name: string;
}

export interface ProfileData {
  /** The current board and a few likely ones; the rest are found by searching (Teams Data.Query, Slack external_select). */
  boards: BoardChoice[];
  boardId: string | null;
  timeZone: string;
  locale: Locale;
  /** The member agreed to be contacted by other boards (issue 18); off by default. */
  peerContact?: boolean;
}

/** An ambition or action the cycle asks about (a ScopeItem of the agenda). */
export interface CardItem {
  id: string;
  kind: 'ambition' | 'action';
  title: string;
  text: string;
}

export interface CycleRef {
  id: string;
  name: string;
  closesAt: Date;
}

export interface CheckinData {
  cycle: CycleRef;
  boardName: string | null;
  /** The member's time zone, for the deadline. */
  timeZone: string;
  items: CardItem[];
  answered: boolean;
  /** The coordinators' answers to the board's steering requests in its previous cycle (issue 18). */
  earlierAnswers?: { cycleName: string; lines: string[] };
}

export interface UpdateFormData {
  cycle: CycleRef;
  boardName: string;
  timeZone: string;
  /** The whole scope; the binder shows one page of it. */
  items: CardItem[];
  /** The board's current answers, to pre-fill the form. */
  previous: UpdateAnswer[];
  /** 1-based; out of range is brought within the pages. */
  page: number;
}

export interface UpdateReceiptData {
  cycle: CycleRef;
  boardName: string;
  timeZone: string;
  items: CardItem[];
  answers: UpdateAnswer[];
  /** The page just submitted (1-based), paged like the form. */
  page: number;
  cycleOpen: boolean;
  submittedAt: Date;
}

export interface AmbitionChoice {
  id: string;
  number: number;
  title: string;
}

export interface PracticeFormData {
  agendaId: string;
  ambitions: AmbitionChoice[];
  /** Pre-filled values, e.g. the community's ambitions and the member's name as contact. */
  draft: {
    title?: string;
    description?: string;
    ambitionIds?: string[];
    instruments?: string;
    contact?: string;
  };
}

export interface PracticeViewData {
  title: string;
  description: string;
  ambitions: AmbitionChoice[];
  instruments: string;
  contact: string;
  /** Who shared it, e.g. "Marieke de Vries (Stichting Primair Onderwijs Noord)". */
  sharedBy: string;
  sharedAt: Date;
  timeZone: string;
}

export interface SummaryData {
  ambition: AmbitionChoice & { text: string };
  cycleName: string | null;
  /** The period summarised and how many messages it had about the ambition. */
  period: { from: Date; to: Date; timeZone: string };
  messages: number;
  keyPoints: string[];
  /** Boards per status in the latest answers. */
  statusCounts: Record<UpdateStatus, number>;
  steeringNeeded: number;
  practices: { title: string; boardName: string | null }[];
  participation: { answered: number; asked: number } | null;
  dashboardUrl: string | null;
}

export interface ResponseRate {
  name: string;
  answered: number;
  asked: number;
}

export interface CycleStatusData {
  cycle: CycleRef & { status: CycleStatus; opensAt: Date };
  timeZone: string;
  overall: { answered: number; asked: number };
  byTheme: ResponseRate[];
  /** Per board group, e.g. region. */
  byGroup: ResponseRate[];
  dashboardUrl: string | null;
}

/** The first-contact prompt: a message with a button that opens the profile (Slack: as a modal). */
export interface ProfilePromptData {
  /** Why the member sees it: a cycle waits for their board, or plain first contact. */
  forCycle: string | null;
}

export interface ErrorCardData {
  code: ErrorCode;
  params?: ErrorParams;
  /** A short reference the coordinator can find in the log. */
  reference?: string;
}

export interface CardDataMap {
  welcome: WelcomeData;
  profile: ProfileData;
  'profile-prompt': ProfilePromptData;
  checkin: CheckinData;
  'update-form': UpdateFormData;
  'update-receipt': UpdateReceiptData;
  'practice-form': PracticeFormData;
  'practice-view': PracticeViewData;
  'steering-form': SteeringFormData;
  'peer-offer': PeerOfferData;
  'peer-request': PeerRequestData;
  summary: SummaryData;
  'cycle-status': CycleStatusData;
  error: ErrorCardData;
}

/** The steering form: a closed cycle's ambitions with their results, to decide on one. */
export interface SteeringFormData {
  cycle: { id: string; name: string };
  ambitions: {
    id: string;
    number: number;
    title: string;
    statusCounts: Record<UpdateStatus, number>;
    steeringNeeded: number;
    /** The current decision, if one was taken already. */
    decided: 'continue' | 'adjust' | 'escalate' | null;
    /** Against the previous cycle (average progress); null without one. */
    trend?: {
      direction: 'improving' | 'stable' | 'declining';
      previousCycle: string;
      previousProgress: number;
      progress: number;
    } | null;
    /** The boards' steering requests with their explanations (a few; `moreRequests` counts the rest). */
    requests?: { boardName: string; explanation: string; answered: boolean }[];
    moreRequests?: number;
    /** The discussion summary's key points (a few). */
    keyPoints?: string[];
  }[];
  selectedAmbition: string | null;
}

/** Peer matching (issue 18): what a board behind on an ambition is offered, privately. */
export interface PeerOfferData {
  agendaId: string;
  ambition: AmbitionChoice;
  cycleId: string | null;
  practices: { title: string; boardName: string | null; line: string }[];
  boards: { boardId: string; name: string; region: string; sameRegion: boolean; reportedAt: Date }[];
  timeZone: string;
}

/** A board's request for contact, for the consenting member of the board on track. */
export interface PeerRequestData {
  contactId: string;
  fromBoard: string;
  ambition: AmbitionChoice;
  /** Still to accept (false once accepted: the button goes). */
  open: boolean;
}
