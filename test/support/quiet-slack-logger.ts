import type { Logger } from '@slack/logger';

/** A Slack client logger that says nothing: tests read outcomes, not the client's own lines. */
export const quietSlackLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => 'error',
  setName() {},
} as unknown as Logger;
