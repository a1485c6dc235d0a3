import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CalendarRules, Cell } from '../calendar/index.js';
import { CapacityError } from './capacity.error.js';
import { CAPACITY_SQL } from './capacity.sql.js';
import { bookingsLosingCapacity, desksByCell, HeldBooking } from './capacity-check.js';

/**
 * The desks held by bookings: the only code that writes slot_capacity. Every method runs in the caller's
 * transaction, after the caller has locked the centre row and then the booking row (the one lock order).
 */
@Injectable()
export class CapacityLedger {
  /** `need` desks in each cell, or none: a full cell refuses the whole transaction. Returns the cells' starts. */
  async take(manager: EntityManager, centreId: string, cells: Cell[], need: number): Promise<Date[]> {
    const ordered = [...cells].sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis());
    const starts = ordered.map((cell) => cell.startsAt.toJSDate());
    const taken = await manager.query<unknown[]>(CAPACITY_SQL.takeCells, [
      centreId,
      starts,
      ordered.map((cell) => cell.desks),
      need,
    ]);
    if (taken.length !== starts.length) throw CapacityError.full();
    return starts;
  }

  /** Gives back the `need` desks a booking took in each of its cells. */
  async release(manager: EntityManager, centreId: string, cellStarts: Date[], need: number): Promise<void> {
    await manager.query(CAPACITY_SQL.releaseCells, [centreId, cellStarts, need]);
  }

  /** The bookings that a proposed calendar has no desk for (earliest-made bookings keep theirs). */
  losingCapacity(proposed: CalendarRules, held: HeldBooking[]): Set<string> {
    return new Set(bookingsLosingCapacity(proposed, held));
  }

  async futureCells(manager: EntityManager, centreId: string, now: Date): Promise<{ starts_at: Date }[]> {
    return manager.query<{ starts_at: Date; booked: number }[]>(CAPACITY_SQL.cellsFrom, [centreId, now]);
  }

  async bookedCellsAfter(manager: EntityManager, centreId: string, now: Date): Promise<number> {
    const [{ held }] = await manager.query<{ held: number }[]>(CAPACITY_SQL.bookedCellsAfter, [
      centreId,
      now,
    ]);
    return held;
  }

  /** The desk counts of the given cells follow a new calendar (never below what is booked); empty cells go. */
  async recount(
    manager: EntityManager,
    centreId: string,
    proposed: CalendarRules,
    cells: { starts_at: Date }[],
  ): Promise<void> {
    const desks = desksByCell(
      proposed,
      cells.map((cell) => cell.starts_at),
    );
    await manager.query(CAPACITY_SQL.setDesks, [
      centreId,
      cells.map((cell) => cell.starts_at),
      cells.map((cell) => desks.get(cell.starts_at.getTime()) ?? 0),
    ]);
    await manager.query(CAPACITY_SQL.dropEmpty, [centreId]);
  }
}
