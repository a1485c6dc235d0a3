import {
  BOOKING_ACTIONS,
  BOOKING_STATUSES,
  BookingAction,
  startOf,
  transition,
} from './booking-lifecycle.js';
import type { BookingStatus } from './booking.entity.js';

/** Every pair, written out: what each action does from each status (null: refused). */
const EXPECTED: Record<BookingAction, Record<BookingStatus, BookingStatus | null>> = {
  citizen_cancel: { booked: 'cancelled', checked_in: null, completed: null, cancelled: null, no_show: null },
  citizen_reschedule: { booked: 'booked', checked_in: null, completed: null, cancelled: null, no_show: null },
  citizen_set_witness: {
    booked: 'booked',
    checked_in: null,
    completed: null,
    cancelled: null,
    no_show: null,
  },
  centre_cancel: { booked: 'cancelled', checked_in: null, completed: null, cancelled: null, no_show: null },
  check_in: { booked: 'checked_in', checked_in: null, completed: null, cancelled: null, no_show: null },
  identity_check: { booked: null, checked_in: 'checked_in', completed: null, cancelled: null, no_show: null },
  complete: { booked: null, checked_in: 'completed', completed: null, cancelled: null, no_show: null },
  no_show: { booked: 'no_show', checked_in: null, completed: null, cancelled: null, no_show: null },
  sweep_no_show: { booked: 'no_show', checked_in: null, completed: null, cancelled: null, no_show: null },
  sweep_close_unfinished: {
    booked: null,
    checked_in: 'completed',
    completed: null,
    cancelled: null,
    no_show: null,
  },
};

const PAIRS = BOOKING_ACTIONS.flatMap((action) =>
  BOOKING_STATUSES.map((status) => [action, status] as const),
);

describe('the booking lifecycle', () => {
  it('covers every action and status', () => {
    expect(PAIRS).toHaveLength(50);
  });

  it.each(PAIRS)('%s from %s', (action, status) => {
    const expected = EXPECTED[action][status];
    const result = transition(status, action);
    if (expected === null) {
      expect(result.ok).toBe(false);
    } else {
      expect(result).toEqual({ ok: true, next: expected });
    }
  });

  it('never leaves a final status', () => {
    for (const status of ['completed', 'cancelled', 'no_show'] as const) {
      for (const action of BOOKING_ACTIONS) expect(transition(status, action).ok).toBe(false);
    }
  });

  it('says why, in the words of whoever asked', () => {
    expect(transition('checked_in', 'check_in')).toEqual({
      ok: false,
      refusal: 'The appointment is already checked in and cannot be checked in',
    });
    expect(transition('no_show', 'citizen_cancel')).toEqual({
      ok: false,
      refusal: 'The booking was marked as a no-show and can no longer be changed',
    });
    expect(transition('booked', 'complete')).toEqual({
      ok: false,
      refusal: 'The appointment is not checked in yet and cannot be completed',
    });
  });

  it('starts each sweep from one status', () => {
    expect(startOf('sweep_no_show')).toBe('booked');
    expect(startOf('sweep_close_unfinished')).toBe('checked_in');
  });
});
