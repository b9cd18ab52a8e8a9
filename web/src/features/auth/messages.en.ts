import type { authVi } from './messages.vi.ts';

/** English for messages.vi.ts (same keys), fetched only when English is chosen (i18n/en.ts). */
export const authEn: Record<keyof typeof authVi, string> = {
  'auth.login': 'Sign in',
  'auth.logout': 'Sign out',
  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.changePassword': 'Change password',
  'auth.currentPassword': 'Current password',
  'auth.newPassword': 'New password',
  'auth.repeatPassword': 'Repeat the new password',
  'auth.passwordRule': 'At least 10 characters, with letters and digits.',
  'auth.passwordMismatch': 'The two new passwords differ.',
  'auth.savePassword': 'Save the new password',
  'auth.passwordChanged': 'Password changed. Your other sessions have ended.',
  'auth.requiredTitle': 'Choose your password',
  'auth.requiredMessage': 'Your account uses a password set by an administrator. Choose your own before you start.',
  'auth.throttled': 'Too many failed sign-ins. Try again in {time}.',
  'auth.waitSeconds': '{seconds} s',
  'auth.waitMinutes': '{minutes} min {seconds} s',
};
