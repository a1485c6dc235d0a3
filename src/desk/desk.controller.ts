import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { BearerAuth, CurrentUser } from '../auth/index.js';
import { ApiError, ApiErrors } from '../common/api-errors.js';
import type { AuthUser } from '../auth/index.js';
import { CompleteDto, DayQueryDto, IdentityCheckDto } from './desk.dto.js';
import { AppointmentView, IdentityCheckResultView } from './appointment.view.js';
import { DeskActionsService } from './desk-actions.service.js';
import { DeskService } from './desk.service.js';
import { IdentityCheckService } from './identity-check.service.js';

@ApiTags('staff')
@BearerAuth()
@Controller('staff')
export class DeskController {
  constructor(
    private readonly desk: DeskService,
    private readonly actions: DeskActionsService,
    private readonly identityChecks: IdentityCheckService,
  ) {}

  @ApiOperation({ summary: "A centre's appointments on one day" })
  @Get('centres/:centreId/appointments')
  @ApiOkResponse({ type: [AppointmentView] })
  @ApiErrors(403, 404, 422)
  dayList(
    @Param('centreId') centreId: string,
    @Query() query: DayQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AppointmentView[]> {
    return this.desk.dayList(centreId, query.date, user);
  }

  @ApiOperation({ summary: 'One appointment' })
  @Get('appointments/:id')
  @ApiOkResponse({ type: AppointmentView })
  @ApiErrors(404)
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AppointmentView> {
    return this.desk.get(id, user);
  }

  @ApiOperation({ summary: 'Check an applicant in on the appointment day' })
  @Post('appointments/:id/check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentView })
  @ApiError(409, "the appointment's status forbids it, or today is not the appointment's day")
  @ApiErrors(404)
  checkIn(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AppointmentView> {
    return this.actions.checkIn(id, user);
  }

  @ApiOperation({ summary: 'Record the identity check; the server decides whether identity is established' })
  @Put('appointments/:id/identity-check')
  @ApiOkResponse({ type: IdentityCheckResultView })
  @ApiError(
    409,
    "the appointment's status forbids it, or the witness has reached the limit of acts in 120 days",
  )
  @ApiErrors(404, 422)
  identityCheck(
    @Param('id') id: string,
    @Body() body: IdentityCheckDto,
    @CurrentUser() user: AuthUser,
  ): Promise<IdentityCheckResultView> {
    return this.identityChecks.record(id, body, user);
  }

  @ApiOperation({ summary: 'Complete an appointment with its outcome' })
  @Post('appointments/:id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentView })
  @ApiError(
    409,
    "the appointment's status forbids it, or the outcome needs what the identity check did not establish",
  )
  @ApiErrors(404, 422)
  complete(
    @Param('id') id: string,
    @Body() body: CompleteDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AppointmentView> {
    return this.actions.complete(id, body, user);
  }

  @ApiOperation({ summary: 'Mark an appointment as a no-show (after the grace period)' })
  @Post('appointments/:id/no-show')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentView })
  @ApiError(409, "the appointment's status forbids it, or its start plus the grace period has not passed")
  @ApiErrors(404)
  noShow(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AppointmentView> {
    return this.actions.noShow(id, user);
  }
}
