/** A logged-in XAPI session: calls take the session ref as their first parameter. */
import type { Methods, XapiMethod } from './model/types';
import type { JsonRpcTransport } from './transport';

export class XapiSession {
  private constructor(
    private readonly transport: JsonRpcTransport,
    readonly ref: string,
  ) {}

  static async login(transport: JsonRpcTransport, user: string, password: string): Promise<XapiSession> {
    const ref = await transport.call('session.login_with_password', [user, password, '2.23', 'xenith']);
    return new XapiSession(transport, ref);
  }

  call<M extends Exclude<XapiMethod, 'session.login_with_password'>>(
    method: M,
    ...args: Methods[M]['params']
  ): Promise<Methods[M]['result']> {
    return this.transport.call(method, [this.ref, ...args]);
  }

  async logout(): Promise<void> {
    await this.call('session.logout');
  }
}
