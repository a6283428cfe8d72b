import type { Clock } from './core/ports';

/** The clock of a running process; tests pass their own. */
export const systemClock: Clock = { now: () => new Date() };
