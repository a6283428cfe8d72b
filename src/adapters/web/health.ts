import { Router } from 'express';

/** Liveness answers as soon as the process listens; readiness once migrations ran and agendas loaded. */
export function healthRoutes(isReady: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    if (isReady()) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'starting' });
  });
  return router;
}
