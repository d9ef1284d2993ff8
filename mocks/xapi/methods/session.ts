import type { CallContext, MethodTable } from '../registry';

export const sessionMethods: MethodTable = {
  'session.login_with_password': ({ sim }: CallContext, uname: string, pwd: string, _version = '', originator = '') =>
    sim.sessions.login(uname, pwd, originator),
  'session.logout': ({ sim, session }: CallContext) => sim.sessions.logout(session),
  'session.get_this_host': ({ sim }: CallContext, self: string) =>
    sim.db.get<{ this_host: string }>('session', self).this_host,
  'session.get_this_user': ({ sim }: CallContext, self: string) =>
    sim.db.get<{ this_user: string }>('session', self).this_user,
};
