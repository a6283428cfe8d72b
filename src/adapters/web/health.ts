import { Router } from 'express';

/**
 * Liveness answers as soon as the process listens; readiness once migrations ran and agendas loaded. The
 * platforms (Slack's Socket Mode) are a detail of the answer, not a condition: a Slack that is down is
 * retried in the background while the rest serves.
 */
export function healthRoutes(
  isReady: () => boolean,
  platforms: () => Record<string, unknown> = () => ({}),
): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const detail = platforms();
    const extra = Object.keys(detail).length ? { platforms: detail } : {};
    if (isReady()) res.json({ status: 'ready', ...extra });
    else res.status(503).json({ status: 'starting', ...extra });
  });
  return router;
}
