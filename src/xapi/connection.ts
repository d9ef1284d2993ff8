/**
 * One logged-in connection to a pool: the session, typed calls that carry it, one
 * silent re-login when the session has expired, and the redirect to the master when
 * the address given was a pool member (HOST_IS_SLAVE). A connection can also start
 * from a session kept across a page reload; without credentials it cannot renew it.
 */
import type { AsyncMethod, Methods, Ref, XapiMethod } from './model/types';
import type { JsonRpcTransport } from './transport';
import { XapiError } from './xapi-error';

export interface Credentials {
  user: string;
  password: string;
}

/** Builds the transport for a host address (used to follow HOST_IS_SLAVE to the master). */
export type TransportFactory = (address: string) => JsonRpcTransport;

type SessionMethod = Exclude<XapiMethod, 'session.login_with_password'>;

export const CLIENT_NAME = 'xenith';

/**
 * The address given was a pool member, the connection followed HOST_IS_SLAVE to the
 * master, and logging in there failed too (`cause` says how).
 */
export class MasterLoginError extends Error {
  constructor(
    readonly master: string,
    readonly cause: unknown,
  ) {
    super(`logging in to the pool master ${master} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MasterLoginError';
  }
}

export class XapiConnection {
  private sessionRef: string | undefined;
  private loggingIn: Promise<string> | undefined;
  private master: string | undefined;

  /**
   * `credentials` may be absent for a connection resumed from `session`: it then
   * works while that session lives, and a login attempt fails with SESSION_INVALID.
   */
  constructor(
    private transport: JsonRpcTransport,
    private readonly credentials: Credentials | undefined,
    private readonly transportFor?: TransportFactory,
    session?: string,
  ) {
    this.sessionRef = session;
  }

  get session(): string | undefined {
    return this.sessionRef;
  }

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /** The master's address when login was redirected there by HOST_IS_SLAVE. */
  get redirectedTo(): string | undefined {
    return this.master;
  }

  /** Logs in (once, however many callers ask at the same time). */
  login(): Promise<string> {
    this.loggingIn ??= this.doLogin().finally(() => {
      this.loggingIn = undefined;
    });
    return this.loggingIn;
  }

  private async doLogin(): Promise<string> {
    if (!this.credentials) throw new XapiError('SESSION_INVALID', this.sessionRef ? [this.sessionRef] : []);
    const { user, password } = this.credentials;
    const login = () => this.transport.call('session.login_with_password', [user, password, '2.23', CLIENT_NAME]);
    try {
      this.sessionRef = await login();
    } catch (error) {
      const master = error instanceof XapiError && error.code === 'HOST_IS_SLAVE' ? error.params[0] : undefined;
      if (!master || !this.transportFor) throw error;
      this.transport = this.transportFor(master);
      this.master = master;
      try {
        this.sessionRef = await login();
      } catch (masterError) {
        throw new MasterLoginError(master, masterError);
      }
    }
    return this.sessionRef;
  }

  /**
   * Whether the session this connection holds still works, asked with
   * session.get_this_host on itself. A dead session is dropped (so the next call logs
   * in, where credentials allow); an unreachable server throws.
   */
  async hasLiveSession(): Promise<boolean> {
    const session = this.sessionRef;
    if (!session) return false;
    try {
      await this.transport.call('session.get_this_host', [session, session]);
      return true;
    } catch (error) {
      const dead = error instanceof XapiError && (error.code === 'SESSION_INVALID' || error.code === 'HANDLE_INVALID');
      if (!dead) throw error;
      if (this.sessionRef === session) this.sessionRef = undefined;
      return false;
    }
  }

  /** Calls a method with the session; on SESSION_INVALID logs in again and retries once. */
  async call<M extends SessionMethod>(method: M, ...args: Methods[M]['params']): Promise<Methods[M]['result']> {
    return this.callWith(undefined, method, ...args);
  }

  /** As `call`, cancellable (event.from long polls are aborted on disconnect). */
  async callWith<M extends SessionMethod>(
    signal: AbortSignal | undefined,
    method: M,
    ...args: Methods[M]['params']
  ): Promise<Methods[M]['result']> {
    return this.invoke(signal, method, args) as Promise<Methods[M]['result']>;
  }

  /**
   * Starts `Async.<method>` and returns its task at once, so the work shows as a task
   * (progress, cancel) instead of holding a request open until it ends.
   */
  async callAsync<M extends AsyncMethod & SessionMethod>(
    method: M,
    ...args: Methods[M]['params']
  ): Promise<Ref<'task'>> {
    return this.invoke(undefined, `Async.${method}`, args) as Promise<Ref<'task'>>;
  }

  private async invoke(signal: AbortSignal | undefined, wireMethod: string, args: unknown[]): Promise<unknown> {
    const session = this.sessionRef ?? (await this.login());
    try {
      return await this.transport.callRaw(wireMethod, [session, ...args], signal);
    } catch (error) {
      if (!(error instanceof XapiError) || error.code !== 'SESSION_INVALID') throw error;
      if (this.sessionRef === session) this.sessionRef = undefined;
      const renewed = this.sessionRef ?? (await this.login());
      return this.transport.callRaw(wireMethod, [renewed, ...args], signal);
    }
  }

  async logout(): Promise<void> {
    const session = this.sessionRef;
    this.sessionRef = undefined;
    if (session) await this.transport.call('session.logout', [session]).catch(() => undefined);
  }
}
