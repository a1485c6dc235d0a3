import type { BookingStatus } from './booking.entity.js';

export const BOOKING_STATUSES = ['booked', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;

/** Everything that can happen to a booking, by whom. */
export const BOOKING_ACTIONS = [
  'citizen_cancel',
  'citizen_reschedule',
  'citizen_set_witness',
  'centre_cancel',
  'check_in',
  'identity_check',
  'complete',
  'no_show',
  'sweep_no_show',
  'sweep_close_unfinished',
] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

/** The lifecycle: for each action, the statuses it may start from and the status it leads to. */
const TRANSITIONS: Record<BookingAction, Partial<Record<BookingStatus, BookingStatus>>> = {
  citizen_cancel: { booked: 'cancelled' },
  citizen_reschedule: { booked: 'booked' },
  citizen_set_witness: { booked: 'booked' },
  centre_cancel: { booked: 'cancelled' },
  check_in: { booked: 'checked_in' },
  identity_check: { checked_in: 'checked_in' },
  complete: { checked_in: 'completed' },
  no_show: { booked: 'no_show' },
  sweep_no_show: { booked: 'no_show' },
  sweep_close_unfinished: { checked_in: 'completed' },
};

const STATUS_PHRASES: Record<BookingStatus, string> = {
  booked: 'is not checked in yet',
  checked_in: 'is already checked in',
  completed: 'is already completed',
  cancelled: 'was cancelled',
  no_show: 'was marked as a no-show',
};

/** How a refusal reads: the citizen is told the booking can no longer change, the desk what it cannot do. */
const REFUSALS: Record<BookingAction, (phrase: string) => string> = {
  citizen_cancel: (phrase) => `The booking ${phrase} and can no longer be changed`,
  citizen_reschedule: (phrase) => `The booking ${phrase} and can no longer be changed`,
  citizen_set_witness: (phrase) => `The booking ${phrase} and can no longer be changed`,
  centre_cancel: (phrase) => `The booking ${phrase} and can no longer be cancelled by the centre`,
  check_in: (phrase) => `The appointment ${phrase} and cannot be checked in`,
  identity_check: (phrase) => `The appointment ${phrase} and cannot be given an identity check`,
  complete: (phrase) => `The appointment ${phrase} and cannot be completed`,
  no_show: (phrase) => `The appointment ${phrase} and cannot be marked as a no-show`,
  sweep_no_show: (phrase) => `The booking ${phrase} and is not a no-show`,
  sweep_close_unfinished: (phrase) => `The booking ${phrase} and has nothing to close`,
};

export type Transition = { ok: true; next: BookingStatus } | { ok: false; refusal: string };

/** What `action` does to a booking in `status`: the next status, or why it is refused. */
export function transition(status: BookingStatus, action: BookingAction): Transition {
  const next = TRANSITIONS[action][status];
  return next ? { ok: true, next } : { ok: false, refusal: REFUSALS[action](STATUS_PHRASES[status]) };
}

/** The one status an action starts from (each action of the lifecycle has exactly one). */
export function startOf(action: BookingAction): BookingStatus {
  const [from] = Object.keys(TRANSITIONS[action]) as BookingStatus[];
  return from;
}
