import { User } from './accounts/user.entity.js';
import { SlotCapacity } from './capacity/slot-capacity.entity.js';
import { Booking } from './bookings/booking.entity.js';
import { BookingEvent } from './bookings/booking-event.entity.js';
import { IdempotencyRecord } from './bookings/idempotency-record.entity.js';
import { AuditRecord } from './audit/audit-record.entity.js';
import { IdentityCheck } from './desk/identity-check.entity.js';
import { OutboxMessage } from './notifications/outbox-message.entity.js';
import { AppointmentType } from './centres/appointment-type.entity.js';
import { Centre } from './centres/centre.entity.js';
import { Closure } from './centres/closure.entity.js';
import { OpeningHours } from './centres/opening-hours.entity.js';
import { QueueDay, QueueTicket } from './queue/queue-ticket.entity.js';
import { StaffSession } from './staff-sessions/staff-session.entity.js';
import { RateLimitBucket } from './rate-limit/rate-limit-bucket.entity.js';
import { Init1764028800000 } from '../migrations/1764028800000-Init.js';
import { Bookings1764115200000 } from '../migrations/1764115200000-Bookings.js';
import { DeskAndAudit1764201600000 } from '../migrations/1764201600000-DeskAndAudit.js';
import { Outbox1764288000000 } from '../migrations/1764288000000-Outbox.js';
import { CalendarVersion1764374400000 } from '../migrations/1764374400000-CalendarVersion.js';
import { BookingForeignKeys1764460800000 } from '../migrations/1764460800000-BookingForeignKeys.js';
import { CancelReasonCodes1764547200000 } from '../migrations/1764547200000-CancelReasonCodes.js';
import { HighAssurance1764633600000 } from '../migrations/1764633600000-HighAssurance.js';
import { AppointmentTypeEnglishName1764720000000 } from '../migrations/1764720000000-AppointmentTypeEnglishName.js';
import { AppointmentTypeWithdrawn1764806400000 } from '../migrations/1764806400000-AppointmentTypeWithdrawn.js';
import { RetentionSweepIndexes1764892800000 } from '../migrations/1764892800000-RetentionSweepIndexes.js';
import { QueueTickets1764640800000 } from '../migrations/1764640800000-QueueTickets.js';
import { StaffSessions1764648000000 } from '../migrations/1764648000000-StaffSessions.js';

/** Every entity and migration of the app: the composition root knows them all, the database kernel none. */
export const ENTITIES = [
  User,
  Centre,
  AppointmentType,
  OpeningHours,
  Closure,
  SlotCapacity,
  RateLimitBucket,
  Booking,
  BookingEvent,
  IdempotencyRecord,
  IdentityCheck,
  AuditRecord,
  OutboxMessage,
  QueueTicket,
  QueueDay,
  StaffSession,
];
export const MIGRATIONS = [
  Init1764028800000,
  Bookings1764115200000,
  DeskAndAudit1764201600000,
  Outbox1764288000000,
  CalendarVersion1764374400000,
  BookingForeignKeys1764460800000,
  CancelReasonCodes1764547200000,
  HighAssurance1764633600000,
  QueueTickets1764640800000,
  StaffSessions1764648000000,
  AppointmentTypeEnglishName1764720000000,
  AppointmentTypeWithdrawn1764806400000,
  RetentionSweepIndexes1764892800000,
];

export const SCHEMA = { entities: ENTITIES, migrations: MIGRATIONS };
