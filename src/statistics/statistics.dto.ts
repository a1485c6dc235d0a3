import { IsLocalDate } from '../common/validators.js';

export class DateRangeQueryDto {
  @IsLocalDate()
  from: string;

  @IsLocalDate()
  to: string;
}
