import type { EntityManager } from 'typeorm';

/** Appends one state change of a booking to its history (booking_event): who, when, what. */
export async function recordBookingEvent(
  manager: EntityManager,
  event: { bookingId: string; at: Date; actor: string; action: string; detail: Record<string, unknown> },
): Promise<void> {
  await manager.query(
    'INSERT INTO booking_event (booking_id, at, actor, action, detail) VALUES ($1, $2, $3, $4, $5)',
    [event.bookingId, event.at, event.actor, event.action, JSON.stringify(event.detail)],
  );
}
