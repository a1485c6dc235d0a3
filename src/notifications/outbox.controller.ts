import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '../auth/auth.decorators.js';
import type { DeliveryStatus } from './outbox-message.entity.js';
import { OutboxDeliveryService, OutboxEntryView } from './outbox-delivery.service.js';

export class OutboxQueryDto {
  @IsOptional()
  @IsIn(['pending', 'sent', 'failed'])
  status?: DeliveryStatus;
}

/** Delivery state of e-mails for administrators: sent, pending, failed with the error (never the content). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
@Roles('admin')
export class OutboxController {
  constructor(private readonly delivery: OutboxDeliveryService) {}

  @Get()
  list(@Query() query: OutboxQueryDto): Promise<OutboxEntryView[]> {
    return this.delivery.list(query.status);
  }
}
