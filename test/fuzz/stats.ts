import type { Queryable } from '../../src/store/db';

/** What a fuzz run saw: answers per kind and status, and every broken promise. */
export interface FuzzStats {
  requests: number;
  statuses: Record<string, Record<number, number>>;
  /** 5xx answers, rows written for refused input, and the like: each one a finding. */
  violations: string[];
  /** Rows checked unchanged after a refused request, per table. */
  refusedChecked: number;
}

export const newStats = (): FuzzStats => ({ requests: 0, statuses: {}, violations: [], refusedChecked: 0 });

export function tally(stats: FuzzStats, kind: string, status: number): void {
  stats.requests++;
  const byStatus = stats.statuses[kind] ?? {};
  stats.statuses[kind] = byStatus;
  byStatus[status] = (byStatus[status] ?? 0) + 1;
  if (status >= 500) stats.violations.push(`${kind}: HTTP ${status}`);
}

export interface RowCounter {
  snapshot(): Promise<Record<string, number>>;
  /** Records a violation for every table whose row count changed since `before`. */
  unchanged(before: Record<string, number>, label: string, stats: FuzzStats): Promise<void>;
}

/** Counts the rows of every table in one statement, to compare around a refused request. */
export async function rowCounter(db: Queryable): Promise<RowCounter> {
  const tables = (
    await db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    )
  ).rows.map((r) => r.name);
  const sql = tables.map((t) => `SELECT '${t}' AS name, count(*)::int AS n FROM "${t}"`).join(' UNION ALL ');
  const snapshot = async () =>
    Object.fromEntries(
      (await db.query<{ name: string; n: number }>(sql)).rows.map((r) => [r.name, Number(r.n)]),
    );
  return {
    snapshot,
    async unchanged(before, label, stats) {
      const after = await snapshot();
      stats.refusedChecked++;
      for (const t of tables)
        if (after[t] !== before[t])
          stats.violations.push(`${label}: ${t} went from ${before[t]} to ${after[t]} rows`);
    },
  };
}

/** Rows that must never exist, whatever came in. */
export async function impossibleRows(db: Queryable): Promise<string[]> {
  const found: string[] = [];
  const empty = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM workspaces WHERE external_id = ''",
  );
  if (Number(empty.rows[0]?.n) > 0) found.push(`${empty.rows[0]?.n} workspace(s) with an empty id`);
  const members = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM members WHERE external_id = ''",
  );
  if (Number(members.rows[0]?.n) > 0) found.push(`${members.rows[0]?.n} member(s) with an empty id`);
  return found;
}
