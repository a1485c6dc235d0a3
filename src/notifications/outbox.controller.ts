import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
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

  @ApiOperation({
    summary: 'Send a failed e-mail again: pending and due at once, its attempts counted afresh',
  })
  @Post(':id/retry')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the message is pending again' })
  @ApiNotFoundResponse({ description: 'no such message' })
  @ApiConflictResponse({ description: 'the message has not failed' })
  retry(@Param('id') id: string, @CurrentUser() admin: AuthUser): Promise<void> {
    return this.delivery.retry(id, admin);
  }
}
