import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BookingStatusWriter } from '../bookings/index.js';

/** Nightly: appointments whose day is over and nobody came become no-shows; unfinished check-ins are closed. */
@Injectable()
export class NoShowSweepService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly status: BookingStatusWriter,
  ) {}

  /** The number of bookings marked as no-shows. */
  async run(): Promise<number> {
    return this.dataSource.transaction(async (manager) => (await this.status.sweepEnded(manager)).noShows);
  }
}
