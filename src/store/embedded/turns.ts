import type { PGlite } from '@electric-sql/pglite';

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I': outside any transaction
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const PARSE = 0x50; // 'P'
const CLOSE = 0x43; // 'C'
const PARSE_COMPLETE = new Uint8Array([0x31, 0, 0, 0, 4]);

/** The NUL-terminated string of a message at `from`, and where the field after it starts. */
function cString(message: Uint8Array, from: number): [string, number] {
  const end = message.indexOf(0, from);
  const to = end === -1 ? message.length : end;
  return [Buffer.from(message.subarray(from, to)).toString('utf8'), to + 1];
}

interface Waiter {
  handlerId: number;
  wake: () => void;
  fail: (err: Error) => void;
}

/**
 * PGlite is one backend; many client connections share it. A connection takes the backend at its first
 * message and keeps it until the backend answers ReadyForQuery "idle": through an explicit transaction and
 * through an extended-protocol exchange (Parse … Sync), whose unnamed statement and portal another client
 * would otherwise overwrite. pglite-socket's own queue releases between messages outside an explicit
 * transaction, so it gets this one instead (it has the same shape: enqueue, clear…).
 */
export class ConnectionTurns {
  private owner: number | null = null;
  private waiting: Waiter[] = [];
  /**
   * The named statements of the one session, by name, with their text. Each connection's pg client parses
   * a named statement once; a Parse of one the session already holds (from another connection, or an
   * earlier one) is answered here, as the backend would refuse it ("already exists").
   */
  private readonly prepared = new Map<string, string>();

  constructor(private readonly db: PGlite) {}

  async enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    await this.take(handlerId);
    const parse = message[0] === PARSE ? this.namedParse(message) : null;
    if (parse && this.prepared.get(parse.name) === parse.text) {
      onData(PARSE_COMPLETE);
      return PARSE_COMPLETE.length;
    }
    if (message[0] === CLOSE && message[5] === 0x53) this.prepared.delete(cString(message, 6)[0]);
    let first: number | undefined;
    let bytes = 0;
    const tail = new Uint8Array(6);
    let tailLength = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(message, {
          onRawData: (data: Uint8Array) => {
            if (bytes === 0) first = data[0];
            bytes += data.length;
            for (const byte of data.subarray(Math.max(0, data.length - 6))) {
              tail.copyWithin(0, 1);
              tail[5] = byte;
              tailLength = Math.min(6, tailLength + 1);
            }
            onData(data);
          },
        }),
      );
    } catch (err) {
      this.release(handlerId);
      throw err;
    }
    if (parse && first === PARSE_COMPLETE[0]) this.prepared.set(parse.name, parse.text);
    const readyIdle = tailLength === 6 && tail[0] === READY_FOR_QUERY && tail[4] === 5 && tail[5] === IDLE;
    if (readyIdle) this.release(handlerId);
    return bytes;
  }

  private namedParse(message: Uint8Array): { name: string; text: string } | null {
    const [name, next] = cString(message, 5);
    return name === '' ? null : { name, text: cString(message, next)[0] };
  }

  getQueueLength(): number {
    return this.waiting.length;
  }

  /** A connection that went away: its waiting messages fail. */
  clearQueueForHandler(handlerId: number): void {
    const gone = this.waiting.filter((w) => w.handlerId === handlerId);
    this.waiting = this.waiting.filter((w) => w.handlerId !== handlerId);
    for (const w of gone) w.fail(new Error('Handler disconnected'));
  }

  /** A connection that went away holding the backend: end its exchange, roll back, pass the turn on. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    try {
      // exec and query take PGlite's lock themselves; the raw protocol does not.
      await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => {} }));
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    } finally {
      this.release(handlerId);
    }
  }

  private take(handlerId: number): Promise<void> {
    if (this.owner === handlerId) return Promise.resolve();
    if (this.owner === null) {
      this.owner = handlerId;
      return Promise.resolve();
    }
    return new Promise((wake, fail) => this.waiting.push({ handlerId, wake, fail }));
  }

  private release(handlerId: number): void {
    if (this.owner !== handlerId) return;
    const next = this.waiting.shift();
    this.owner = next?.handlerId ?? null;
    next?.wake();
  }
}
