import { Controller, Get, Param } from '@nestjs/common';
import { RateLimit } from '../rate-limit/index.js';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BearerAuth, CurrentUser, Public } from '../auth/index.js';
import { ApiErrors } from '../common/api-errors.js';
import type { AuthUser } from '../auth/index.js';
import { CentreView, ClosureView, PublicCentreView } from './centre.view.js';
import { CentresService } from './centres.service.js';

@ApiTags('citizen')
@Controller('centres')
@RateLimit('citizen')
export class PublicCentresController {
  constructor(private readonly centres: CentresService) {}

  @ApiOperation({ summary: 'Active centres and their appointment types' })
  @Get()
  @Public()
  @ApiOkResponse({ type: [PublicCentreView] })
  list(): Promise<PublicCentreView[]> {
    return this.centres.listPublic();
  }
}

@ApiTags('staff')
@BearerAuth()
@Controller('staff/centres')
export class StaffCentresController {
  constructor(private readonly centres: CentresService) {}

  @ApiOperation({ summary: 'The centres a staff member works at' })
  @Get()
  @ApiOkResponse({ type: [CentreView] })
  list(@CurrentUser() user: AuthUser): Promise<CentreView[]> {
    return this.centres.listForUser(user);
  }

  @ApiOperation({ summary: 'One centre a staff member works at' })
  @Get(':centreId')
  @ApiOkResponse({ type: CentreView })
  @ApiErrors(403, 404)
  get(@Param('centreId') centreId: string, @CurrentUser() user: AuthUser): Promise<CentreView> {
    return this.centres.get(centreId, user);
  }

  @ApiOperation({ summary: "A centre's closures, for its staff" })
  @Get(':centreId/closures')
  @ApiOkResponse({ type: [ClosureView] })
  @ApiErrors(403, 404)
  closures(@Param('centreId') centreId: string, @CurrentUser() user: AuthUser): Promise<ClosureView[]> {
    return this.centres.listClosures(centreId, user);
  }
}
