import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditService, AuditView } from '../audit/audit.service.js';
import { Roles } from '../auth/auth.decorators.js';
import { IsLocalDate } from '../common/validators.js';
import { CentreStatistics, StatisticsService } from '../statistics/statistics.service.js';

export class DateRangeQueryDto {
  @IsLocalDate()
  from: string;

  @IsLocalDate()
  to: string;
}

/** What administrators read about bookings: the audit trail of one, the statistics of a centre. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@Roles('admin')
export class AdminRecordsController {
  constructor(
    private readonly audit: AuditService,
    private readonly statistics: StatisticsService,
  ) {}

  @Get('bookings/:id/audit')
  auditTrail(@Param('id') id: string): Promise<AuditView[]> {
    return this.audit.forBooking(id);
  }

  @Get('centres/:id/statistics')
  centreStatistics(@Param('id') id: string, @Query() query: DateRangeQueryDto): Promise<CentreStatistics> {
    return this.statistics.forCentre(id, query.from, query.to);
  }
}
