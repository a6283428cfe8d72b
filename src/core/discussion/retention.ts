import type { CoreDeps } from '../ports';
import { DAY_MS } from '../time';
import { settingsOf } from './settings';

/** Rows per transaction: a long backlog is purged in short steps rather than one long lock. */
const BATCH = 5_000;

/**
 * Empties the texts of messages older than RETENTION_DAYS (the rows stay, without text, for the counts).
 * The scheduler calls this daily; a run that was missed is caught up by the next.
 */
export async function purgeExpiredTexts(
  deps: CoreDeps,
  now: Date = deps.clock.now(),
): Promise<{ purged: number; cutoff: Date }> {
  const { retentionDays } = settingsOf(deps);
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let purged = 0;
  for (;;) {
    const n = await deps.store.transaction((repos) => repos.personalData.purgeTexts(cutoff, now, BATCH));
    purged += n;
    if (n < BATCH) break;
  }
  if (purged > 0) {
    await deps.store.repos.audit.write({
      at: now,
      actorId: null,
      action: 'discussion.purge',
      target: null,
      details: { purged, cutoff: cutoff.toISOString(), retentionDays },
    });
    deps.logger.info({ purged, cutoff: cutoff.toISOString() }, 'message texts past retention purged');
  }
  // The embedded database runs no autovacuum: summaries read their scope from the links' index alone only
  // where the table is vacuumed, and plan with fresh statistics only where it is analysed.
  await deps.store.repos.discussion.tidySummaryTables();
  return { purged, cutoff };
}
