// GET /_emulator/messages?userPoolId=&username=: every email / SMS the emulator would have sent
// (confirmation and reset codes, temporary passwords), oldest first, so tests can read the code a
// user "received". Both filters are optional; `username` also matches the destination, so a test in
// an email-as-username pool can ask with the email it signed up with (the real username is the sub).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';

export function messagesRoutes(app: FastifyInstance, deps: Pick<Deps, 'messages'>): void {
  app.get('/_emulator/messages', async (request) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const userPoolId = text(query.userPoolId);
    const username = text(query.username);
    const found = deps.messages
      .find(userPoolId !== undefined ? { userPoolId } : {})
      .filter((m) => username === undefined || m.username === username || m.destination === username);
    return { Messages: found.map((m) => ({ ...m, createdAt: new Date(m.createdAt).toISOString() })) };
  });
}
