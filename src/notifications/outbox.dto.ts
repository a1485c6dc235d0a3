import { IsIn, IsOptional } from 'class-validator';
import type { DeliveryStatus } from './outbox-message.entity.js';

export class OutboxQueryDto {
  @IsOptional()
  @IsIn(['pending', 'sent', 'failed'])
  status?: DeliveryStatus;
}
