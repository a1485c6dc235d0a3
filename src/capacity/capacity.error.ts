import { DomainError } from '../common/domain-error.js';

export enum CapacityErrorCode {
  CellFull = 'CAPACITY_CELL_FULL',
}

export class CapacityError extends DomainError<CapacityErrorCode> {
  constructor(code: CapacityErrorCode, message: string) {
    super(code, message);
  }

  static full(): CapacityError {
    return new CapacityError(CapacityErrorCode.CellFull, 'This time is fully booked; choose another time');
  }
}
