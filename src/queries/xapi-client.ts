/**
 * The connection the queries use. Until the connect screen lands, it logs in to this
 * origin (the simulator, or the bundled proxy) with the simulator's default account.
 */
import { XapiSession } from '../xapi/session';
import { JsonRpcTransport } from '../xapi/transport';

let session: Promise<XapiSession> | undefined;

export function defaultSession(): Promise<XapiSession> {
  session ??= XapiSession.login(new JsonRpcTransport(), 'root', 'xenith');
  return session;
}
