import { ApiProperty } from '@nestjs/swagger';
import { IsLocalDate } from '../common/validators.js';

export class DateRangeQueryDto {
  @ApiProperty({ example: '2027-01-01', description: "the first day, in the centre's time zone" })
  @IsLocalDate()
  from: string;

  @ApiProperty({ example: '2027-01-31', description: 'the last day, inclusive; not before from' })
  @IsLocalDate()
  to: string;
}
