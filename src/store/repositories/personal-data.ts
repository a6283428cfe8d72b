import type { MemberMessageRecord, PersonalDataRepository } from '../../core/discussion/ports';
import type { AmbitionLink, LinkSource } from '../../core/model';
import type { Queryable } from '../db';
import { date, dateOrNull, messagePlaceFromRow, practiceFromRow, updateFromRow } from './rows';

type Row = Record<string, unknown>;

export function personalDataRepository(db: Queryable): PersonalDataRepository {
  return {
    async purgeTexts(cutoff, at, limit) {
      const res = await db.query(
        `UPDATE discussion_messages SET text = NULL, purged_at = $2
         WHERE id IN (SELECT id FROM discussion_messages WHERE text IS NOT NULL AND posted_at < $1
                      ORDER BY posted_at LIMIT $3)`,
        [cutoff, at, limit],
      );
      return res.rowCount;
    },
    async eraseMember(memberId, at) {
      // The rows stay (without text or author) so the counts per ambition and per board stay right.
      const res = await db.query(
        'UPDATE discussion_messages SET text = NULL, erased_at = $2, member_id = NULL WHERE member_id = $1',
        [memberId, at],
      );
      await db.query('UPDATE message_ambitions SET linked_by = NULL WHERE linked_by = $1', [memberId]);
      return res.rowCount;
    },
    async exportMember(member) {
      const communities = await db.query(
        `SELECT cm.community_id, c.agenda_id, c.theme_id, c.channel_id, cm.joined_at
         FROM community_members cm JOIN communities c ON c.id = cm.community_id
         WHERE cm.member_id = $1 ORDER BY cm.joined_at`,
        [member.id],
      );
      const messages = await db.query(
        `SELECT dm.*, c.workspace_id, w.platform, c.channel_id
         FROM discussion_messages dm
         JOIN communities c ON c.id = dm.community_id
         JOIN workspaces w ON w.id = c.workspace_id
         WHERE dm.member_id = $1 ORDER BY dm.posted_at, dm.id`,
        [member.id],
      );
      const links = await db.query<{
        message_id: string;
        ambition_id: string;
        source: LinkSource;
        score: number | null;
      }>(
        `SELECT message_id, ambition_id, source, score FROM message_ambitions
         WHERE message_id = ANY($1::text[]) ORDER BY ambition_id`,
        [messages.rows.map((r) => r.id)],
      );
      const linksOf = new Map<string, AmbitionLink[]>();
      for (const l of links.rows)
        linksOf.set(l.message_id, [
          ...(linksOf.get(l.message_id) ?? []),
          { ambitionId: l.ambition_id, source: l.source, score: l.score },
        ]);
      const linksMade = await db.query<{
        message_id: string;
        ambition_id: string;
        source: LinkSource;
        created_at: Date;
      }>(
        'SELECT message_id, ambition_id, source, created_at FROM message_ambitions WHERE linked_by = $1 ORDER BY created_at',
        [member.id],
      );
      const practices = await db.query('SELECT * FROM practices WHERE member_id = $1 ORDER BY created_at', [
        member.id,
      ]);
      const updates = await db.query(
        'SELECT * FROM updates WHERE member_id = $1 ORDER BY created_at, item_id',
        [member.id],
      );
      const checkIns = await db.query(
        'SELECT cycle_id, created_at, answered_at, reminders_sent FROM check_ins WHERE member_id = $1 ORDER BY created_at',
        [member.id],
      );
      const audit = await db.query(
        'SELECT at, actor_id, action, target, details FROM audit_log WHERE actor_id = $1 OR target = $1 ORDER BY id',
        [member.id],
      );
      return {
        member,
        communities: communities.rows.map((r) => ({
          communityId: r.community_id as string,
          agendaId: r.agenda_id as string,
          themeId: r.theme_id as string,
          channelId: r.channel_id as string,
          joinedAt: date(r.joined_at),
        })),
        messages: messages.rows.map(
          (r: Row): MemberMessageRecord => ({
            ...messagePlaceFromRow(r),
            text: (r.text as string | null) ?? null,
            editedAt: dateOrNull(r.edited_at),
            erasedAt: dateOrNull(r.erased_at),
            purgedAt: dateOrNull(r.purged_at),
            links: linksOf.get(r.id as string) ?? [],
          }),
        ),
        linksMade: linksMade.rows.map((r) => ({
          messageId: r.message_id,
          ambitionId: r.ambition_id,
          source: r.source,
          at: date(r.created_at),
        })),
        practices: practices.rows.map(practiceFromRow),
        updates: updates.rows.map(updateFromRow),
        checkIns: checkIns.rows.map((r) => ({
          cycleId: r.cycle_id as string,
          createdAt: date(r.created_at),
          answeredAt: dateOrNull(r.answered_at),
          remindersSent: Number(r.reminders_sent),
        })),
        audit: audit.rows.map((r) => ({
          at: date(r.at),
          actorId: (r.actor_id as string | null) ?? null,
          action: r.action as string,
          target: (r.target as string | null) ?? null,
          details: r.details as Record<string, unknown>,
        })),
      };
    },
  };
}
