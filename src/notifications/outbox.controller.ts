import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Roles } from '../auth/index.js';
import { OutboxQueryDto } from './outbox.dto.js';
import { OutboxDeliveryService } from './outbox-delivery.service.js';
import { OutboxEntryView } from './outbox.view.js';

/** Delivery state of e-mails for administrators: sent, pending, failed with the error (never the content). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/outbox')
@Roles('admin')
export class OutboxController {
  constructor(private readonly delivery: OutboxDeliveryService) {}

  @ApiOperation({ summary: 'E-mails in the outbox and how their delivery went' })
  @Get()
  @ApiOkResponse({ type: [OutboxEntryView] })
  list(@Query() query: OutboxQueryDto): Promise<OutboxEntryView[]> {
    return this.delivery.list(query.status);
  }
}
