import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BearerAuth, CurrentUser, Public } from '../auth/index.js';
import { ApiError, ApiErrors } from '../common/api-errors.js';
import type { AuthUser } from '../auth/index.js';
import { DisplayStreams } from './display-streams.js';
import { CallDto, DisplayQueryDto } from './queue.dto.js';
import { QueueService } from './queue.service.js';
import { DisplayView, QueueCallView } from './queue.view.js';

@ApiTags('staff')
@BearerAuth()
@Controller('staff')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @ApiOperation({ summary: 'Call the earliest checked-in applicant not yet called to a desk' })
  @Post('centres/:centreId/queue/call-next')
  @HttpCode(200)
  @ApiOkResponse({ type: QueueCallView })
  @ApiError(409, 'nobody is waiting to be called')
  @ApiErrors(403, 404, 422)
  callNext(
    @Param('centreId') centreId: string,
    @Body() body: CallDto,
    @CurrentUser() user: AuthUser,
  ): Promise<QueueCallView> {
    return this.queue.callNext(centreId, body.desk, user);
  }

  @ApiOperation({ summary: 'Call (or call again) this applicant to a desk' })
  @Post('appointments/:id/call')
  @HttpCode(200)
  @ApiOkResponse({ type: QueueCallView })
  @ApiError(409, 'the applicant is not checked in and waiting')
  @ApiErrors(404, 422)
  call(
    @Param('id') id: string,
    @Body() body: CallDto,
    @CurrentUser() user: AuthUser,
  ): Promise<QueueCallView> {
    return this.queue.callAppointment(id, body.desk, user);
  }
}

@ApiTags('display')
@Public()
@Controller('display')
export class DisplayController {
  constructor(
    private readonly queue: QueueService,
    private readonly streams: DisplayStreams,
  ) {}

  @ApiOperation({ summary: 'The numbers called lately at a centre, and how many wait (no personal data)' })
  @Get(':centreId')
  @ApiOkResponse({ type: DisplayView })
  @ApiErrors(404, 422)
  get(@Param('centreId') centreId: string, @Query() query: DisplayQueryDto): Promise<DisplayView> {
    return this.queue.display(centreId, query.limit);
  }

  @ApiOperation({ summary: 'Each call as it happens, as Server-Sent Events (no personal data)' })
  @Get(':centreId/events')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'Server-Sent Events: `event: call` with a DisplayCallView plus waiting, per call',
  })
  @ApiErrors(404)
  events(@Param('centreId') centreId: string, @Res() reply: FastifyReply): Promise<void> {
    return this.streams.stream(centreId, reply);
  }
}
