import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class CallDto {
  @ApiProperty({ example: '3', description: 'the desk the applicant is called to, as the screen shows it' })
  @IsString()
  @MaxLength(20)
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} .-]*$/u, { message: 'must be a desk name of letters and digits' })
  desk: string;
}

export class DisplayQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
