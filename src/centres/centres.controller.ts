import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { RateLimit } from '../rate-limit/rate-limit.decorator.js';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ArrayOf } from '../common/validation.js';
import { AppointmentTypeDto, CreateCentreDto } from './centre.dto.js';
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

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/centres')
@Roles('admin')
export class AdminCentresController {
  constructor(private readonly centres: CentresService) {}

  @Get()
  @ApiOkResponse({ type: [CentreView] })
  list(@CurrentUser() user: AuthUser): Promise<CentreView[]> {
    return this.centres.listForUser(user);
  }

  @Post()
  @ApiOkResponse({ type: CentreView })
  create(@Body() body: CreateCentreDto): Promise<CentreView> {
    return this.centres.create(body);
  }

  @Get(':id')
  @ApiOkResponse({ type: CentreView })
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<CentreView> {
    return this.centres.get(id, user);
  }

  @Put(':id/appointment-types')
  @ApiBody({ type: [AppointmentTypeDto] })
  @ApiOkResponse({ type: CentreView })
  appointmentTypes(
    @Param('id') id: string,
    @Body(new ArrayOf(AppointmentTypeDto, { min: 1, max: 20 })) body: AppointmentTypeDto[],
  ): Promise<CentreView> {
    return this.centres.replaceAppointmentTypes(id, body);
  }

  @Get(':id/closures')
  @ApiOkResponse({ type: [ClosureView] })
  closures(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ClosureView[]> {
    return this.centres.listClosures(id, user);
  }
}
