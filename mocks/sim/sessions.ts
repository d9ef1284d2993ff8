/**
 * Users and sessions. Sessions are rows of the `session` table, so they count in
 * valid_ref_counts and logout removes them the way XAPI does.
 */
import type { VirtualClock } from './clock';
import { type Database, NULL_REF } from './db';
import type { EventService } from './events';
import { fail, XapiFailure } from './failure';
import { xapiDatetime } from './time';

export interface SimUser {
  name: string;
  password: string;
}

export const DEFAULT_USERS: SimUser[] = [{ name: 'root', password: 'xenith' }];

export class SessionManager {
  constructor(
    private readonly db: Database,
    private readonly clock: VirtualClock,
    private readonly events: EventService,
    private readonly users: SimUser[],
    private readonly masterRef: () => string,
  ) {}

  /** Whether the name and password are an account's: XAPI's users are dom0's (PAM), so its console login asks the same. */
  authenticates(uname: string, pwd: string): boolean {
    return this.users.some((u) => u.name === uname && u.password === pwd);
  }

  login(uname: string, pwd: string, originator = ''): string {
    const user = this.users.find((u) => u.name === uname && u.password === pwd);
    // The datamodel documents no params, but xapi_session.ml sends the user name and a reason.
    if (!user) throw new XapiFailure('SESSION_AUTHENTICATION_FAILED', [uname, 'Authentication failure']);
    const now = xapiDatetime(this.clock.now());
    return this.db.create('session', {
      this_host: this.masterRef(),
      this_user: NULL_REF,
      last_active: now,
      pool: false,
      is_local_superuser: user.name === 'root',
      subject: NULL_REF,
      validation_time: now,
      auth_user_sid: '',
      auth_user_name: user.name,
      originator,
    });
  }

  /** Returns the session ref when valid; throws SESSION_INVALID otherwise. */
  check(session: unknown): string {
    if (typeof session !== 'string' || !this.db.has('session', session)) fail('SESSION_INVALID', String(session));
    return session;
  }

  logout(session: string): void {
    this.check(session);
    this.events.endSession(session);
    this.db.delete('session', session);
  }
}
