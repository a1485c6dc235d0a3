import { Controller, Get, Param } from '@nestjs/common';
import { RateLimit } from '../rate-limit/index.js';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
import { CentreView, ClosureView, PublicCentreView } from './centre.view.js';
import { CentresService } from './centres.service.js';

@ApiTags('citizen')
@Controller('centres')
@RateLimit('citizen')
export class PublicCentresController {
  constructor(private readonly centres: CentresService) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: [PublicCentreView] })
  list(): Promise<PublicCentreView[]> {
    return this.centres.listPublic();
  }
}

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff/centres')
export class StaffCentresController {
  constructor(private readonly centres: CentresService) {}

  @Get()
  @ApiOkResponse({ type: [CentreView] })
  list(@CurrentUser() user: AuthUser): Promise<CentreView[]> {
    return this.centres.listForUser(user);
  }

  @Get(':centreId')
  @ApiOkResponse({ type: CentreView })
  get(@Param('centreId') centreId: string, @CurrentUser() user: AuthUser): Promise<CentreView> {
    return this.centres.get(centreId, user);
  }

  @Get(':centreId/closures')
  @ApiOkResponse({ type: [ClosureView] })
  closures(@Param('centreId') centreId: string, @CurrentUser() user: AuthUser): Promise<ClosureView[]> {
    return this.centres.listClosures(centreId, user);
  }
}
