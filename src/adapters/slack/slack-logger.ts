import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from '../../core/ports';

/** Bolt's logger interface over ours, so Bolt's own messages end up in the same JSON log. */
export function slackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const write =
    (fn: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) =>
      logger[fn](
        { component: 'bolt' },
        msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' '),
      );
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
