import { DateTime } from 'luxon';
import { normalizeReference } from '../../bookings/index.js';
import type { PageContext } from '../base/page-context.js';

/** A form body or query as Fastify hands it over: strings, or arrays of them for repeated names. */
export type StaffForm = Record<string, string | string[] | undefined> | undefined;

export function formField(form: StaffForm, name: string): string {
  const value = form?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The error summary's links, in the form's order: `targets` maps a field to the id its link goes to. */
export function fieldErrors(
  errors: Record<string, string>,
  targets: Record<string, string>,
): { target: string; message: string }[] {
  return Object.keys(targets)
    .filter((name) => errors[name])
    .map((name) => ({ target: targets[name], message: errors[name] }));
}

/** A reference as a scanner or a person types it: spaces, any case, with or without the hyphen. */
export function readReference(input: string): string | undefined {
  return normalizeReference(input.replace(/\s+/g, ''));
}

/** A day as the date field sends it: ISO from the picker's script, or DD.MM.YYYY, DD-MM-YYYY, DD/MM/YYYY, "DD MM YYYY". */
export function readDay(input: string): string | undefined {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const local = /^(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts;
  const date = DateTime.fromObject({ year: +year, month: +month, day: +day });
  return date.isValid ? date.toISODate() : undefined;
}

/** The name on the day list: the first name and the initials of the rest (the appointment page shows it whole). */
export function maskName(fullName: string): string {
  const [first, ...rest] = fullName.trim().split(/\s+/);
  return [first, ...rest.map((part) => `${part[0]}.`)].join(' ');
}

/** The desk the clerk sits at, remembered on this computer (a desk name, no personal data). */
export const DESK_COOKIE = 'desk';
const DESK = /^[\p{L}\p{N}][\p{L}\p{N} .-]*$/u;

/** A desk name as the queue's API accepts it (letters and digits, at most 20 characters), or undefined. */
export function readDesk(input: string): string | undefined {
  const desk = input.trim().replace(/\s+/g, ' ');
  return desk.length <= 20 && DESK.test(desk) ? desk : undefined;
}

export function rememberedDesk(page: PageContext): string {
  return readDesk(page.cookie(DESK_COOKIE) ?? '') ?? '';
}

export function rememberDesk(page: PageContext, desk: string): void {
  void page.setCookie(DESK_COOKIE, desk, {
    path: '/staff',
    sameSite: 'strict',
    httpOnly: true,
    secure: page.secureCookies,
    maxAge: 365 * 24 * 3600,
  });
}
