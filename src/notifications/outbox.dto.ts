import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { DeliveryStatus } from './outbox-message.entity.js';

export class OutboxQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'sent', 'failed'], description: 'only e-mails in this state' })
  @IsOptional()
  @IsIn(['pending', 'sent', 'failed'])
  status?: DeliveryStatus;
}
