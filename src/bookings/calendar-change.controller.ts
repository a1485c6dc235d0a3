import { Body, Controller, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { AuthUser } from '../auth/auth-user.js';
import {
  ConfirmQueryDto,
  CreateClosureDto,
  OpeningHoursDto,
  UpdateCentreDto,
} from '../centres/centre.dto.js';
import { CentreView, ClosureView } from '../centres/centre.view.js';
import { CalendarChangeService } from './calendar-change.service.js';

const AFFECTED = {
  description: 'the change would take desks from booked times: `affectedBookings` lists them',
};

/** The admin routes whose changes can hit bookings (beside the other centre routes, in the bookings module). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/centres')
@Roles('admin')
export class CalendarChangeController {
  constructor(private readonly changes: CalendarChangeService) {}

  @Patch(':id')
  @ApiOkResponse({ type: CentreView })
  @ApiConflictResponse(AFFECTED)
  update(
    @Param('id') id: string,
    @Body() body: UpdateCentreDto,
    @Query() query: ConfirmQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CentreView> {
    return this.changes.updateCentre(id, body, query.confirm ?? false, user);
  }

  @Put(':id/opening-hours')
  @ApiOkResponse({ type: CentreView })
  @ApiConflictResponse(AFFECTED)
  openingHours(
    @Param('id') id: string,
    @Body() body: OpeningHoursDto,
    @Query() query: ConfirmQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CentreView> {
    return this.changes.setOpeningHours(id, body.weekly, query.confirm ?? false, user);
  }

  @Post(':id/closures')
  @HttpCode(201)
  @ApiOkResponse({ type: ClosureView })
  @ApiConflictResponse(AFFECTED)
  addClosure(
    @Param('id') id: string,
    @Body() body: CreateClosureDto,
    @Query() query: ConfirmQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ClosureView> {
    return this.changes.addClosure(id, body, query.confirm ?? false, user);
  }
}
