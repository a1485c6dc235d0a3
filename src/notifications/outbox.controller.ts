import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BearerAuth, Roles } from '../auth/index.js';
import { ApiErrors } from '../common/api-errors.js';
import { OutboxQueryDto } from './outbox.dto.js';
import { OutboxDeliveryService } from './outbox-delivery.service.js';
import { OutboxEntryView } from './outbox.view.js';

/** Delivery state of e-mails for administrators: sent, pending, failed with the error (never the content). */
@ApiTags('admin')
@BearerAuth()
@Controller('admin/outbox')
@Roles('admin')
export class OutboxController {
  constructor(private readonly delivery: OutboxDeliveryService) {}

  @ApiOperation({ summary: 'E-mails in the outbox and how their delivery went' })
  @Get()
  @ApiOkResponse({ type: [OutboxEntryView] })
  @ApiErrors(422)
  list(@Query() query: OutboxQueryDto): Promise<OutboxEntryView[]> {
    return this.delivery.list(query.status);
  }
}
