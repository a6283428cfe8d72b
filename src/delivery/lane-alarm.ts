/** A lane woken a hair before its row is due claims nothing and sleeps a whole poll: wake a little late. */
const WAKE_MARGIN_MS = 5;

/**
 * What the worker's idle lanes sleep on: they wake at wake() (rows were queued), when their poll is over,
 * or when a row the worker put off comes due (wakeAt), whichever is first.
 */
export class LaneAlarm {
  private readonly sleepers = new Set<() => void>();
  private due: { at: number; timer: NodeJS.Timeout } | null = null;

  /** Resolves after ms, or sooner at a wake. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  wake(): void {
    for (const wakeUp of [...this.sleepers]) wakeUp();
  }

  /** Wakes the lanes ms from now, unless a wake already set comes first. */
  wakeIn(ms: number): void {
    const wait = Math.max(0, ms);
    const at = Date.now() + wait;
    if (this.due && this.due.at <= at) return;
    this.cancel();
    const timer = setTimeout(() => {
      this.due = null;
      this.wake();
    }, wait + WAKE_MARGIN_MS);
    this.due = { at, timer };
  }

  cancel(): void {
    if (this.due) clearTimeout(this.due.timer);
    this.due = null;
  }
}
