import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';

/** The only place the wall clock is read, so that time-dependent behaviour can be tested with a fixed instant. */
@Injectable()
export class Clock {
  now(): DateTime {
    return DateTime.utc();
  }
}

export class FixedClock extends Clock {
  constructor(private instant: DateTime) {
    super();
  }

  override now(): DateTime {
    return this.instant;
  }

  set(instant: DateTime | string): void {
    this.instant = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : instant;
  }
}
