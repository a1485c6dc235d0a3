import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BearerAuth, CurrentUser, Roles } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
import { ApiError, ApiErrors } from '../common/api-errors.js';
import { ArrayOf } from '../common/validation.js';
import {
  AppointmentTypeDto,
  CentreView,
  CentresService,
  ClosureView,
  ConfirmQueryDto,
  CreateCentreDto,
  CreateClosureDto,
  OpeningHoursDto,
  UpdateCentreDto,
} from '../centres/index.js';
import { CalendarChangeService } from './calendar-change.service.js';
import { CalendarConflictBodyView } from './calendar-change.view.js';

const AFFECTED = 'the change would take desks from booked times: `affectedBookings` lists them';

/** The /api/admin/centres routes whose changes can take desks from booked times. */
@ApiTags('admin')
@BearerAuth()
@Controller('admin/centres')
@Roles('admin')
export class CalendarChangeController {
  constructor(private readonly changes: CalendarChangeService) {}

  @ApiOperation({
    summary: 'Change a centre (409 with affectedBookings when it would take desks from booked times)',
  })
  @Patch(':id')
  @ApiOkResponse({ type: CentreView })
  @ApiError(
    409,
    `${AFFECTED}; or it would change the slot grid or time zone under booked times`,
    CalendarConflictBodyView,
  )
  @ApiErrors(404, 422)
  update(
    @Param('id') id: string,
    @Body() body: UpdateCentreDto,
    @Query() query: ConfirmQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CentreView> {
    return this.changes.updateCentre(id, body, query.confirm ?? false, user);
  }

  @ApiOperation({
    summary:
      "Replace a centre's weekly opening hours (409 with affectedBookings when booked times lose their desk)",
  })
  @Put(':id/opening-hours')
  @ApiOkResponse({ type: CentreView })
  @ApiError(409, AFFECTED, CalendarConflictBodyView)
  @ApiErrors(404, 422)
  openingHours(
    @Param('id') id: string,
    @Body() body: OpeningHoursDto,
    @Query() query: ConfirmQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CentreView> {
    return this.changes.setOpeningHours(id, body.weekly, query.confirm ?? false, user);
  }

  // The operationId it had before removing a type with future bookings was guarded, for generated clients.
  @ApiOperation({
    operationId: 'AdminCentresController_appointmentTypes',
    summary:
      "Replace a centre's appointment types (409 with affectedBookings when a removed type has future bookings)",
  })
  @Put(':id/appointment-types')
  @ApiBody({ type: [AppointmentTypeDto] })
  @ApiOkResponse({ type: CentreView })
  @ApiError(
    409,
    'a type left out of the list has future bookings: `affectedBookings` lists them',
    CalendarConflictBodyView,
  )
  @ApiErrors(404, 422)
  appointmentTypes(
    @Param('id') id: string,
    @Body(new ArrayOf(AppointmentTypeDto, { min: 1, max: 20 })) body: AppointmentTypeDto[],
    @Query() query: ConfirmQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CentreView> {
    return this.changes.replaceAppointmentTypes(id, body, query.confirm ?? false, user);
  }

  @ApiOperation({
    summary: 'Close a centre for days or hours (409 with affectedBookings when booked times fall in it)',
  })
  @Post(':id/closures')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ClosureView })
  @ApiError(409, AFFECTED, CalendarConflictBodyView)
  @ApiErrors(404, 422)
  addClosure(
    @Param('id') id: string,
    @Body() body: CreateClosureDto,
    @Query() query: ConfirmQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ClosureView> {
    return this.changes.addClosure(id, body, query.confirm ?? false, user);
  }
}

/** The other /api/admin/centres routes: centres, appointment types, closures as they are. */
@ApiTags('admin')
@BearerAuth()
@Controller('admin/centres')
@Roles('admin')
export class AdminCentresController {
  constructor(private readonly centres: CentresService) {}

  @ApiOperation({ summary: 'Every centre' })
  @Get()
  @ApiOkResponse({ type: [CentreView] })
  list(@CurrentUser() user: AuthUser): Promise<CentreView[]> {
    return this.centres.listForUser(user);
  }

  @ApiOperation({ summary: 'Create a centre' })
  @Post()
  @ApiCreatedResponse({ type: CentreView })
  @ApiErrors(422)
  create(@Body() body: CreateCentreDto): Promise<CentreView> {
    return this.centres.create(body);
  }

  @ApiOperation({ summary: 'One centre' })
  @Get(':id')
  @ApiOkResponse({ type: CentreView })
  @ApiErrors(404)
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<CentreView> {
    return this.centres.get(id, user);
  }

  @ApiOperation({ summary: "A centre's closures" })
  @Get(':id/closures')
  @ApiOkResponse({ type: [ClosureView] })
  @ApiErrors(404)
  closures(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ClosureView[]> {
    return this.centres.listClosures(id, user);
  }
}
