/**
 * One logged-in connection to a pool: the session, typed calls that carry it, one
 * silent re-login when the session has expired, and the redirect to the master when
 * the address given was a pool member (HOST_IS_SLAVE).
 */
import type { Methods, XapiMethod } from './model/types';
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

export class XapiConnection {
  private sessionRef: string | undefined;
  private loggingIn: Promise<string> | undefined;

  constructor(
    private transport: JsonRpcTransport,
    private readonly credentials: Credentials,
    private readonly transportFor?: TransportFactory,
  ) {}

  get session(): string | undefined {
    return this.sessionRef;
  }

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /** Logs in (once, however many callers ask at the same time). */
  login(): Promise<string> {
    this.loggingIn ??= this.doLogin().finally(() => {
      this.loggingIn = undefined;
    });
    return this.loggingIn;
  }

  private async doLogin(): Promise<string> {
    const { user, password } = this.credentials;
    try {
      this.sessionRef = await this.transport.call('session.login_with_password', [user, password, '2.23', CLIENT_NAME]);
    } catch (error) {
      const master = error instanceof XapiError && error.code === 'HOST_IS_SLAVE' ? error.params[0] : undefined;
      if (!master || !this.transportFor) throw error;
      this.transport = this.transportFor(master);
      this.sessionRef = await this.transport.call('session.login_with_password', [user, password, '2.23', CLIENT_NAME]);
    }
    return this.sessionRef;
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
    const session = this.sessionRef ?? (await this.login());
    try {
      return await this.transport.call(method, [session, ...args], signal);
    } catch (error) {
      if (!(error instanceof XapiError) || error.code !== 'SESSION_INVALID') throw error;
      if (this.sessionRef === session) this.sessionRef = undefined;
      const renewed = this.sessionRef ?? (await this.login());
      return this.transport.call(method, [renewed, ...args], signal);
    }
  }

  async logout(): Promise<void> {
    const session = this.sessionRef;
    this.sessionRef = undefined;
    if (session) await this.transport.call('session.logout', [session]).catch(() => undefined);
  }
}
