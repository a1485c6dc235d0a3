import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of a booking's audit trail: who did or read what, when (ids and actions, never personal data). */
export class AuditView {
  @ApiProperty() at: string;
  @ApiProperty() userId: string;
  @ApiProperty({ example: 'appointment.viewed' }) action: string;
  @ApiPropertyOptional({ type: String, nullable: true }) bookingId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) centreId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the action concerned' })
  detail: Record<string, unknown>;
}
