import { DateTime } from 'luxon';
import type { Language } from '../../identity/index.js';
import type { StaffForm } from '../staff/staff-form.js';

/** Every value of a repeated form field (checkboxes), whether one or many were sent. */
export function formList(form: StaffForm, name: string): string[] {
  const value = form?.[name];
  return (Array.isArray(value) ? value : value ? [value] : []).filter(Boolean);
}

/** The API's password rules (CreateUserDto, ResetPasswordDto): 12 to 200 characters. */
export function passwordError(
  password: string,
  t: { passwordShort: string; passwordLong: string },
): string | undefined {
  if (password.length < 12) return t.passwordShort;
  if (password.length > 200) return t.passwordLong;
  return undefined;
}

/** An audit record's instant as the local time of `zone`, to the second. */
export function auditTime(iso: string, zone: string, lang: Language): string {
  return DateTime.fromISO(iso)
    .setZone(zone)
    .setLocale(lang === 'da' ? 'da-DK' : 'en-GB')
    .toFormat(lang === 'da' ? "d. LLL yyyy 'kl.' HH:mm:ss" : "d LLL yyyy 'at' HH:mm:ss");
}

/** A message's instant for the outbox list, in the centres' zone. */
export function shortTime(iso: string | null, zone: string, lang: Language): string {
  if (!iso) return '';
  return DateTime.fromISO(iso)
    .setZone(zone)
    .setLocale(lang === 'da' ? 'da-DK' : 'en-GB')
    .toFormat(lang === 'da' ? "d. LLL yyyy 'kl.' HH:mm" : "d LLL yyyy 'at' HH:mm");
}

/** A share (0–1) as per cent with one decimal, in the reader's language. */
export function percent(share: number, lang: Language): string {
  return `${new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 }).format(share * 100)}\u00a0%`;
}

/** An audit action's key among the texts (`user.created` → `user_created`: a text's path has no dots in a key). */
export function actionKey(action: string): string {
  return action.replace(/\./g, '_');
}
