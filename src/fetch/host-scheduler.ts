/**
 * Per-host politeness: at most `maxConnections` requests in flight to one host, and request starts spaced by
 * at least the host's delay (the larger of the configured minimum and robots.txt's Crawl-delay). FIFO per host.
 */

export interface HostSchedulerOptions {
  readonly maxConnections: number;
  readonly minDelayMs: number;
  readonly now?: () => number;
}

interface HostSlot {
  active: number;
  nextStartAt: number;
  delayMs: number;
  timer: NodeJS.Timeout | null;
  readonly waiting: (() => void)[];
}

export interface HostScheduler {
  /** Waits for a turn on `host`; call the returned function when the request is done. */
  acquire(host: string, delayMs?: number): Promise<() => void>;
}

/** A scheduler shared by every request of one client. */
export function createHostScheduler(options: HostSchedulerOptions): HostScheduler {
  const now = options.now ?? Date.now;
  const slots = new Map<string, HostSlot>();

  const pump = (slot: HostSlot): void => {
    if (slot.timer !== null || slot.waiting.length === 0 || slot.active >= options.maxConnections) return;
    const wait = slot.nextStartAt - now();
    if (wait > 0) {
      slot.timer = setTimeout(() => {
        slot.timer = null;
        pump(slot);
      }, wait);
      return;
    }
    slot.active++;
    slot.nextStartAt = now() + slot.delayMs;
    slot.waiting.shift()!();
    pump(slot);
  };

  return {
    async acquire(host, delayMs = 0) {
      let slot = slots.get(host);
      if (!slot) {
        slot = { active: 0, nextStartAt: 0, delayMs: options.minDelayMs, timer: null, waiting: [] };
        slots.set(host, slot);
      }
      slot.delayMs = Math.max(options.minDelayMs, delayMs);
      const held = slot;
      await new Promise<void>((resolve) => {
        held.waiting.push(resolve);
        pump(held);
      });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.active--;
        pump(held);
      };
    },
  };
}
