import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DeliveryStatus } from './outbox-message.entity.js';

/** The delivery state of one e-mail: never its content, the recipient only masked. */
export class OutboxEntryView {
  @ApiProperty() id: string;
  @ApiProperty() bookingId: string;
  @ApiProperty({ example: 'confirmation' }) kind: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'j***@example.dk',
    description: 'the recipient, masked; null once the content is gone',
  })
  recipientMasked: string | null;
  @ApiProperty({ enum: ['pending', 'sent', 'failed'] }) status: DeliveryStatus;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ type: String, nullable: true }) nextAttemptAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sentAt: string | null;
}
