import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/index.js';
import { ApiError, ApiErrors } from '../common/api-errors.js';
import { RateLimit } from '../rate-limit/index.js';
import { CreateBookingDto, RescheduleDto, WitnessDto } from './booking.dto.js';
import { BookingView, CreatedBookingView } from './booking.view.js';
import { BookingCreationService } from './booking-creation.service.js';
import { CitizenChangesService } from './citizen-changes.service.js';

const NOT_FOUND = 'no such reference, or a wrong or missing manage token (answered alike)';

const TOKEN_HEADER = {
  name: 'X-Manage-Token',
  required: true,
  description: 'the manage token from the confirmation',
};

@ApiTags('citizen')
@Controller('bookings')
@Public()
@RateLimit('citizen')
export class BookingsController {
  constructor(
    private readonly creation: BookingCreationService,
    private readonly changes: CitizenChangesService,
  ) {}

  @ApiOperation({ summary: 'Book an appointment (safe to repeat with an Idempotency-Key)' })
  @Post()
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'repeat the request safely: same key, same booking',
  })
  @ApiCreatedResponse({ type: CreatedBookingView })
  @ApiError(404, 'no such centre, or it takes no bookings')
  @ApiError(409, 'the time is full, or the person already holds an active booking')
  @ApiErrors(422)
  async create(
    @Body() body: CreateBookingDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<CreatedBookingView> {
    const { booking, replayed } = await this.creation.create(body, idempotencyKey);
    if (replayed) void response.status(200).header('Idempotent-Replayed', 'true');
    return booking;
  }

  @ApiOperation({ summary: 'A booking, with its manage token' })
  @Get(':reference')
  @ApiHeader(TOKEN_HEADER)
  @ApiOkResponse({ type: BookingView })
  @ApiError(404, NOT_FOUND)
  get(
    @Param('reference') reference: string,
    @Headers('x-manage-token') token: string | undefined,
  ): Promise<BookingView> {
    return this.changes.get(reference, token);
  }

  @ApiOperation({ summary: 'Cancel a booking' })
  @Post(':reference/cancel')
  @HttpCode(200)
  @ApiHeader(TOKEN_HEADER)
  @ApiOkResponse({ type: BookingView })
  @ApiError(404, NOT_FOUND)
  @ApiError(409, "the booking's status forbids it, or the cancellation cut-off has passed")
  cancel(
    @Param('reference') reference: string,
    @Headers('x-manage-token') token: string | undefined,
  ): Promise<BookingView> {
    return this.changes.cancel(reference, token);
  }

  @ApiOperation({ summary: 'Move a booking to another time' })
  @Post(':reference/reschedule')
  @HttpCode(200)
  @ApiHeader(TOKEN_HEADER)
  @ApiOkResponse({ type: BookingView })
  @ApiError(404, NOT_FOUND)
  @ApiError(
    409,
    "the time is full, the booking's status forbids it, the cut-off has passed, or its type is no longer offered",
  )
  @ApiErrors(422)
  reschedule(
    @Param('reference') reference: string,
    @Headers('x-manage-token') token: string | undefined,
    @Body() body: RescheduleDto,
  ): Promise<BookingView> {
    return this.changes.reschedule(reference, token, body.startsAt);
  }

  @ApiOperation({ summary: 'Name or change the witness; the citizen is e-mailed an updated confirmation' })
  @Put(':reference/witness')
  @ApiHeader(TOKEN_HEADER)
  @ApiOkResponse({ type: BookingView })
  @ApiError(404, NOT_FOUND)
  @ApiError(409, "the booking's status forbids it")
  @ApiErrors(422)
  witness(
    @Param('reference') reference: string,
    @Headers('x-manage-token') token: string | undefined,
    @Body() body: WitnessDto,
  ): Promise<BookingView> {
    return this.changes.setWitness(reference, token, body);
  }
}
