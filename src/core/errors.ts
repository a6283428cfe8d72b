/**
 * Every error the application raises on purpose carries a code. The i18n layer turns a code into a
 * message for a person; the error sink logs the code with the fix where one is known.
 */
export const ERROR_CODES = [
  // configuration and start-up
  'CONFIG_INVALID',
  'DATA_DIR_IN_USE',
  'DB_UNAVAILABLE',
  'MIGRATION_FAILED',
  'AGENDA_INVALID',
  'AGENDA_FILE_UNREADABLE',
  'BOARDS_CSV_INVALID',
  'MEMBERS_CSV_INVALID',
  'HOLIDAYS_INVALID',
  'TEAMS_SDK_CHANGED',
  // delivery
  'DELIVERY_FAILED',
  'DELIVERY_REFUSED',
  // permissions
  'NOT_COORDINATOR',
  'NOT_OWN_BOARD',
  'NOT_IN_AUDIENCE',
  'PEER_NOT_OFFERED',
  'NOT_YOUR_CONTACT_REQUEST',
  // lookups
  'UNKNOWN_AGENDA',
  'UNKNOWN_THEME',
  'UNKNOWN_AMBITION',
  'UNKNOWN_SCOPE_ITEM',
  'UNKNOWN_BOARD',
  'UNKNOWN_MEMBER',
  'UNKNOWN_CYCLE',
  'UNKNOWN_COMMUNITY',
  'UNKNOWN_MESSAGE',
  'UNKNOWN_STEERING_REQUEST',
  'UNKNOWN_PRACTICE',
  'UNKNOWN_CONTACT_REQUEST',
  'AMBIGUOUS_ID',
  // rules
  'NO_BOARD_CHOSEN',
  'CYCLE_NOT_OPEN',
  'CYCLE_CLOSED',
  'CYCLE_NOT_CLOSED',
  'CYCLE_BAD_STATE',
  'CYCLE_BAD_DATES',
  'CYCLE_EMPTY_SCOPE',
  'AGENDA_PROTECTED',
  'AGENDA_IN_USE',
  'COMMUNITY_EXISTS',
  'NOT_A_COMMUNITY_CHANNEL',
  'INPUT_INVALID',
  'SUMMARY_LLM_FAILED',
  'CARD_INVALID',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, message: string, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
