import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import querystring from 'node:querystring';
import { type AnyMiddlewareArgs, AuthorizationError, type Middleware, verifySlackRequest } from '@slack/bolt';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { Core } from '../../core/index';
import type { Logger } from '../../core/ports';
import { reportError } from '../../error-sink';
import { stripControlDeep } from '../control-chars';
import {
  appHomeOpenedSchema,
  blockActionSchema,
  changedMessageEventSchema,
  deletedMessageEventSchema,
  memberJoinedSchema,
  messageActionSchema,
  newMessageEventSchema,
  slashCommandSchema,
  teamId,
  userId,
  viewSubmissionSchema,
} from './payloads';

/**
 * The door before Bolt: every signed request is read here first, so what Bolt and our handlers get is
 * known to be readable. A bad signature or a timestamp more than five minutes off (either way) is 401; a
 * signed body our handlers cannot read is 400 with the reason logged; payload types we do not act on
 * get Slack's empty 200. Control characters are stripped from what goes on.
 */

/** Slack payloads are a few kilobytes; a view with every block filled stays far below this. */
export const SLACK_BODY_LIMIT = '512kb';
const MAX_SKEW_S = 5 * 60;

const team = z.object({ id: teamId });
const withTeam = <T extends { team?: { id: string } | null; user: { team_id?: string } }>(p: T) =>
  Boolean(p.team?.id ?? p.user.team_id);

/** What Bolt reads of every interaction besides user and team. */
const enterprise = {
  enterprise: z.looseObject({ id: z.string() }).nullish(),
  is_enterprise_install: z.boolean().optional(),
};

const otherInteraction = z.looseObject({
  ...enterprise,
  type: z.enum(['view_closed', 'shortcut', 'block_suggestion']),
  user: z.object({ id: userId, team_id: teamId.optional() }),
  team: team.nullable().optional(),
});

// Built once: zod compiles a schema on its first parse, which costs more than the parse itself.
const urlVerification = z.object({
  type: z.literal('url_verification'),
  challenge: z.string().min(1).max(200),
});
const blockAction = blockActionSchema.extend(enterprise);
const viewSubmission = viewSubmissionSchema.extend(enterprise);
const messageAction = messageActionSchema.extend(enterprise);

/** The schema the event handlers read an event with; null for events they ignore. */
function eventSchema(event: { type: string; subtype?: unknown; bot_id?: unknown }): z.ZodType | null {
  if (event.type === 'member_joined_channel') return memberJoinedSchema;
  if (event.type === 'app_home_opened') return appHomeOpenedSchema;
  if (event.type !== 'message') return null;
  if (event.subtype === 'message_changed') return changedMessageEventSchema;
  if (event.subtype === 'message_deleted') return deletedMessageEventSchema;
  return event.subtype === undefined && event.bot_id === undefined ? newMessageEventSchema : null;
}

/** The fields Bolt itself reads from every event (team, user, conversation), typed so it cannot trip. */
const stringOrObject = z.union([z.string(), z.looseObject({})]).optional();
const authorization = z.looseObject({
  team_id: teamId.nullish(),
  enterprise_id: z.string().nullish(),
  is_enterprise_install: z.boolean().optional(),
});

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  team_id: teamId,
  enterprise_id: z.string().nullish(),
  authorizations: z.array(authorization).max(10).optional(),
  event_id: z.string().regex(/^Ev[A-Za-z0-9-]{1,40}$/, 'an event id like Ev0123ABC'),
  event: z
    .looseObject({
      type: z.string().min(1).max(64),
      user: stringOrObject,
      channel: stringOrObject,
      channel_id: z.string().optional(),
      item: z.looseObject({}).optional(),
      subteam: z.looseObject({}).optional(),
    })
    .superRefine((event, ctx) => {
      const parsed = eventSchema(event)?.safeParse(event);
      for (const issue of parsed?.success === false ? parsed.error.issues : [])
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }),
});

type Verdict = { pass: true } | { pass: false; status: 200 | 400; reason: string };

const refused = (reason: string): Verdict => ({ pass: false, status: 400, reason });
const ignored = (reason: string): Verdict => ({ pass: false, status: 200, reason });
const issues = (err: z.ZodError) =>
  err.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');

/** Whether a signed body is one our handlers can read; parsed the way Bolt parses it. */
export function judgeSlackBody(raw: string, contentType: string | undefined): Verdict {
  let body: unknown;
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = querystring.parse(raw);
      if (form.ssl_check !== undefined) return ignored('ssl_check');
      body = typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
    } else body = JSON.parse(raw);
  } catch {
    // Unreadable JSON is the answer to the question asked here: refused below with its reason.
    return refused('body is not JSON or a form with a JSON payload');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return refused('body is not an object');
  const b = body as Record<string, unknown>;
  const check = (schema: z.ZodType, extra?: (p: never) => boolean): Verdict => {
    const parsed = schema.safeParse(b);
    if (!parsed.success) return refused(`${String(b.type ?? b.command)}: ${issues(parsed.error)}`);
    if (extra && !extra(parsed.data as never)) return refused(`${String(b.type)}: no team, or two`);
    return { pass: true };
  };
  if (typeof b.command === 'string') return check(slashCommandSchema);
  switch (b.type) {
    case 'url_verification':
      return check(urlVerification);
    case 'event_callback':
      // Bolt authorises by the first authorization's team: it must be the envelope's.
      return check(eventCallback, (e: { team_id: string; authorizations?: { team_id?: string | null }[] }) =>
        [undefined, null, e.team_id].includes(e.authorizations?.[0]?.team_id),
      );
    case 'app_rate_limited':
      return ignored('app_rate_limited');
    case 'block_actions':
      return check(blockAction, withTeam);
    case 'view_submission':
      return check(viewSubmission, withTeam);
    case 'message_action':
      return check(messageAction, withTeam);
    case 'view_closed':
    case 'shortcut':
    case 'block_suggestion':
      return check(otherInteraction, withTeam);
    default:
      return refused(`unknown payload type ${JSON.stringify(String(b.type ?? '')).slice(0, 40)}`);
  }
}

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The router mounted on /slack/events before Bolt's. */
export function slackEdge(signingSecret: string, logger: Logger): Router {
  const guard: RequestHandler = (req, res, next) => {
    const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const text = raw.toString('utf8');
    const timestamp = Number(header(req.headers['x-slack-request-timestamp']));
    const refuse = (status: number, reason: string) => {
      logger.warn({ platform: 'slack', status, reason }, 'Slack request refused');
      res.status(status).json({ error: status === 401 ? 'unauthorized' : 'bad_request' });
    };
    try {
      verifySlackRequest({
        signingSecret,
        body: text,
        headers: {
          'x-slack-signature': header(req.headers['x-slack-signature']),
          'x-slack-request-timestamp': timestamp,
        },
      });
    } catch (err) {
      return refuse(401, (err as Error).message);
    }
    // Bolt refuses stale timestamps only; one from the future is as unproven.
    if (timestamp > Date.now() / 1000 + MAX_SKEW_S) return refuse(401, 'timestamp more than 5 minutes ahead');
    const verdict = judgeSlackBody(text, req.headers['content-type']);
    if (!verdict.pass) {
      if (verdict.status === 400) return refuse(400, verdict.reason);
      logger.info({ platform: 'slack', reason: verdict.reason }, 'Slack request acknowledged, nothing to do');
      res.status(200).end();
      return;
    }
    // Bolt reads the body again from here (its receiver takes a pre-read rawBody).
    Object.assign(req, { rawBody: raw });
    next();
  };
  const unreadable: ErrorRequestHandler = (err, _req, res, next) => {
    const type = (err as { type?: unknown })?.type;
    if (type === 'entity.too.large') {
      logger.warn({ platform: 'slack', reason: 'body too large' }, 'Slack request refused');
      res.status(413).json({ error: 'too_large' });
      return;
    }
    if (type === 'encoding.unsupported' || type === 'request.aborted' || type === 'charset.unsupported') {
      res.status(400).json({ error: 'bad_request' });
      return;
    }
    next(err);
  };
  const router = express.Router();
  router.post('/slack/events', express.raw({ type: () => true, limit: SLACK_BODY_LIMIT }), guard);
  router.use('/slack/events', unreadable);
  return router;
}

/**
 * Bolt's own reading of a request threw before any listener ran (listener errors never reach here: Bolt
 * hands them to app.error). The body was one Bolt cannot read: a 400, reported, never a 500.
 */
export function unreadableForBolt(logger: Logger) {
  return async (args: { error: Error; response: ServerResponse }): Promise<boolean> => {
    reportError(logger, args.error, { platform: 'slack', step: 'Bolt could not read the request' });
    if (args.response.headersSent) return false;
    if (args.error instanceof AuthorizationError) args.response.writeHead(401);
    else args.response.writeHead(400);
    args.response.end();
    return true;
  };
}

/** What a request's ack answered, shared with the middleware through Bolt's context. */
export interface AckRecord {
  acked: boolean;
  response: unknown;
}

/**
 * Wraps Bolt's processEvent: control characters leave the body before any handler reads it, and a request
 * no listener acknowledged gets Slack's empty 200 once the listeners are done (never 3 s of silence and a
 * 404).
 */
export function acknowledgeEverything(app: { processEvent: (event: never) => Promise<void> }): void {
  const process = app.processEvent.bind(app);
  type ReceiverEvent = {
    body: unknown;
    ack: (response?: unknown) => Promise<void>;
    customProperties?: object;
  };
  app.processEvent = (async (event: ReceiverEvent) => {
    const record: AckRecord = { acked: false, response: undefined };
    const ack = async (response?: unknown) => {
      record.acked = true;
      record.response = response;
      await event.ack(response);
    };
    stripControlDeep(event.body);
    await process({
      ...event,
      ack,
      customProperties: { ...event.customProperties, ackRecord: record },
    } as never);
    if (!record.acked) await ack();
  }) as never;
}

const submissionKey = (body: unknown) => {
  const parsed = viewSubmissionSchema.safeParse(body);
  if (!parsed.success) return null;
  const v = parsed.data.view;
  const what = createHash('sha256')
    .update(JSON.stringify([v.callback_id, v.private_metadata, v.state.values]))
    .digest('base64url');
  return `view:${parsed.data.user.id}:${v.id}:${what}`;
};

/**
 * Inbound exactly once. A retried event (same event_id) and a resent or double-clicked view submission
 * (same view, same values) are acted on once: the first claims the key; the claim is released when the
 * handler fails or sends the form back with errors, so a retry after a failure is acted on.
 */
export function onceMiddleware(core: Core): Middleware<AnyMiddlewareArgs> {
  return (async (args: { body: unknown; context: { ackRecord?: AckRecord }; next: () => Promise<void> }) => {
    const b = args.body as { event_id?: unknown; type?: unknown };
    const key =
      typeof b.event_id === 'string' ? b.event_id : b.type === 'view_submission' ? submissionKey(b) : null;
    if (key === null) return args.next();
    if (!(await core.claimInbound('slack', key))) return;
    try {
      await args.next();
    } catch (err) {
      await core.releaseInbound('slack', key);
      throw err;
    }
    const response = args.context.ackRecord?.response as { response_action?: unknown } | undefined;
    if (response?.response_action === 'errors') await core.releaseInbound('slack', key);
  }) as never;
}
