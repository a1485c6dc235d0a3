import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentUser, Roles } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
import { ApiErrors } from '../common/api-errors.js';
import { AuditService } from './audit.service.js';
import { AuditView } from './audit.view.js';

/** The audit trail of one booking: who did or read what, and when. */
@ApiTags('admin')
@BearerAuth()
@Controller('admin')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  // The operationId it had before audit and statistics became modules of their own, for generated clients.
  @ApiOperation({
    operationId: 'AdminRecordsController_auditTrail',
    summary: 'The audit trail of one booking (the read is recorded too)',
  })
  @Get('bookings/:id/audit')
  @ApiOkResponse({ type: [AuditView] })
  @ApiErrors(404)
  auditTrail(@Param('id') id: string, @CurrentUser() admin: AuthUser): Promise<AuditView[]> {
    return this.audit.forBooking(id, admin);
  }
}
