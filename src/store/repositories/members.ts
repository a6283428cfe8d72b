import type { Member, Role } from '../../core/model';
import type { IdGenerator, MemberIdentity, MemberRepository } from '../../core/ports';
import type { Queryable } from '../db';
import { MEMBER_COLUMNS, MEMBER_FROM, memberFromRow } from './rows';

export function memberRepository(db: Queryable): MemberRepository {
  const one = async (where: string, params: unknown[]): Promise<Member | null> => {
    const res = await db.query(`SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM} WHERE ${where}`, params);
    return res.rows[0] ? memberFromRow(res.rows[0]) : null;
  };
  const many = async (where: string, params: unknown[]): Promise<Member[]> => {
    const res = await db.query(
      `SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM} WHERE ${where} ORDER BY m.name`,
      params,
    );
    return res.rows.map(memberFromRow);
  };
  return {
    async upsert(identity: MemberIdentity, ids: IdGenerator, defaultRoles: Role[], defaultTimeZone) {
      // A name learnt later fills in; the platform's time zone replaces a default, never the member's choice.
      await db.query(
        `INSERT INTO members (id, workspace_id, external_id, name, aad_object_id, locale, time_zone, time_zone_from, roles)
         VALUES ($1, $2, $3, COALESCE($4, ''), $5, COALESCE($6, 'nl'), COALESCE($7, $9),
                 CASE WHEN $7::text IS NULL THEN 'default' ELSE 'platform' END, $8)
         ON CONFLICT (workspace_id, external_id) DO UPDATE SET
           name = CASE WHEN EXCLUDED.name <> '' THEN EXCLUDED.name ELSE members.name END,
           aad_object_id = COALESCE(EXCLUDED.aad_object_id, members.aad_object_id),
           time_zone = CASE WHEN $7::text IS NOT NULL AND members.time_zone_from <> 'member'
                       THEN $7 ELSE members.time_zone END,
           time_zone_from = CASE WHEN $7::text IS NOT NULL AND members.time_zone_from <> 'member'
                            THEN 'platform' ELSE members.time_zone_from END,
           updated_at = now()`,
        [
          ids(),
          identity.workspaceId,
          identity.externalId,
          identity.name ?? null,
          identity.aadObjectId ?? null,
          identity.locale ?? null,
          identity.timeZone ?? null,
          defaultRoles,
          defaultTimeZone,
        ],
      );
      const member = await one('m.workspace_id = $1 AND m.external_id = $2', [
        identity.workspaceId,
        identity.externalId,
      ]);
      if (!member) throw new Error(`member ${identity.externalId} vanished after upsert`);
      return member;
    },
    // The same rules as the upsert's SET, asked instead of written: a name fills in, an Entra id is kept,
    // the platform's time zone replaces any but the member's own choice.
    unchanged: (platform, workspaceExternalId, identity) =>
      one(
        `w.platform = $1 AND w.external_id = $2 AND m.external_id = $3
         AND ($4::text IS NULL OR $4 = '' OR m.name = $4)
         AND ($5::text IS NULL OR m.aad_object_id = $5)
         AND ($6::text IS NULL OR m.time_zone_from = 'member' OR (m.time_zone = $6 AND m.time_zone_from = 'platform'))`,
        [
          platform,
          workspaceExternalId,
          identity.externalId,
          identity.name ?? null,
          identity.aadObjectId ?? null,
          identity.timeZone ?? null,
        ],
      ),
    get: (id) => one('m.id = $1', [id]),
    findByExternal: (workspaceId, externalId) =>
      one('m.workspace_id = $1 AND m.external_id = $2', [workspaceId, externalId]),
    async setBoard(memberId, boardId, confirmed) {
      await db.query(
        'UPDATE members SET board_id = $2, board_confirmed = $3, updated_at = now() WHERE id = $1',
        [memberId, boardId, confirmed],
      );
    },
    async setRoles(memberId, roles) {
      await db.query('UPDATE members SET roles = $2, updated_at = now() WHERE id = $1', [memberId, roles]);
    },
    async setProfile(memberId, profile) {
      await db.query(
        `UPDATE members SET
           locale = COALESCE($2, locale),
           time_zone = COALESCE($3, time_zone),
           time_zone_from = CASE WHEN $3::text IS NULL THEN time_zone_from ELSE 'member' END,
           away_until = CASE WHEN $4::boolean THEN $5::date ELSE away_until END,
           peer_contact = COALESCE($6::boolean, peer_contact),
           updated_at = now()
         WHERE id = $1`,
        [
          memberId,
          profile.locale ?? null,
          profile.timeZone ?? null,
          profile.awayUntil !== undefined,
          profile.awayUntil ?? null,
          profile.peerContact ?? null,
        ],
      );
    },
    listByBoards: (boardIds) => many('m.board_id = ANY($1::text[])', [[...boardIds]]),
    listWithBoard: () => many('m.board_id IS NOT NULL', []),
    listWithoutBoard: () => many('m.board_id IS NULL', []),
    listByIds: (ids) => many('m.id = ANY($1::text[])', [[...ids]]),
  };
}
