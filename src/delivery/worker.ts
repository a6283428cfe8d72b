import { randomUUID } from 'node:crypto';
import {
  claimDue,
  renewLease,
  settleCancelled,
  settleDead,
  settleRefused,
  settleRetry,
  settleSent,
} from '../core/delivery-outbox';
import type { ClaimedMessage } from '../core/delivery-ports';
import { noteDeliveryProblem } from '../core/delivery-problems';
import { decideDelivery } from '../core/delivery-rules';
import type { Platform } from '../core/model';
import type { CoreDeps } from '../core/ports';
import { reportError } from '../error-sink';
import { LaneAlarm } from './lane-alarm';
import { type RateKey, type RateLimiter, TokenBuckets } from './rate-limiter';
import { readyToPost } from './ready-to-post';
import { afterTransientFailure } from './retry-policy';
import type { Sender, SendOutcome } from './sender';
import { DEFAULT_WORKER_OPTIONS, type DeliveryTally, emptyTally, type WorkerOptions } from './worker-options';

export { DEFAULT_WORKER_OPTIONS, type DeliveryTally, type WorkerOptions };

/**
 * The outbox worker. It claims due rows in one short statement (FOR UPDATE SKIP LOCKED, so workers in
 * other processes skip them), marks them `sending` with a lease, sends outside any transaction within the
 * platform's rate limits, then settles each row: `sent`, a retry later, `dead`, or `cancelled` when the
 * message was no longer wanted. Settling holds only while the claim does, so a worker that lost its lease
 * changes nothing. See sender.ts for how a crash between sending and settling is kept from doubling.
 */
export class OutboxWorker {
  private readonly options: WorkerOptions;
  private readonly senders: ReadonlyMap<Platform, Sender>;
  private readonly limiter: RateLimiter;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private readonly alarm = new LaneAlarm();
  /** The lanes' poll; null until start(). */
  private pollMs: number | null = null;
  /** Batches being sent now, by any lane or drain, and who waits for none to be. */
  private sending = 0;
  private readonly idleWaiters = new Set<() => void>();

  constructor(
    private readonly deps: CoreDeps,
    senders: readonly Sender[],
    options: Partial<WorkerOptions> = {},
  ) {
    const leaseMs = options.leaseMs ?? DEFAULT_WORKER_OPTIONS.leaseMs;
    this.options = {
      ...DEFAULT_WORKER_OPTIONS,
      heartbeatMs: Math.max(50, Math.floor(leaseMs / 3)),
      ...options,
    };
    this.senders = new Map(senders.map((s) => [s.platform, s]));
    this.limiter =
      this.options.limiter ?? new TokenBuckets(() => deps.clock.now().getTime(), this.options.sleep);
  }

  /** Claims one batch of due rows (of these platforms) and settles it, renewing its lease while it runs. */
  async runOnce(platforms: readonly Platform[] = [...this.senders.keys()]): Promise<DeliveryTally> {
    const tally = emptyTally();
    const now = this.deps.clock.now();
    const lease = { until: new Date(now.getTime() + this.options.leaseMs) };
    const token = randomUUID();
    const claimed = await claimDue(this.deps, {
      platforms: [...platforms],
      limit: this.options.batchSize,
      now,
      leaseUntil: lease.until,
      token,
    });
    tally.claimed = claimed.length;
    if (claimed.length === 0) return tally;
    this.sending++;
    const heartbeat = setInterval(() => {
      const until = new Date(this.deps.clock.now().getTime() + this.options.leaseMs);
      renewLease(this.deps, token, until).then(
        () => {
          lease.until = until;
        },
        (err: unknown) => reportError(this.deps.logger, err, { phase: 'lease renewal' }),
      );
    }, this.options.heartbeatMs);
    try {
      const settled = await Promise.allSettled(claimed.map((m) => this.deliver(m, lease, tally)));
      for (const [i, s] of settled.entries())
        if (s.status === 'rejected') {
          // Settling failed (the database): the row stays leased and is claimed again, as uncertain.
          tally.uncertain++;
          reportError(this.deps.logger, s.reason, { phase: 'delivery', outbox: claimed[i]?.id });
        }
    } finally {
      clearInterval(heartbeat);
      if (--this.sending === 0) for (const resolve of this.idleWaiters) resolve();
      if (this.sending === 0) this.idleWaiters.clear();
    }
    return tally;
  }

  /** Resolves when no batch is being sent (by the lanes or a drain): what was claimed has settled. */
  whenIdle(): Promise<void> {
    if (this.sending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  /** Sends until nothing is due now; rows waiting for a retry later stay for the next drain. */
  async drain(platforms: readonly Platform[] = [...this.senders.keys()]): Promise<DeliveryTally> {
    const total = emptyTally();
    for (;;) {
      const tally = await this.runOnce(platforms);
      for (const k of Object.keys(total) as (keyof DeliveryTally)[]) total[k] += tally[k];
      if (tally.claimed === 0) return total;
    }
  }

  /** Runs drains in `lanes` loops per platform until stop(): after each wake() and every pollMs. */
  start(pollMs: number): void {
    this.stopping = false;
    this.pollMs = pollMs;
    const lane = async (platform: Platform) => {
      while (!this.stopping) {
        let claimed = 0;
        try {
          claimed = (await this.drain([platform])).claimed;
        } catch (err) {
          reportError(this.deps.logger, err, { phase: 'delivery' });
        }
        if (claimed === 0 && !this.stopping) await this.alarm.sleep(pollMs);
      }
    };
    const lanes = [...this.senders.keys()].flatMap((platform) =>
      Array.from({ length: Math.max(1, this.options.lanes) }, () => lane(platform)),
    );
    this.loop = Promise.all(lanes).then(() => {});
  }

  /** Ends the loop after the sends in flight are settled. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.alarm.cancel();
    this.wake();
    await this.loop;
  }

  wake(): void {
    this.alarm.wake();
  }

  /**
   * A row this worker put off is retried when it comes due, not at the lanes' next poll (5 s by
   * default): the lanes are woken then, unless the poll or a wake already set comes first.
   */
  private async retryLater(message: ClaimedMessage, wait: Parameters<typeof settleRetry>[2]) {
    const settled = await settleRetry(this.deps, message, wait);
    const inMs = wait.notBefore.getTime() - this.deps.clock.now().getTime();
    if (settled && this.pollMs !== null && !this.stopping && inMs < this.pollMs) this.alarm.wakeIn(inMs);
    return settled;
  }

  /** The rate buckets a row's post takes a slot of: its workspace's (or tenant's) and its conversation's. */
  private slots(message: ClaimedMessage): [RateKey, RateKey] {
    const limits = this.options.limits[message.platform];
    return [
      { key: `${message.platform}:ws:${message.workspaceId}`, limit: limits.workspace },
      {
        key: `${message.platform}:conv:${message.conversationId ?? `dm:${message.memberId}`}`,
        limit: limits.conversation,
      },
    ];
  }

  private async deliver(
    message: ClaimedMessage,
    lease: { until: Date },
    tally: DeliveryTally,
  ): Promise<void> {
    const decision = await decideDelivery(this.deps, message);
    if (decision.action === 'cancel') {
      if (await settleCancelled(this.deps, message, decision.reason)) tally.cancelled++;
      return;
    }
    if (decision.action === 'wait') {
      const wait = { notBefore: decision.until, reason: 'waiting: member away', countsAsAttempt: false };
      if (await this.retryLater(message, wait)) tally.retried++;
      return;
    }
    const sender = this.senders.get(message.platform);
    if (!sender) throw new Error(`no sender for ${message.platform}: claimed by mistake`);
    if (message.attempts > this.options.retry.maxAttempts) {
      await this.giveUp(message, `gave up after ${message.attempts - 1} attempts`, tally);
      return;
    }
    const ready = await readyToPost(sender, message, this.deps.logger);
    if (!('post' in ready)) return this.settle(message, ready, tally);
    const slots = this.slots(message);
    await this.limiter.acquire(slots);
    if (lease.until.getTime() - this.deps.clock.now().getTime() < this.options.sendTimeoutMs) {
      // Too late in the lease to send safely: another worker could claim the row while this send runs.
      const later = {
        notBefore: this.deps.clock.now(),
        reason: 'lease too short to send',
        countsAsAttempt: false,
      };
      if (await this.retryLater(message, later)) tally.retried++;
      return;
    }
    let outcome: SendOutcome;
    try {
      outcome = await ready.post(() => this.limiter.acquire(slots));
    } catch (err) {
      // A sender bug: it may have posted before it threw.
      reportError(this.deps.logger, err, { phase: 'send', outbox: message.id, kind: message.kind });
      outcome = { kind: 'uncertain', reason: (err as Error)?.message ?? String(err) };
    }
    await this.settle(message, outcome, tally, true);
  }

  /** `posted`: the attempt took a slot of the conversation's rate (a look-up that failed did not). */
  private async settle(
    message: ClaimedMessage,
    outcome: SendOutcome,
    tally: DeliveryTally,
    posted = false,
  ): Promise<void> {
    const id = message.id;
    const now = this.deps.clock.now();
    const logger = this.deps.logger;
    switch (outcome.kind) {
      case 'ok': {
        if (await settleSent(this.deps, message, now, outcome.ref)) tally.sent++;
        // Only a send that outlived its lease lands here: another worker owns the row now.
        else
          logger.error({ code: 'INTERNAL', outbox: id }, 'sent after the lease ran out: possibly sent twice');
        return;
      }
      case 'retryAfter': {
        const forMs = outcome.seconds * 1000;
        await this.limiter.pause(this.slots(message)[0].key, forMs);
        const until = new Date(now.getTime() + forMs);
        const wait = { notBefore: until, reason: outcome.reason, countsAsAttempt: false };
        if (await this.retryLater(message, wait)) tally.retried++;
        return;
      }
      case 'transient':
      case 'uncertain': {
        const uncertain = outcome.kind === 'uncertain';
        if (uncertain) tally.uncertain++;
        const next = afterTransientFailure(message.attempts, now, this.options.retry);
        if (next.action === 'dead') return this.giveUp(message, outcome.reason, tally);
        logger.warn(
          { outbox: id, attempts: message.attempts, reason: outcome.reason, uncertain },
          uncertain ? 'send may have arrived; will look before retrying' : 'send failed, will retry',
        );
        // A request the client gave up on may still land: look no sooner than a send timeout later. A
        // post spent its conversation's slot: claimed before the next one, the retry would hold a slot of
        // the whole workspace while it waits for its conversation.
        const conversation = this.options.limits[message.platform].conversation;
        const notSooner = Math.max(
          outcome.kind === 'uncertain' && outcome.unanswered ? this.options.sendTimeoutMs : 0,
          posted ? Math.ceil(1000 / conversation.perSecond) : 0,
        );
        const at = new Date(Math.max(next.at.getTime(), now.getTime() + notSooner));
        const retry = { notBefore: at, reason: outcome.reason, countsAsAttempt: true, uncertain };
        if (await this.retryLater(message, retry)) tally.retried++;
        return;
      }
      case 'permanent':
        return this.refused(message, outcome.reason, outcome.recipientGone, tally);
    }
  }

  private async giveUp(message: ClaimedMessage, reason: string, tally: DeliveryTally): Promise<void> {
    const now = this.deps.clock.now();
    if (!(await settleDead(this.deps, message, now, reason))) return;
    tally.dead++;
    this.deps.logger.error({ code: 'DELIVERY_FAILED', outbox: message.id, reason }, 'message dead-lettered');
    await noteDeliveryProblem(this.deps, now, message.kind);
  }

  /** A permanent refusal: dead-lettered; a 1:1 recipient who is gone is marked unreachable at once. */
  private async refused(
    message: ClaimedMessage,
    reason: string,
    recipientGone: boolean,
    tally: DeliveryTally,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const memberId = recipientGone && !message.conversationId ? message.memberId : null;
    const { dead, unreachable } = await settleRefused(this.deps, message, now, reason, memberId);
    if (unreachable) tally.unreachable++;
    if (!dead) return;
    tally.dead++;
    this.deps.logger.warn({ code: 'DELIVERY_REFUSED', outbox: message.id, reason }, 'message refused');
    await noteDeliveryProblem(this.deps, now, message.kind);
  }
}
