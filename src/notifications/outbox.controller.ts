import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentUser, Roles } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
import { ApiError, ApiErrors } from '../common/api-errors.js';
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

  @ApiOperation({
    summary: 'Send a failed e-mail again: pending and due at once, its attempts counted afresh',
  })
  @Post(':id/retry')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the message is pending again' })
  @ApiError(404, 'no such message')
  @ApiError(409, 'the message has not failed')
  retry(@Param('id') id: string, @CurrentUser() admin: AuthUser): Promise<void> {
    return this.delivery.retry(id, admin);
  }
}
