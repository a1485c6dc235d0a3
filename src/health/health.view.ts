import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

const CHECKS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', enum: ['up'] } },
    required: ['status'],
  },
  example: { database: { status: 'up' } },
};

/** The `@nestjs/terminus` shape of a healthy answer; an unhealthy one is the 503 every route answers. */
export class HealthView {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ ...CHECKS, description: 'the checks that are up, by name' }) info: Record<string, object>;
  @ApiProperty({ type: 'object', additionalProperties: true, example: {}, description: 'always empty' })
  error: Record<string, object>;
  @ApiProperty({ ...CHECKS, description: 'every check, by name' }) details: Record<string, object>;
}
