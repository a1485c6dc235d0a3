import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { newCentre, weekdays } from './support/factories.js';
import { bearer, loginAs, startTestApp, TestApp } from './support/test-app.js';

/**
 * Malformed input never earns a 5xx. Validation failures are 422 everywhere (the project's choice between the
 * contract's 400 and 422) with `details` naming the wrong field; unknown ids are 404; an oversized body is 413.
 */

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: { field: string; message: string }[];
}

type Method = 'get' | 'post' | 'put' | 'patch';
/** The paths a case can aim at; resolved once the centres exist. */
type Target = (ids: { centre: string; published: string }) => string;

interface Case {
  name: string;
  method: Method;
  url: Target;
  /** anonymous for the public routes, the administrator otherwise */
  anonymous?: boolean;
  query?: Record<string, string | string[]>;
  /** sent as JSON */
  body?: unknown;
  /** sent verbatim with Content-Type: application/json (or contentType) */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  /** for 422: a field that `details` must name */
  field?: string;
  /** for 422: further fields that must all be named */
  fields?: string[];
  /** the messages of the issues naming `field`, exactly: one answer, not every rule the value breaks */
  detail?: string[];
}

const HUGE = 'x'.repeat(10_000);
const SQLISH = "x' OR '1'='1'; DROP TABLE centre; --";
const NOT_A_UUID = 'not-a-uuid';

const validCentre = {
  name: 'Borgerservice Validering',
  address: 'Torvet 3, 9999 Testby',
  municipality: 'Testby',
  slotMinutes: 15,
  bookingHorizonDays: 60,
  minNoticeHours: 0,
};
const validType = { code: 'MITID_NEW', name: 'New MitID', durationMinutes: 15 };
const validDay = { weekday: 1, opens: '09:00', closes: '12:00', desks: 2 };
const validClosure = { from: '2027-03-01', to: '2027-03-01', reason: 'Personaledag' };
const validQuery = { from: '2027-01-04', to: '2027-01-10', type: 'MITID_NEW' };

const centres: Target = () => '/api/admin/centres';
const centre: Target = (ids) => `/api/admin/centres/${ids.centre}`;
const types: Target = (ids) => `/api/admin/centres/${ids.centre}/appointment-types`;
const hours: Target = (ids) => `/api/admin/centres/${ids.centre}/opening-hours`;
const closures: Target = (ids) => `/api/admin/centres/${ids.centre}/closures`;
const availability: Target = (ids) => `/api/centres/${ids.published}/availability`;
const users: Target = () => '/api/admin/users';
const login: Target = () => '/api/auth/login';

const UNKNOWN = randomUUID();

const CASES: Case[] = [
  // POST /api/admin/centres
  {
    name: 'centre: slotMinutes as a string',
    method: 'post',
    url: centres,
    body: { ...validCentre, slotMinutes: '15' },
    status: 422,
    field: 'slotMinutes',
    detail: ['must be an integer number'],
  },
  {
    name: 'citizen booking: CPR number with a date that does not exist',
    method: 'post',
    url: () => '/api/bookings',
    anonymous: true,
    body: {
      centreId: UNKNOWN,
      appointmentType: 'MITID_NEW',
      startsAt: '2027-01-11T09:00:00+01:00',
      applicant: {
        fullName: 'Test Person',
        email: 'person@example.dk',
        cprNumber: '310290-1234',
        nationality: 'DK',
        countryOfResidence: 'DK',
      },
      documents: [{ type: 'DK_DRIVING_LICENCE' }],
    },
    status: 422,
    field: 'applicant.cprNumber',
    detail: ['31 February does not exist'],
  },
  {
    name: 'citizen booking: CPR number with month 13',
    method: 'post',
    url: () => '/api/bookings',
    anonymous: true,
    body: {
      centreId: UNKNOWN,
      appointmentType: 'MITID_NEW',
      startsAt: '2027-01-11T09:00:00+01:00',
      applicant: {
        fullName: 'Test Person',
        email: 'person@example.dk',
        cprNumber: '011390-1234',
        nationality: 'DK',
        countryOfResidence: 'DK',
      },
      documents: [{ type: 'DK_DRIVING_LICENCE' }],
    },
    status: 422,
    field: 'applicant.cprNumber',
    detail: ['month 13 does not exist'],
  },
  {
    name: 'centre: slotMinutes 7 (not on the list)',
    method: 'post',
    url: centres,
    body: { ...validCentre, slotMinutes: 7 },
    status: 422,
    field: 'slotMinutes',
  },
  {
    name: 'centre: slotMinutes 15.5',
    method: 'post',
    url: centres,
    body: { ...validCentre, slotMinutes: 15.5 },
    status: 422,
    field: 'slotMinutes',
  },
  {
    name: 'centre: name as a number',
    method: 'post',
    url: centres,
    body: { ...validCentre, name: 42 },
    status: 422,
    field: 'name',
    detail: ['must be a string'],
  },
  {
    name: 'centre: name null',
    method: 'post',
    url: centres,
    body: { ...validCentre, name: null },
    status: 422,
    field: 'name',
  },
  {
    name: 'centre: name as an object',
    method: 'post',
    url: centres,
    body: { ...validCentre, name: { da: 'x' } },
    status: 422,
    field: 'name',
  },
  {
    name: 'centre: name as an array',
    method: 'post',
    url: centres,
    body: { ...validCentre, name: ['x'] },
    status: 422,
    field: 'name',
  },
  {
    name: 'centre: empty name',
    method: 'post',
    url: centres,
    body: { ...validCentre, name: '' },
    status: 422,
    field: 'name',
  },
  {
    name: 'centre: 10 000-character name',
    method: 'post',
    url: centres,
    body: { ...validCentre, name: HUGE },
    status: 422,
    field: 'name',
  },
  {
    name: 'centre: empty object (every required field missing)',
    method: 'post',
    url: centres,
    body: {},
    status: 422,
    field: 'name',
    fields: ['name', 'address', 'municipality', 'slotMinutes', 'bookingHorizonDays', 'minNoticeHours'],
  },
  {
    name: 'centre: municipality missing',
    method: 'post',
    url: centres,
    body: { ...validCentre, municipality: undefined },
    status: 422,
    field: 'municipality',
  },
  {
    name: 'centre: unknown extra field',
    method: 'post',
    url: centres,
    body: { ...validCentre, isAdmin: true },
    status: 422,
    field: 'isAdmin',
  },
  {
    name: 'centre: bookingHorizonDays 0',
    method: 'post',
    url: centres,
    body: { ...validCentre, bookingHorizonDays: 0 },
    status: 422,
    field: 'bookingHorizonDays',
  },
  {
    name: 'centre: bookingHorizonDays 1000',
    method: 'post',
    url: centres,
    body: { ...validCentre, bookingHorizonDays: 1000 },
    status: 422,
    field: 'bookingHorizonDays',
  },
  {
    name: 'centre: minNoticeHours -1',
    method: 'post',
    url: centres,
    body: { ...validCentre, minNoticeHours: -1 },
    status: 422,
    field: 'minNoticeHours',
  },
  {
    name: 'centre: minNoticeHours 1e9',
    method: 'post',
    url: centres,
    body: { ...validCentre, minNoticeHours: 1_000_000_000 },
    status: 422,
    field: 'minNoticeHours',
  },
  {
    name: 'centre: invalid time zone',
    method: 'post',
    url: centres,
    body: { ...validCentre, timeZone: 'Mars/Olympus_Mons' },
    status: 422,
    field: 'timeZone',
  },
  {
    name: 'centre: time zone null',
    method: 'post',
    url: centres,
    body: { ...validCentre, timeZone: null },
    status: 422,
    field: 'timeZone',
  },
  {
    name: 'centre: unknown witnessPolicy',
    method: 'post',
    url: centres,
    body: { ...validCentre, witnessPolicy: 'always' },
    status: 422,
    field: 'witnessPolicy',
  },
  {
    name: 'centre: witnessPolicy null',
    method: 'post',
    url: centres,
    body: { ...validCentre, witnessPolicy: null },
    status: 422,
    field: 'witnessPolicy',
  },
  {
    name: 'centre: cancellationCutoffHours null',
    method: 'post',
    url: centres,
    body: { ...validCentre, cancellationCutoffHours: null },
    status: 422,
    field: 'cancellationCutoffHours',
  },
  {
    name: 'centre: openOnChristmasEve null',
    method: 'post',
    url: centres,
    body: { ...validCentre, openOnChristmasEve: null },
    status: 422,
    field: 'openOnChristmasEve',
  },
  {
    name: 'centre: offersHighAssurance as "yes"',
    method: 'post',
    url: centres,
    body: { ...validCentre, offersHighAssurance: 'yes' },
    status: 422,
    field: 'offersHighAssurance',
  },
  {
    name: 'centre: SQL-ish contact phone',
    method: 'post',
    url: centres,
    body: { ...validCentre, contactPhone: SQLISH },
    status: 422,
    field: 'contactPhone',
  },
  {
    name: 'centre: contactEmail not an e-mail',
    method: 'post',
    url: centres,
    body: { ...validCentre, contactEmail: 'nobody' },
    status: 422,
    field: 'contactEmail',
  },
  {
    name: 'centre: a JSON array instead of an object',
    method: 'post',
    url: centres,
    body: [validCentre],
    status: 422,
    field: 'body',
  },
  {
    name: 'centre: a body that is not JSON',
    method: 'post',
    url: centres,
    raw: 'name=Borgerservice',
    status: 422,
    field: 'body',
  },
  {
    name: 'centre: truncated JSON',
    method: 'post',
    url: centres,
    raw: '{"name": "Borgerservice',
    status: 422,
    field: 'body',
  },
  {
    name: 'centre: a bare JSON string',
    method: 'post',
    url: centres,
    raw: '"Borgerservice"',
    status: 422,
    field: 'body',
    detail: ['must be a JSON object'],
  },
  {
    name: 'centre: JSON null',
    method: 'post',
    url: centres,
    raw: 'null',
    status: 422,
    field: 'body',
    detail: ['must be a JSON object'],
  },
  {
    name: 'centre: JSON number',
    method: 'post',
    url: centres,
    raw: ' 42',
    status: 422,
    field: 'body',
    detail: ['must be a JSON object'],
  },
  {
    name: 'centre: empty JSON body',
    method: 'post',
    url: centres,
    raw: '',
    status: 422,
    fields: ['name', 'address', 'municipality'],
    field: 'slotMinutes',
  },
  {
    name: 'centre: body as text/plain',
    method: 'post',
    url: centres,
    raw: JSON.stringify(validCentre),
    contentType: 'text/plain',
    status: 415,
    field: 'Content-Type',
    detail: ['must be application/json'],
  },
  {
    name: 'citizen cancel: a text/plain body, unknown reference',
    method: 'post',
    url: () => '/api/bookings/ABCD-EFGH/cancel',
    anonymous: true,
    raw: 'cancel please',
    contentType: 'text/plain',
    status: 415,
    field: 'Content-Type',
  },
  {
    name: 'centre: path with broken percent-encoding',
    method: 'get',
    url: () => '/api/admin/centres/%E0%A4%A',
    status: 422,
    field: 'request',
  },
  {
    name: 'centre: body in a charset other than UTF-8',
    method: 'post',
    url: centres,
    raw: JSON.stringify(validCentre),
    contentType: 'application/json; charset=latin1',
    status: 415,
  },
  {
    name: 'centre: Content-Encoding br over a plain body',
    method: 'post',
    url: centres,
    raw: JSON.stringify(validCentre),
    headers: { 'Content-Encoding': 'br' },
    status: 422,
    field: 'body',
  },
  {
    name: 'centre: Content-Encoding named like an object property',
    method: 'post',
    url: centres,
    raw: JSON.stringify(validCentre),
    headers: { 'Content-Encoding': 'constructor' },
    status: 415,
  },
  {
    name: 'centre: charset other than UTF-8, spaced out',
    method: 'post',
    url: centres,
    raw: JSON.stringify(validCentre),
    contentType: 'application/json; charset = latin1',
    status: 415,
  },
  {
    name: 'citizen cancel: empty gzip body, unknown reference',
    method: 'post',
    url: () => '/api/bookings/ABCD-EFGH/cancel',
    anonymous: true,
    raw: '',
    headers: { 'Content-Encoding': 'gzip' },
    status: 404,
  },
  {
    name: 'centre: Content-Encoding not supported',
    method: 'post',
    url: centres,
    raw: JSON.stringify(validCentre),
    headers: { 'Content-Encoding': 'compress' },
    status: 415,
  },
  {
    name: 'centre: gzip body over 100 kB once decompressed',
    method: 'post',
    url: centres,
    raw: gzipSync(JSON.stringify({ ...validCentre, address: 'x'.repeat(200_000) })),
    headers: { 'Content-Encoding': 'gzip' },
    status: 413,
  },
  {
    name: 'centre: Content-Type that is not a media type',
    method: 'post',
    url: centres,
    raw: JSON.stringify(validCentre),
    contentType: ';;',
    status: 415,
  },
  {
    name: 'citizen booking: reference of 101 characters',
    method: 'get',
    url: () => `/api/bookings/${'A'.repeat(101)}`,
    anonymous: true,
    status: 404,
  },
  {
    name: 'availability: centre id of 300 characters',
    method: 'get',
    url: () => `/api/centres/${'a'.repeat(300)}/availability`,
    anonymous: true,
    query: validQuery,
    status: 404,
  },
  {
    name: 'citizen cancel: empty JSON body, unknown reference',
    method: 'post',
    url: () => '/api/bookings/ABCD-EFGH/cancel',
    anonymous: true,
    raw: '',
    status: 404,
  },
  {
    name: 'centre: a body over 100 kB',
    method: 'post',
    url: centres,
    body: { ...validCentre, address: 'x'.repeat(110_000) },
    status: 413,
  },

  // PATCH /api/admin/centres/:id
  {
    name: 'patch: active as the string "false"',
    method: 'patch',
    url: centre,
    body: { active: 'false' },
    status: 422,
    field: 'active',
  },
  {
    name: 'patch: slotMinutes 7',
    method: 'patch',
    url: centre,
    body: { slotMinutes: 7 },
    status: 422,
    field: 'slotMinutes',
  },
  {
    name: 'patch: name null',
    method: 'patch',
    url: centre,
    body: { name: null },
    status: 422,
    field: 'name',
  },
  {
    name: 'patch: bookingHorizonDays null',
    method: 'patch',
    url: centre,
    body: { bookingHorizonDays: null },
    status: 422,
    field: 'bookingHorizonDays',
  },
  {
    name: 'patch: slotMinutes null',
    method: 'patch',
    url: centre,
    body: { slotMinutes: null },
    status: 422,
    field: 'slotMinutes',
  },
  {
    name: 'patch: active null',
    method: 'patch',
    url: centre,
    body: { active: null },
    status: 422,
    field: 'active',
  },
  {
    name: 'patch: time zone null',
    method: 'patch',
    url: centre,
    body: { timeZone: null },
    status: 422,
    field: 'timeZone',
  },
  {
    name: 'patch: trying to set the id',
    method: 'patch',
    url: centre,
    body: { id: UNKNOWN },
    status: 422,
    field: 'id',
  },
  {
    name: 'patch: invalid time zone',
    method: 'patch',
    url: centre,
    body: { timeZone: 'Europe/Atlantis' },
    status: 422,
    field: 'timeZone',
  },
  {
    name: 'patch: slotMinutes 20 does not fit the 15-minute types and hours',
    method: 'patch',
    url: centre,
    body: { slotMinutes: 20 },
    status: 422,
    field: 'slotMinutes',
  },
  {
    name: 'patch: a JSON array instead of an object',
    method: 'patch',
    url: centre,
    body: [{ active: false }],
    status: 422,
    field: 'body',
  },
  {
    name: 'patch: a body that is not JSON',
    method: 'patch',
    url: centre,
    raw: '{active: false}',
    status: 422,
    field: 'body',
  },
  {
    name: 'patch: a non-UUID centre id',
    method: 'patch',
    url: () => `/api/admin/centres/${NOT_A_UUID}`,
    body: { name: 'x' },
    status: 404,
  },
  {
    name: 'patch: an unknown centre id',
    method: 'patch',
    url: () => `/api/admin/centres/${UNKNOWN}`,
    body: { name: 'x' },
    status: 404,
  },

  // GET /api/admin/centres/:id and its closures
  {
    name: 'get centre: a non-UUID id',
    method: 'get',
    url: () => `/api/admin/centres/${NOT_A_UUID}`,
    status: 404,
  },
  {
    name: 'get centre: a SQL-ish id',
    method: 'get',
    url: () => `/api/admin/centres/${encodeURIComponent(SQLISH)}`,
    status: 404,
  },
  {
    name: 'get centre: an unknown id',
    method: 'get',
    url: () => `/api/admin/centres/${UNKNOWN}`,
    status: 404,
  },
  {
    name: 'get closures: a non-UUID id',
    method: 'get',
    url: () => `/api/admin/centres/${NOT_A_UUID}/closures`,
    status: 404,
  },
  {
    name: 'staff get centre: a non-UUID id',
    method: 'get',
    url: () => `/api/staff/centres/${NOT_A_UUID}`,
    status: 404,
  },
  {
    name: 'staff get closures: an unknown id',
    method: 'get',
    url: () => `/api/staff/centres/${UNKNOWN}/closures`,
    status: 404,
  },

  // PUT /api/admin/centres/:id/appointment-types (a top-level JSON array)
  {
    name: 'types: an object instead of an array',
    method: 'put',
    url: types,
    body: validType,
    status: 422,
    field: 'body',
  },
  { name: 'types: an empty array', method: 'put', url: types, body: [], status: 422, field: 'body' },
  {
    name: 'types: 21 types (over the limit)',
    method: 'put',
    url: types,
    body: Array.from({ length: 21 }, (_, i) => ({ ...validType, code: `TYPE_${i}` })),
    status: 422,
    field: 'body',
  },
  {
    name: 'types: a body that is not JSON',
    method: 'put',
    url: types,
    raw: '[{"code": MITID_NEW}]',
    status: 422,
    field: 'body',
  },
  {
    name: 'types: durationMinutes as a string',
    method: 'put',
    url: types,
    body: [validType, { code: 'MITID_HIGH', name: 'High', durationMinutes: 'thirty' }],
    status: 422,
    field: '[1].durationMinutes',
  },
  {
    name: 'types: durationMinutes off the slot grid',
    method: 'put',
    url: types,
    body: [validType, { code: 'MITID_HIGH', name: 'High', durationMinutes: 20 }],
    status: 422,
    field: '[1].durationMinutes',
  },
  {
    name: 'types: durationMinutes 0',
    method: 'put',
    url: types,
    body: [{ ...validType, durationMinutes: 0 }],
    status: 422,
    field: '[0].durationMinutes',
  },
  {
    name: 'types: duplicate codes',
    method: 'put',
    url: types,
    body: [validType, { ...validType, name: 'Again' }],
    status: 422,
    field: '[1].code',
  },
  {
    name: 'types: a lower-case code',
    method: 'put',
    url: types,
    body: [{ ...validType, code: 'mitid_new' }],
    status: 422,
    field: '[0].code',
  },
  {
    name: 'types: a SQL-ish code',
    method: 'put',
    url: types,
    body: [{ ...validType, code: SQLISH }],
    status: 422,
    field: '[0].code',
  },
  {
    name: 'types: a code as a number',
    method: 'put',
    url: types,
    body: [{ ...validType, code: 7 }],
    status: 422,
    field: '[0].code',
  },
  {
    name: 'types: name missing',
    method: 'put',
    url: types,
    body: [{ code: 'MITID_NEW', durationMinutes: 15 }],
    status: 422,
    field: '[0].name',
  },
  {
    name: 'types: a 10 000-character name',
    method: 'put',
    url: types,
    body: [{ ...validType, name: HUGE }],
    status: 422,
    field: '[0].name',
  },
  {
    name: 'types: unknown extra field',
    method: 'put',
    url: types,
    body: [{ ...validType, active: false }],
    status: 422,
    field: '[0].active',
  },
  {
    name: 'types: a null item',
    method: 'put',
    url: types,
    body: [validType, null],
    status: 422,
    field: '[1]',
  },
  { name: 'types: an array item', method: 'put', url: types, body: [[validType]], status: 422, field: '[0]' },
  {
    name: 'types: a non-UUID centre id',
    method: 'put',
    url: () => `/api/admin/centres/${NOT_A_UUID}/appointment-types`,
    body: [validType],
    status: 404,
  },
  {
    name: 'types: an unknown centre id',
    method: 'put',
    url: () => `/api/admin/centres/${UNKNOWN}/appointment-types`,
    body: [validType],
    status: 404,
  },

  // PUT /api/admin/centres/:id/opening-hours
  { name: 'hours: weekly missing', method: 'put', url: hours, body: {}, status: 422, field: 'weekly' },
  {
    name: 'hours: weekly null',
    method: 'put',
    url: hours,
    body: { weekly: null },
    status: 422,
    field: 'weekly',
  },
  {
    name: 'hours: weekly an object instead of an array',
    method: 'put',
    url: hours,
    body: { weekly: validDay },
    status: 422,
    field: 'weekly',
  },
  {
    name: 'hours: an array instead of an object',
    method: 'put',
    url: hours,
    body: [validDay],
    status: 422,
    field: 'body',
  },
  {
    name: 'hours: opens "9:00"',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, opens: '9:00' }] },
    status: 422,
    field: 'weekly[0].opens',
  },
  {
    name: 'hours: closes "24:00"',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, closes: '24:00' }] },
    status: 422,
    field: 'weekly[0].closes',
  },
  {
    name: 'hours: opens "12:60"',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, opens: '12:60' }] },
    status: 422,
    field: 'weekly[0].opens',
  },
  {
    name: 'hours: opens as a number',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, opens: 900 }] },
    status: 422,
    field: 'weekly[0].opens',
  },
  {
    name: 'hours: closes before opens',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, opens: '12:00', closes: '09:00' }] },
    status: 422,
    field: 'weekly[0].closes',
  },
  {
    name: 'hours: closes equal to opens',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, opens: '12:00', closes: '12:00' }] },
    status: 422,
    field: 'weekly[0].closes',
  },
  {
    name: 'hours: overlapping intervals on one weekday',
    method: 'put',
    url: hours,
    body: { weekly: [validDay, { ...validDay, opens: '11:00', closes: '13:00' }] },
    status: 422,
    field: 'weekly[1]',
  },
  {
    name: 'hours: opens off the slot grid',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, opens: '09:05' }] },
    status: 422,
    field: 'weekly[0].opens',
  },
  {
    name: 'hours: weekday 8',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, weekday: 8 }] },
    status: 422,
    field: 'weekly[0].weekday',
  },
  {
    name: 'hours: weekday 0',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, weekday: 0 }] },
    status: 422,
    field: 'weekly[0].weekday',
  },
  {
    name: 'hours: weekday "monday"',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, weekday: 'monday' }] },
    status: 422,
    field: 'weekly[0].weekday',
  },
  {
    name: 'hours: desks 0',
    method: 'put',
    url: hours,
    body: { weekly: [validDay, { ...validDay, weekday: 2, desks: 0 }] },
    status: 422,
    field: 'weekly[1].desks',
  },
  {
    name: 'hours: desks as a string',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, desks: '2' }] },
    status: 422,
    field: 'weekly[0].desks',
  },
  {
    name: 'hours: desks missing',
    method: 'put',
    url: hours,
    body: { weekly: [{ weekday: 1, opens: '09:00', closes: '12:00' }] },
    status: 422,
    field: 'weekly[0].desks',
  },
  {
    name: 'hours: unknown extra field in an entry',
    method: 'put',
    url: hours,
    body: { weekly: [{ ...validDay, lunch: true }] },
    status: 422,
    field: 'weekly[0].lunch',
  },
  {
    name: 'hours: unknown extra top-level field',
    method: 'put',
    url: hours,
    body: { weekly: [validDay], daily: [] },
    status: 422,
    field: 'daily',
  },
  {
    name: 'hours: a null entry',
    method: 'put',
    url: hours,
    body: { weekly: [null] },
    status: 422,
    field: 'weekly[0]',
  },
  {
    name: 'hours: a string entry',
    method: 'put',
    url: hours,
    body: { weekly: ['09:00-12:00'] },
    status: 422,
    field: 'weekly[0]',
  },
  {
    name: 'hours: confirm=maybe',
    method: 'put',
    url: hours,
    query: { confirm: 'maybe' },
    body: { weekly: [validDay] },
    status: 422,
    field: 'confirm',
  },
  {
    name: 'hours: a non-UUID centre id',
    method: 'put',
    url: () => `/api/admin/centres/${NOT_A_UUID}/opening-hours`,
    body: { weekly: [validDay] },
    status: 404,
  },
  {
    name: 'hours: an unknown centre id',
    method: 'put',
    url: () => `/api/admin/centres/${UNKNOWN}/opening-hours`,
    body: { weekly: [validDay] },
    status: 404,
  },

  // POST /api/admin/centres/:id/closures
  {
    name: 'closure: from 2027-02-30',
    method: 'post',
    url: closures,
    body: { ...validClosure, from: '2027-02-30' },
    status: 422,
    field: 'from',
  },
  {
    name: 'closure: from 2027-13-01',
    method: 'post',
    url: closures,
    body: { ...validClosure, from: '2027-13-01' },
    status: 422,
    field: 'from',
  },
  {
    name: 'closure: from 27-01-01',
    method: 'post',
    url: closures,
    body: { ...validClosure, from: '27-01-01' },
    status: 422,
    field: 'from',
  },
  {
    name: 'closure: from as an instant',
    method: 'post',
    url: closures,
    body: { ...validClosure, from: '2027-03-01T00:00:00Z' },
    status: 422,
    field: 'from',
  },
  {
    name: 'closure: from as a number',
    method: 'post',
    url: closures,
    body: { ...validClosure, from: 20270301 },
    status: 422,
    field: 'from',
  },
  {
    name: 'closure: from null',
    method: 'post',
    url: closures,
    body: { ...validClosure, from: null },
    status: 422,
    field: 'from',
  },
  {
    name: 'closure: to 2027-02-29 (no leap year)',
    method: 'post',
    url: closures,
    body: { ...validClosure, to: '2027-02-29' },
    status: 422,
    field: 'to',
  },
  {
    name: 'closure: to before from',
    method: 'post',
    url: closures,
    body: { ...validClosure, from: '2027-03-02', to: '2027-03-01' },
    status: 422,
    field: 'to',
  },
  {
    name: 'closure: spanning over 366 days',
    method: 'post',
    url: closures,
    body: { ...validClosure, to: '2029-03-01' },
    status: 422,
    field: 'to',
  },
  {
    name: 'closure: startTime without endTime',
    method: 'post',
    url: closures,
    body: { ...validClosure, startTime: '09:00' },
    status: 422,
    field: 'endTime',
  },
  {
    name: 'closure: endTime without startTime',
    method: 'post',
    url: closures,
    body: { ...validClosure, endTime: '11:00' },
    status: 422,
    field: 'startTime',
  },
  {
    name: 'closure: startTime null with an endTime',
    method: 'post',
    url: closures,
    body: { ...validClosure, startTime: null, endTime: '11:00' },
    status: 422,
    field: 'startTime',
  },
  {
    name: 'closure: endTime before startTime',
    method: 'post',
    url: closures,
    body: { ...validClosure, startTime: '11:00', endTime: '09:00' },
    status: 422,
    field: 'endTime',
  },
  {
    name: 'closure: startTime "25:00"',
    method: 'post',
    url: closures,
    body: { ...validClosure, startTime: '25:00', endTime: '26:00' },
    status: 422,
    field: 'startTime',
  },
  {
    name: 'closure: reason missing',
    method: 'post',
    url: closures,
    body: { from: '2027-03-01', to: '2027-03-01' },
    status: 422,
    field: 'reason',
  },
  {
    name: 'closure: empty reason',
    method: 'post',
    url: closures,
    body: { ...validClosure, reason: '' },
    status: 422,
    field: 'reason',
  },
  {
    name: 'closure: a 10 000-character reason',
    method: 'post',
    url: closures,
    body: { ...validClosure, reason: HUGE },
    status: 422,
    field: 'reason',
  },
  {
    name: 'closure: unknown extra field',
    method: 'post',
    url: closures,
    body: { ...validClosure, centreId: UNKNOWN },
    status: 422,
    field: 'centreId',
  },
  {
    name: 'closure: an array instead of an object',
    method: 'post',
    url: closures,
    body: [validClosure],
    status: 422,
    field: 'body',
  },
  {
    name: 'closure: a non-UUID centre id',
    method: 'post',
    url: () => `/api/admin/centres/${NOT_A_UUID}/closures`,
    body: validClosure,
    status: 404,
  },
  {
    name: 'closure: an unknown centre id',
    method: 'post',
    url: () => `/api/admin/centres/${UNKNOWN}/closures`,
    body: validClosure,
    status: 404,
  },

  // GET /api/centres/:id/availability (anonymous)
  {
    name: 'availability: from missing',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { to: '2027-01-10', type: 'MITID_NEW' },
    status: 422,
    field: 'from',
  },
  {
    name: 'availability: to missing',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { from: '2027-01-04', type: 'MITID_NEW' },
    status: 422,
    field: 'to',
  },
  {
    name: 'availability: type missing',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { from: '2027-01-04', to: '2027-01-10' },
    status: 422,
    field: 'type',
  },
  {
    name: 'availability: no query at all',
    method: 'get',
    anonymous: true,
    url: availability,
    status: 422,
    field: 'from',
    fields: ['from', 'to', 'type'],
  },
  {
    name: 'availability: year 9999 (once looped forever)',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, from: '9999-12-31', to: '9999-12-31' },
    status: 422,
    field: 'from',
  },
  {
    name: 'availability: year 0000',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, from: '0000-01-01', to: '0000-01-02' },
    status: 422,
    field: 'from',
  },
  {
    name: 'availability: to before from',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, from: '2027-01-10', to: '2027-01-04' },
    status: 422,
    field: 'to',
  },
  {
    name: 'availability: 94 days',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, from: '2027-01-04', to: '2027-04-07' },
    status: 422,
    field: 'to',
  },
  {
    name: 'availability: 8000 years',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, from: '2000-01-01', to: '9999-12-31' },
    status: 422,
    field: 'to',
  },
  {
    name: 'availability: from 2027-02-30',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, from: '2027-02-30' },
    status: 422,
    field: 'from',
  },
  {
    name: 'availability: to 2027-13-01',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, to: '2027-13-01' },
    status: 422,
    field: 'to',
  },
  {
    name: 'availability: from 27-01-01',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, from: '27-01-01' },
    status: 422,
    field: 'from',
  },
  {
    name: 'availability: from given twice',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, from: ['2027-01-04', '2027-01-05'] },
    status: 422,
    field: 'from',
  },
  {
    name: 'availability: a lower-case type',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, type: 'mitid_new' },
    status: 422,
    field: 'type',
  },
  {
    name: 'availability: an unknown type code',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, type: 'PASSPORT' },
    status: 422,
    field: 'type',
  },
  {
    name: 'availability: a SQL-ish type',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, type: SQLISH },
    status: 422,
    field: 'type',
  },
  {
    name: 'availability: a 10 000-character type',
    method: 'get',
    anonymous: true,
    url: availability,
    query: { ...validQuery, type: HUGE },
    status: 422,
    field: 'type',
  },
  {
    name: 'availability: a non-UUID centre id',
    method: 'get',
    anonymous: true,
    url: () => `/api/centres/${NOT_A_UUID}/availability`,
    query: validQuery,
    status: 404,
  },
  {
    name: 'availability: a SQL-ish centre id',
    method: 'get',
    anonymous: true,
    url: () => `/api/centres/${encodeURIComponent(SQLISH)}/availability`,
    query: validQuery,
    status: 404,
  },
  {
    name: 'availability: an unknown centre id',
    method: 'get',
    anonymous: true,
    url: () => `/api/centres/${UNKNOWN}/availability`,
    query: validQuery,
    status: 404,
  },

  // POST /api/auth/login (anonymous)
  {
    name: 'login: e-mail not an e-mail',
    method: 'post',
    anonymous: true,
    url: login,
    body: { email: 'admin', password: 'x' },
    status: 422,
    field: 'email',
  },
  {
    name: 'login: password missing',
    method: 'post',
    anonymous: true,
    url: login,
    body: { email: 'a@test.localhost' },
    status: 422,
    field: 'password',
  },
  {
    name: 'login: password as a number',
    method: 'post',
    anonymous: true,
    url: login,
    body: { email: 'a@test.localhost', password: 12345 },
    status: 422,
    field: 'password',
  },
  {
    name: 'login: SQL-ish e-mail',
    method: 'post',
    anonymous: true,
    url: login,
    body: { email: SQLISH, password: 'x' },
    status: 422,
    field: 'email',
  },
  {
    name: 'login: an array',
    method: 'post',
    anonymous: true,
    url: login,
    body: [{ email: 'a@test.localhost', password: 'x' }],
    status: 422,
    field: 'body',
  },
  {
    name: 'login: a body that is not JSON',
    method: 'post',
    anonymous: true,
    url: login,
    raw: 'email=a&password=b',
    status: 422,
    field: 'body',
  },

  // POST /api/admin/users
  {
    name: 'user: unknown role',
    method: 'post',
    url: users,
    body: { email: 'u1@test.localhost', password: 'correct horse battery', role: 'root', centreIds: [] },
    status: 422,
    field: 'role',
  },
  {
    name: 'user: short password',
    method: 'post',
    url: users,
    body: { email: 'u2@test.localhost', password: 'short', role: 'admin', centreIds: [] },
    status: 422,
    field: 'password',
  },
  {
    name: 'user: centreIds as a string',
    method: 'post',
    url: users,
    body: {
      email: 'u3@test.localhost',
      password: 'correct horse battery',
      role: 'admin',
      centreIds: UNKNOWN,
    },
    status: 422,
    field: 'centreIds',
  },
  {
    name: 'user: centreIds holding a non-UUID',
    method: 'post',
    url: users,
    body: {
      email: 'u4@test.localhost',
      password: 'correct horse battery',
      role: 'staff',
      centreIds: [NOT_A_UUID],
    },
    status: 422,
    field: 'centreIds',
  },
  {
    name: 'user: centreIds missing',
    method: 'post',
    url: users,
    body: { email: 'u5@test.localhost', password: 'correct horse battery', role: 'admin' },
    status: 422,
    field: 'centreIds',
  },
  {
    name: 'user: e-mail missing',
    method: 'post',
    url: users,
    body: { password: 'correct horse battery', role: 'admin', centreIds: [] },
    status: 422,
    field: 'email',
  },
];

describe('Malformed input over HTTP', () => {
  let t: TestApp;
  let admin: string;
  const ids = { centre: '', published: '' };
  const seen: { request: string; status: number }[] = [];

  async function send(c: Case): Promise<Response> {
    const url = c.url(ids);
    let req = t.http()[c.method](url);
    if (!c.anonymous) req = req.set(bearer(admin));
    if (c.query) req = req.query(c.query);
    if (c.headers) req = req.set(c.headers);
    // superagent would JSON-encode a Buffer sent as application/json; a compressed body goes as it is
    if (Buffer.isBuffer(c.raw)) req = req.serialize((body: unknown) => body as string);
    if (c.raw !== undefined) req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw);
    else if (c.body !== undefined) req = req.send(c.body as object);
    const response = await req;
    seen.push({ request: `${c.method.toUpperCase()} ${url} (${c.name})`, status: response.status });
    return response;
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-01-04T08:00:00+01:00' });
    admin = (await loginAs(t, 'admin')).token;
    ids.centre = (await newCentre(t, admin, { name: 'Borgerservice Ændringer' })).id;
    ids.published = (await newCentre(t, admin, { name: 'Borgerservice Offentlig' })).id;
  });
  afterAll(() => t.close());

  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  const TABLE = CASES.map((c) => ({
    ...c,
    title: `${c.name} → ${c.status}${c.field ? ` naming ${c.field}` : ''}`,
  }));

  it.each(TABLE)('$title', async (c) => {
    const response = await send(c);
    const body = response.body as ErrorBody;
    // One assertion that shows the whole answer when the status is wrong.
    expect({
      status: response.status,
      body: response.status === c.status ? 'as expected' : (body as unknown),
    }).toEqual({
      status: c.status,
      body: 'as expected',
    });
    expect(body).toMatchObject({
      statusCode: c.status,
      error: STATUS_CODES[c.status],
      message: expect.any(String) as unknown,
    });
    expect(Array.isArray(body.details)).toBe(true);
    // The answer does not echo what was sent back at length.
    expect(JSON.stringify(body).length).toBeLessThan(4000);
    if (c.status === 422) {
      expect(body.details.length).toBeGreaterThan(0);
      for (const issue of body.details) {
        expect(issue).toEqual({
          field: expect.any(String) as unknown,
          message: expect.any(String) as unknown,
        });
        expect(issue.message).not.toBe('');
      }
      const fields = body.details.map((issue) => issue.field);
      expect(fields).toEqual(expect.arrayContaining([c.field, ...(c.fields ?? [])]));
    }
    if (c.field && c.status !== 422) expect(body.details.map((issue) => issue.field)).toContain(c.field);
    if (c.detail) {
      const messages = body.details.filter((issue) => issue.field === c.field).map((issue) => issue.message);
      expect(messages).toEqual(c.detail);
    }
  });

  it('takes a POST without a body or Content-Type as no body, as before', async () => {
    const response = await t.http().post('/api/bookings/ABCD-EFGH/cancel').set('X-Manage-Token', 'x');
    expect({
      status: response.status,
      type: (response.request as unknown as { header: Record<string, unknown> }).header['Content-Type'],
    }).toEqual({
      status: 404,
      type: undefined,
    });
  });

  it('left the calendars it attacked as they were', async () => {
    const response = await t.http().get(`/api/admin/centres/${ids.centre}`).set(bearer(admin)).expect(200);
    expect(response.body).toMatchObject({
      name: 'Borgerservice Ændringer',
      active: true,
      slotMinutes: 15,
      timeZone: 'Europe/Copenhagen',
      appointmentTypes: [validType],
      openingHours: weekdays('09:00', '12:00', 2),
    });
    const listed = await t
      .http()
      .get(`/api/admin/centres/${ids.centre}/closures`)
      .set(bearer(admin))
      .expect(200);
    expect(listed.body).toEqual([]);
  });

  it('answers the edges of the valid ranges with 2xx (so the cases above fail for the reason given)', async () => {
    const ok = async (c: Omit<Case, 'status' | 'name'>, status: number) => {
      const response = await send({ ...c, name: 'control', status });
      expect({
        status: response.status,
        body: response.status === status ? 'ok' : (response.body as unknown),
      }).toEqual({ status, body: 'ok' });
    };
    await ok(
      {
        method: 'get',
        anonymous: true,
        url: availability,
        query: { ...validQuery, from: '2027-01-04', to: '2027-04-06' },
      },
      200,
    );
    await ok(
      {
        method: 'get',
        anonymous: true,
        url: availability,
        query: { ...validQuery, from: '2027-01-04', to: '2027-01-04' },
      },
      200,
    );
    await ok(
      {
        method: 'post',
        url: centres,
        body: { ...validCentre, bookingHorizonDays: 366, minNoticeHours: 720, slotMinutes: 5 },
      },
      201,
    );
    await ok(
      {
        method: 'post',
        url: centres,
        body: { ...validCentre, bookingHorizonDays: 1, name: 'x'.repeat(200) },
      },
      201,
    );
  });

  it('reads a gzip or deflate JSON body, and paths in any case and with a trailing slash', async () => {
    for (const [encoding, compress] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
    ] as const) {
      const name = `Borgerservice Komprimeret ${encoding}`;
      const created = await send({
        name: `centre as ${encoding}`,
        method: 'post',
        url: centres,
        raw: compress(JSON.stringify({ ...validCentre, name })),
        headers: { 'Content-Encoding': encoding },
        status: 201,
      });
      expect({ status: created.status, name: (created.body as { name?: string }).name }).toEqual({
        status: 201,
        name,
      });
    }
    const upper = await send({
      name: 'path in capitals',
      method: 'get',
      url: () => '/API/Admin/Centres/',
      status: 200,
    });
    expect(upper.status).toBe(200);
  });

  it('answers an undecodable URL with its request id, and logs it like any request', async () => {
    const response = await t
      .http()
      .get('/api/admin/centres/%E0%A4%A')
      .set('X-Request-Id', 'bad-url-request-1');
    expect(response.status).toBe(422);
    expect(response.headers['x-request-id']).toBe('bad-url-request-1');
    const line = t.logs
      .map((l) => JSON.parse(l) as { req?: { id: string; path: string }; res?: { statusCode: number } })
      .find((l) => l.req?.id === 'bad-url-request-1');
    expect(line?.res).toEqual({ statusCode: 422 });
  });

  it('answers an empty PATCH as a no-op, not with a 5xx', async () => {
    const response = await send({ name: 'empty patch', method: 'patch', url: centre, body: {}, status: 200 });
    expect(response.status).toBe(200);
  });

  it('never answered with a 5xx anywhere in this file', () => {
    expect(seen.length).toBeGreaterThanOrEqual(CASES.length);
    expect(seen.filter((entry) => entry.status >= 500)).toEqual([]);
  });
});
