import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import { AvailabilityQueryDto, AvailabilityView } from './availability.dto.js';
import { AvailabilityService } from './availability.service.js';

@ApiTags('citizen')
@Controller('centres/:centreId/availability')
@RateLimit('citizen')
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: AvailabilityView })
  get(@Param('centreId') centreId: string, @Query() query: AvailabilityQueryDto): Promise<AvailabilityView> {
    return this.availability.forCentre(centreId, query);
  }
}
