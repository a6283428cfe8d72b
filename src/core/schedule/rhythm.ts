import { addDays, zonedInstant } from '../time';

/**
 * A recurring rhythm of review cycles, from CYCLE_RHYTHM, for example
 * `agenda=po-raad-2022-2026; opens=02-01,06-01,10-01; days=21; ahead=14`:
 * every year a cycle of that agenda opens on 1 February, 1 June and 1 October (MM-DD, at midnight in the
 * association's time zone), stays open 21 days (closing at the end of the 21st day) and is planned 14 days
 * before it opens, so coordinators see it coming and can still change or close it.
 */
export interface CycleRhythm {
  agendaId: string;
  opens: readonly string[];
  days: number;
  ahead: number;
}

export const RHYTHM_EXAMPLE = 'agenda=po-raad-2022-2026; opens=02-01,06-01,10-01; days=21; ahead=14';

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Parses the rhythm; throws an Error saying what is wrong (config.ts turns it into CONFIG_INVALID). */
export function parseRhythm(text: string): CycleRhythm {
  const fields = new Map<string, string>();
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, ...rest] = part.split('=');
    const value = rest.join('=').trim();
    const name = (key ?? '').trim().toLowerCase();
    if (!['agenda', 'opens', 'days', 'ahead'].includes(name) || !value)
      throw new Error(`"${part}" is not one of agenda=…, opens=…, days=…, ahead=…`);
    fields.set(name, value);
  }
  const agendaId = fields.get('agenda');
  if (!agendaId || !/^[a-z0-9-]+$/.test(agendaId)) throw new Error('agenda=ID of a known agenda is required');
  const opens = (fields.get('opens') ?? '').split(',').map((d) => d.trim());
  for (const d of opens)
    if (!MONTH_DAY.test(d) || !new Date(`2028-${d}T00:00:00Z`).toISOString().startsWith(`2028-${d}`))
      throw new Error(`opens=${fields.get('opens') ?? ''}: expected opening days as MM-DD, comma-separated`);
  const whole = (name: 'days' | 'ahead', fallback: number, min: number, max: number) => {
    const raw = fields.get(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`${name}=${raw}: expected ${min} to ${max}`);
    return n;
  };
  const days = whole('days', 21, 1, 120);
  const ahead = whole('ahead', 14, 0, 120);
  const sorted = [...new Set(opens)].sort();
  for (let i = 1; i < sorted.length; i++)
    if (addDays(`2027-${sorted[i - 1]}`, days) > `2027-${sorted[i]}`)
      throw new Error(`cycles opening ${sorted[i - 1]} and ${sorted[i]} would overlap with days=${days}`);
  return { agendaId, opens: sorted, days, ahead };
}

export interface RhythmCycle {
  /** Unique per rhythm occurrence: planning it twice is refused by the database. */
  slot: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
}

/** Dutch season names by month, for the names of planned cycles ("Voorjaar 2027"). */
const SEASONS =
  'Winter Winter Voorjaar Voorjaar Voorjaar Zomer Zomer Zomer Najaar Najaar Najaar Winter'.split(' ');

function seasonName(date: string): string {
  return `${SEASONS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/**
 * The rhythm's cycles that should be planned at `now`: those whose planning day has come and that have
 * not opened yet. Missed days are caught up as long as the cycle has not opened.
 */
export function rhythmCyclesDue(rhythm: CycleRhythm, now: Date, timeZone: string): RhythmCycle[] {
  const due: RhythmCycle[] = [];
  const year = now.getUTCFullYear();
  for (const y of [year - 1, year, year + 1])
    for (const monthDay of rhythm.opens) {
      const date = `${y}-${monthDay}`;
      if (!new Date(`${date}T00:00:00Z`).toISOString().startsWith(date)) continue; // 29 February
      const opensAt = zonedInstant(date, '00:00', timeZone);
      const planAt = zonedInstant(addDays(date, -rhythm.ahead), '00:00', timeZone);
      if (now < planAt || now >= opensAt) continue;
      due.push({
        slot: `${rhythm.agendaId}:${date}`,
        name: seasonName(date),
        opensAt,
        closesAt: zonedInstant(addDays(date, rhythm.days - 1), '23:59', timeZone),
      });
    }
  return due;
}
