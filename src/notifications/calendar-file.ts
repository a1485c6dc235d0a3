import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarFacts {
  bookingId: string;
  /** Rises with each change, so calendar programs apply updates in order. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  organizer: { name: string; email: string };
}

/** An iCalendar file whose UID stays the same for the whole life of the booking; times are UTC instants. */
export function calendarFile(facts: CalendarFacts): string {
  const calendar = ical({
    prodId: { company: 'Borgerservice', product: 'MitID booking', language: 'DA' },
    method: facts.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${facts.bookingId}@borgerservice-booking`,
    sequence: facts.sequence,
    start: facts.startsAt,
    end: facts.endsAt,
    stamp: new Date(facts.sequence * 1000),
    summary: facts.summary,
    location: facts.location,
    description: facts.description,
    organizer: facts.organizer,
    status: facts.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
