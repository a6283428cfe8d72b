import { AppError } from '../src/core/errors';
import type { Logger } from '../src/core/ports';
import { failedToServe } from '../src/main';

describe('main', () => {
  it('reports a failure serve() did not handle through the error sink, with its code and fix, and exits 1', () => {
    const lines: { level: string; fields: Record<string, unknown>; msg?: string }[] = [];
    const at = (level: string) => (fields: object, msg?: string) =>
      lines.push({ level, fields: fields as Record<string, unknown>, msg });
    const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
    const exits: number[] = [];
    failedToServe(new AppError('DB_UNAVAILABLE', 'connection refused'), logger, (code) => exits.push(code));
    expect(lines).toEqual([
      {
        level: 'error',
        msg: 'connection refused',
        fields: expect.objectContaining({
          phase: 'serve',
          code: 'DB_UNAVAILABLE',
          fix: expect.stringContaining('DATABASE_URL'),
        }),
      },
    ]);
    expect(exits).toEqual([1]);
  });
});
