import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
import { CompleteDto, DayQueryDto, IdentityCheckDto } from './desk.dto.js';
import { AppointmentView, IdentityCheckResultView } from './appointment.view.js';
import { DeskActionsService } from './desk-actions.service.js';
import { DeskService } from './desk.service.js';
import { IdentityCheckService } from './identity-check.service.js';

@ApiTags('staff')
@ApiBearerAuth()
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
  get(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AppointmentView> {
    return this.desk.get(id, user);
  }

  @ApiOperation({ summary: 'Check an applicant in on the appointment day' })
  @Post('appointments/:id/check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentView })
  checkIn(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AppointmentView> {
    return this.actions.checkIn(id, user);
  }

  @ApiOperation({ summary: 'Record the identity check; the server decides whether identity is established' })
  @Put('appointments/:id/identity-check')
  @ApiOkResponse({ type: IdentityCheckResultView })
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
  noShow(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<AppointmentView> {
    return this.actions.noShow(id, user);
  }
}
