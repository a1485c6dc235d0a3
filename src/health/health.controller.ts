import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseUnavailableError, unavailableReason } from '../common/database-unavailable.js';
import { AppConfig } from '../config/app-config.js';
import { Public } from '../auth/index.js';
import { HealthView } from './health.view.js';

const PING_TIMEOUT_MS = 3000;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  @ApiOperation({ summary: 'Whether the app and its database answer' })
  /** The `@nestjs/terminus` shape when up; when the database is out of reach, the one 503 with its reason. */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthView })
  async check(): Promise<HealthView> {
    await this.ping();
    const up = { database: { status: 'up' } };
    return { status: 'ok', info: up, error: {}, details: up };
  }

  private async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new DatabaseUnavailableError('timed out')),
        Math.min(PING_TIMEOUT_MS, this.config.databaseTimeoutMs),
      );
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
    } catch (error) {
      throw new DatabaseUnavailableError(unavailableReason(error) ?? 'connection lost');
    } finally {
      clearTimeout(timer);
    }
  }
}
