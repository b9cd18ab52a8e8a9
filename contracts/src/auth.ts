import { z } from 'zod';
import { ZId, ZOk, zString } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ZAction } from './permissions.ts';

/** Account roles (DOMAIN.md capability 10). */
export const ROLES = [
  'system_admin',
  'unit_admin',
  'commission_officer',
  'data_entry',
  'leader',
  'focal_point',
] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ZLoginRequest = z.object({
  username: zString().trim().toLowerCase().min(1).max(50),
  password: zString().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/**
 * The login form of the HTML page (before the scripts arrive, or without JavaScript): the same fields as the JSON
 * login, plus the page to open after signing in (a path of this app; anything else is ignored).
 */
export const ZLoginFormRequest = ZLoginRequest.extend({
  next: zString().max(2000).optional(),
});
export type TLoginFormRequest = z.infer<typeof ZLoginFormRequest>;

/** A form endpoint's answer: 303 See Other, `Location` the page to open (body empty). */
export const ZSeeOther = z.null().describe('303 See Other: the Location header names the page to open');

/** The signed-in user as the web app sees them. */
export const ZMe = z.object({
  id: ZId,
  username: z.string(),
  fullName: z.string(),
  roles: z.array(ZRole),
  /** Home unit; null for system administrators (whole country). */
  unitId: ZId.nullable(),
  unitName: z.string().nullable(),
  organizationId: ZId.nullable(),
  mustChangePassword: z.boolean(),
  /** What the user may do (contracts/permissions.ts); the web offers only these, the server decides per record. */
  permissions: z.array(ZAction),
  /** Echo of the CSRF token the web app must send in `x-csrf-token` on every write. */
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

/** Minimum 10 characters with a letter and a digit. */
export const ZNewPassword = zString()
  .min(10)
  .max(200)
  .regex(/[A-Za-z]/)
  .regex(/\d/);

export const ZChangePasswordRequest = z.object({
  currentPassword: zString().min(1).max(200),
  newPassword: ZNewPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

/** Sign-in and the session: the login page's only contracts (the users' administration is in users.ts). */
export const authEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in; sets the session cookie',
    body: ZLoginRequest,
    response: ZMe,
    public: true,
  }),
  loginForm: endpoint({
    method: 'POST',
    path: '/api/auth/login-form',
    summary:
      'Sign in from the HTML login form (urlencoded; Origin must be this app); sets the session cookie and answers 303 to `next`, or to /login?loi=<error code>[&cho=<seconds>] on failure',
    body: ZLoginFormRequest,
    response: ZSeeOther,
    public: true,
    form: true,
  }),
  logout: endpoint({ method: 'POST', path: '/api/auth/logout', summary: 'Sign out', response: ZOk, openBeforePasswordChange: true }),
  me: endpoint({ method: 'GET', path: '/api/auth/me', summary: 'The signed-in user', response: ZMe, openBeforePasswordChange: true }),
  changePassword: endpoint({
    method: 'POST',
    path: '/api/auth/password',
    summary: 'Change own password',
    body: ZChangePasswordRequest,
    response: ZOk,
    openBeforePasswordChange: true,
  }),
};
