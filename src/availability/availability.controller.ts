import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Public } from '../auth/index.js';
import { ApiErrors } from '../common/api-errors.js';
import { RateLimit } from '../rate-limit/index.js';
import { AvailabilityQueryDto, AvailabilityView } from './availability.dto.js';
import { AvailabilityJson, AvailabilityService } from './availability.service.js';

@ApiTags('citizen')
@Controller('centres/:centreId/availability')
@RateLimit('citizen')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @ApiOperation({ summary: 'Free times of one appointment type at a centre, day by day' })
  @Get()
  @Public()
  @ApiOkResponse({ type: AvailabilityView })
  @ApiErrors(404, 422)
  // The service writes the JSON itself (it is the hottest answer there is); Nest sends a string as it is.
  @Header('Content-Type', 'application/json; charset=utf-8')
  get(@Param('centreId') centreId: string, @Query() query: AvailabilityQueryDto): Promise<AvailabilityJson> {
    return this.availability.forCentre(centreId, query);
  }
}
