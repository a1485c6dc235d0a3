import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, Roles } from '../auth/index.js';
import { ApiErrors } from '../common/api-errors.js';
import { DateRangeQueryDto } from './statistics.dto.js';
import { StatisticsService } from './statistics.service.js';
import { CentreStatistics } from './statistics.view.js';

/** A centre's figures for a period, for administrators. */
@ApiTags('admin')
@BearerAuth()
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
  @ApiOkResponse({ type: CentreStatistics })
  @ApiErrors(404, 422)
  centreStatistics(@Param('id') id: string, @Query() query: DateRangeQueryDto): Promise<CentreStatistics> {
    return this.statistics.forCentre(id, query.from, query.to);
  }
}
