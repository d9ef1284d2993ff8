/**
 * The simulated pool: a database of XAPI objects plus the services that change it
 * over virtual time. Built from a named scenario; every random choice comes from
 * the seeded source, so the same scenario and calls give the same state.
 */
import { VirtualClock } from './clock';
import { Database } from './db';
import { EventService } from './events';
import type { GuestProfile, HostHardware } from './hardware';
import { SeededRandom } from './random';
import { DEFAULT_USERS, SessionManager, type SimUser } from './sessions';
import { TaskManager } from './tasks';

export interface SimulatorOptions {
  seed?: number;
  clock?: VirtualClock;
  users?: SimUser[];
}

export class Simulator {
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly db: Database;
  readonly events: EventService;
  readonly sessions: SessionManager;
  readonly tasks: TaskManager;
  /** Hidden hardware state per host ref. */
  readonly hardware = new Map<string, HostHardware>();
  /** Hidden guest nature per VM ref (templates pass theirs to clones). */
  readonly guests = new Map<string, GuestProfile>();
  /** Each host's local SR, where scenarios put guests' disks by default. */
  readonly localSr = new Map<string, string>();
  /** The next domid per host; dom0 is 0. */
  readonly nextDomid = new Map<string, number>();

  constructor(options: SimulatorOptions = {}) {
    this.clock = options.clock ?? new VirtualClock();
    this.random = new SeededRandom(options.seed ?? 1);
    this.db = new Database(this.random);
    this.events = new EventService(this.db, this.clock);
    this.sessions = new SessionManager(this.db, this.clock, this.events, options.users ?? DEFAULT_USERS, () =>
      this.master(),
    );
    this.tasks = new TaskManager(this.db, this.clock, () => this.master());
  }

  pool(): string {
    const [ref] = this.db.refs('pool');
    if (!ref) throw new Error('the scenario created no pool');
    return ref;
  }

  master(): string {
    return this.db.get<{ master: string }>('pool', this.pool()).master;
  }
}
