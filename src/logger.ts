import pino from 'pino';
import { SECRET_VARIABLES } from './config-schema';
import type { Logger } from './core/ports';

/** JSON logs on stdout; anything that looks like a secret is redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger & Logger {
  return pino(
    {
      level,
      base: { service: 'samenspraak' },
      redact: {
        paths: [
          ...SECRET_VARIABLES.map((v) => `env.${v}`),
          '*.token',
          '*.password',
          '*.authorization',
          'req.headers.authorization',
          'req.headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
