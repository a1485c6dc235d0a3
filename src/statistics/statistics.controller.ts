import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { DateRangeQueryDto } from './statistics.dto.js';
import { CentreStatistics, StatisticsService } from './statistics.service.js';

/** A centre's figures for a period, for administrators. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@Roles('admin')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  // The operationId it had before audit and statistics became modules of their own, for generated clients.
  @ApiOperation({
    operationId: 'AdminRecordsController_centreStatistics',
    summary: "A centre's figures for a period",
  })
  @Get('centres/:id/statistics')
  centreStatistics(@Param('id') id: string, @Query() query: DateRangeQueryDto): Promise<CentreStatistics> {
    return this.statistics.forCentre(id, query.from, query.to);
  }
}
