/**
 * Per-host politeness: at most `maxConnections` requests in flight to one host, and request starts spaced by
 * at least the host's delay (the larger of the configured minimum and robots.txt's Crawl-delay). FIFO per host.
 * A start is the moment the request was sent (`Turn.sent`, or its end when it never was): the next turn is given
 * only once the previous one's request has left, and `delay` after that, so requests cannot leave together even
 * when the process stalled between a turn and its request. One scheduler serves every request of a client: the
 * sources of one `watch` process that share a host share its turns (two processes keep separate turns).
 */

export interface HostSchedulerOptions {
  readonly maxConnections: number;
  readonly minDelayMs: number;
  readonly now?: () => number;
}

interface HostSlot {
  active: number;
  /** A turn was given whose request has not been sent yet: no other turn until it is. */
  unsent: boolean;
  /** When the last request was sent (-Infinity before the first). */
  lastStartAt: number;
  /** The host's current delay: a Crawl-delay learnt from robots.txt also spaces the request right after it. */
  delayMs: number;
  timer: NodeJS.Timeout | null;
  readonly waiting: (() => void)[];
}

/** A turn on a host: `sent` when the request left (the delay counts from then), `release` when it is done. */
export interface Turn {
  sent(): void;
  release(): void;
}

export interface HostScheduler {
  /** Waits for a turn on `host`. */
  acquire(host: string, delayMs?: number): Promise<Turn>;
}

/** A scheduler shared by every request of one client. */
export function createHostScheduler(options: HostSchedulerOptions): HostScheduler {
  const now = options.now ?? Date.now;
  const slots = new Map<string, HostSlot>();

  const pump = (slot: HostSlot): void => {
    if (slot.timer !== null || slot.unsent || slot.waiting.length === 0 || slot.active >= options.maxConnections)
      return;
    const wait = slot.lastStartAt + slot.delayMs - now();
    if (wait > 0) {
      slot.timer = setTimeout(() => {
        slot.timer = null;
        pump(slot);
      }, wait);
      return;
    }
    slot.active++;
    slot.unsent = true;
    slot.waiting.shift()!();
  };

  return {
    async acquire(host, delayMs = 0) {
      let slot = slots.get(host);
      if (!slot) {
        slot = {
          active: 0,
          unsent: false,
          lastStartAt: Number.NEGATIVE_INFINITY,
          delayMs: options.minDelayMs,
          timer: null,
          waiting: [],
        };
        slots.set(host, slot);
      }
      slot.delayMs = Math.max(options.minDelayMs, delayMs);
      const held = slot;
      await new Promise<void>((resolve) => {
        held.waiting.push(resolve);
        pump(held);
      });
      let sent = false;
      let released = false;
      const markSent = (): void => {
        if (sent) return;
        sent = true;
        held.unsent = false;
        held.lastStartAt = now();
        pump(held);
      };
      return {
        sent: markSent,
        release() {
          if (released) return;
          released = true;
          held.active--;
          markSent();
          pump(held);
        },
      };
    },
  };
}
