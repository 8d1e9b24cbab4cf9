// What the window may load and talk to: the hardened default session, and app:// serving the
// renderer's files with the content security policy.
import { protocol, session } from 'electron';
import { CSP } from '../../shared/csp';
import { APP_SCHEME, createAppProtocolHandler } from '../protocol';
import { hardenSession } from '../window';
import type { ShellModule } from './runner';

export const secureSession: ShellModule = {
  name: 'session and app://',
  enable(ctx) {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: ctx.files.root, csp: CSP }));
  },
};
