import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Config } from '../../config';
import type { Core } from '../../core/index';
import type { TeamsRepository } from '../../core/teams-ports';
import { reportError } from '../../error-sink';
import { t } from '../../i18n/index';
import { stripControlDeep } from '../control-chars';
import type { HttpServer } from '../web/server';
import { activitySchema, localeOf, type TeamsActivity, tenantOf } from './activity';
import {
  type Activity,
  createBotFramework,
  isAuthenticationFailure,
  type TurnContext,
} from './bot-framework';
import { graphLookup } from './graph-lookup';
import { messageResponse, textMessage } from './render';
import { TeamsSender } from './sender';
import { isLoopback, serviceUrlAllowed } from './service-url';
import { type TeamsMode, type TeamsOptions, teamsMode } from './settings';
import { TeamsTurns } from './turn';

/** A message whose replies go to the Bot Connector: answered as soon as its turn has claimed it. */
const answersEarly = (activity: TeamsActivity) =>
  activity.type === 'message' && (activity as { deliveryMode?: unknown }).deliveryMode !== 'expectReplies';

/** Teams resends an activity it got no answer to within 15 s; answer well before that. */
export const DEFAULT_DEADLINE_MS = 12_000;

export const TEAMS_ENDPOINT = '/api/messages';

export interface TeamsAdapter {
  mode: TeamsMode;
  /** Delivery's sender for rows whose platform is Teams. */
  sender: TeamsSender;
  /**
   * Resolves when the turns whose request was answered before they ended (a command once claimed, any turn
   * at the deadline) have finished: what they send has been sent.
   */
  settled(): Promise<void>;
}

export const ANONYMOUS_WARNING =
  'Teams runs WITHOUT authentication (TEAMS_ANONYMOUS=local): requests from this machine can act as any ' +
  'Teams user. This is for local trials only (Microsoft 365 Agents Playground); only loopback clients and ' +
  'loopback serviceUrls are accepted. Set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to require Bot ' +
  'Framework tokens; NODE_ENV=production refuses to run like this.';

/**
 * Teams on the shared server: botbuilder's CloudAdapter behind POST /api/messages. Checks the
 * configuration first (a half-done one in production stops the start) and returns null when Teams is off.
 */
export function mountTeams(
  http: HttpServer,
  config: Config,
  core: Core,
  /** What Teams keeps beyond the domain: conversation references, Teams user ids, invoke answers. */
  store: TeamsRepository,
  options: TeamsOptions = {},
): TeamsAdapter | null {
  const logger = core.deps.logger;
  const mode = teamsMode(config);
  if (mode.kind === 'disabled') {
    logger.info({ platform: 'teams' }, mode.reason);
    return null;
  }
  if (mode.kind === 'anonymous') logger.warn({ platform: 'teams', mode: 'anonymous' }, ANONYMOUS_WARNING);
  if (mode.kind === 'authenticated' && config.teams.tenants.length === 0 && !config.teams.anyTenant)
    logger.warn(
      { platform: 'teams', fix: 'set TEAMS_TENANTS to the tenant ids you serve (or * for any)' },
      'Teams serves any tenant that installs the app; production refuses this without TEAMS_TENANTS',
    );
  const bot = createBotFramework(config, mode, options);
  const turns = new TeamsTurns({ core, bot, store });
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const pending = new Set<Promise<unknown>>();

  bot.adapter.onTurnError = async (context: TurnContext, err: Error) => {
    // Reported once here; the person gets an apology in their language instead of silence.
    reportError(logger, err, { platform: 'teams', activity: context.activity.type, id: context.activity.id });
    const locale = localeOf(context.activity as unknown as TeamsActivity) ?? 'nl';
    try {
      if (context.activity.type === 'invoke')
        await context.sendActivity({
          type: 'invokeResponse',
          value: { status: 200, body: messageResponse(t(locale, 'error.INTERNAL')) },
        });
      else if (context.activity.type === 'message')
        await context.sendActivity(textMessage(t(locale, 'error.INTERNAL')));
    } catch (sendErr) {
      reportError(logger, sendErr, { platform: 'teams', step: 'apology' });
    }
  };

  const anonymous = mode.kind === 'anonymous';
  const tenants = new Set(config.teams.tenants);
  /** Why a request is refused before it is authenticated, stored or answered; null when it may go on. */
  const refuse = (client: string | undefined, activity: TeamsActivity): string | null => {
    if (anonymous && !isLoopback(client)) return 'anonymous mode serves loopback clients only';
    if (!serviceUrlAllowed(activity.serviceUrl, config.teams.serviceUrlHosts, anonymous))
      return 'serviceUrl is not a Bot Framework channel host (TEAMS_SERVICE_URL_HOSTS)';
    if (!config.teams.anyTenant && tenants.size > 0 && !tenants.has(tenantOf(activity)))
      return 'tenant not served by this installation (MICROSOFT_APP_TENANT_ID, TEAMS_TENANTS)';
    return null;
  };

  const receive: RequestHandler = async (req, res) => {
    // Control characters go before the check, so an id of only NUL bytes is an empty id, refused.
    const parsed = activitySchema.safeParse(stripControlDeep(req.body));
    if (!parsed.success) {
      res.status(400).json({ error: 'bad_activity', message: t('nl', 'teams.badRequest') });
      return;
    }
    const activity = parsed.data;
    const refusal = refuse(req.socket.remoteAddress, activity);
    if (refusal) {
      logger.warn({ platform: 'teams', activity: activity.type, reason: refusal }, 'Teams request refused');
      res.status(403).json({ error: 'forbidden', message: t('nl', 'teams.badRequest') });
      return;
    }
    // A command is answered once it is authenticated and claimed, as Slack's ack: its replies go to the
    // Bot Connector, not in this answer (unless the client asked for them in it: expectReplies).
    let claimed = () => {};
    const early = answersEarly(activity)
      ? new Promise<'claimed'>((resolve) => {
          claimed = () => resolve('claimed');
        })
      : null;
    const work = bot.adapter.run(
      req.headers.authorization ?? '',
      activity as unknown as Activity,
      (context) => turns.handle(context, activity, claimed),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deadlineMs);
    });
    try {
      const outcome = await Promise.race(early ? [work, late, early] : [work, late]);
      if (outcome === 'late' || outcome === 'claimed') {
        // Answer now so Teams does not wait or resend; the turn finishes in the background.
        const rest = work.catch((err: unknown) =>
          reportError(logger, err, { platform: 'teams', step: 'turn after its answer' }),
        );
        pending.add(rest);
        void rest.finally(() => pending.delete(rest));
        if (outcome === 'claimed') res.status(200).end();
        else if (activity.type === 'invoke')
          res.status(200).json(messageResponse(t(localeOf(activity) ?? 'nl', 'teams.slow')));
        else res.status(202).end();
        return;
      }
      res.status(outcome?.status ?? 200);
      if (outcome?.body !== undefined) res.json(outcome.body);
      else res.end();
    } catch (err) {
      if (isAuthenticationFailure(err)) {
        logger.warn(
          { platform: 'teams', reason: (err as Error).message, activity: activity.type },
          'Teams request refused: no valid Bot Framework token',
        );
        res.status(401).json({ error: 'unauthorized' });
        return;
      }
      reportError(logger, err, { platform: 'teams', activity: activity.type });
      res.status(500).json({ error: 'internal', message: t('nl', 'error.INTERNAL') });
    } finally {
      clearTimeout(timer);
    }
  };

  const unreadable: ErrorRequestHandler = (err, _req, res, next) => {
    const type = (err as { type?: unknown })?.type;
    if (type === 'entity.parse.failed' || type === 'entity.too.large' || type === 'encoding.unsupported') {
      res
        .status(type === 'entity.too.large' ? 413 : 400)
        .json({ error: 'bad_request', message: t('nl', 'teams.badRequest') });
      return;
    }
    next(err);
  };

  const router = express.Router();
  router.post(TEAMS_ENDPOINT, express.json({ limit: '1mb' }), receive);
  router.use(TEAMS_ENDPOINT, unreadable);
  http.app.use(router);
  logger.info({ platform: 'teams', mode: mode.kind, endpoint: TEAMS_ENDPOINT }, 'Teams is enabled');
  return {
    mode,
    sender: new TeamsSender(
      core,
      bot,
      store,
      config.teams.graphUrl ? graphLookup(bot, config.teams.graphUrl) : null,
    ),
    async settled() {
      await Promise.allSettled([...pending]);
    },
  };
}
