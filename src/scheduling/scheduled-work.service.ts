import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config.js';
import { OutboxDeliveryService } from '../notifications/index.js';
import { ReminderService } from '../bookings/index.js';
import { RetentionService } from '../retention/index.js';
import { NoShowSweepService } from './no-show-sweep.service.js';

interface Job {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/**
 * The background work of every instance. Each job is safe to run in many instances at once: delivery claims
 * messages with FOR UPDATE SKIP LOCKED, reminders are unique per appointment time, and the no-show and retention
 * sweeps are single idempotent statements. A run never overlaps itself within an instance.
 */
@Injectable()
export class ScheduledWorkService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ScheduledWork');
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly config: AppConfig,
    private readonly delivery: OutboxDeliveryService,
    private readonly reminders: ReminderService,
    private readonly noShows: NoShowSweepService,
    private readonly retention: RetentionService,
  ) {}

  readonly jobs: Job[] = [
    { name: 'mail-delivery', everyMs: 2_000, run: () => this.delivery.deliverDue() },
    { name: 'reminders', everyMs: 60_000, run: () => this.reminders.enqueueDue() },
    { name: 'no-shows', everyMs: 10 * 60_000, run: () => this.noShows.run() },
    { name: 'retention', everyMs: 60 * 60_000, run: () => this.retention.run() },
  ];

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    for (const job of this.jobs) {
      this.registry.addInterval(
        job.name,
        setInterval(() => void this.runOnce(job), job.everyMs),
      );
    }
  }

  /** Before the pools close: no new runs, and the runs under way (mail being sent) finish or hand back. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const job of this.jobs) {
      if (this.registry.doesExist('interval', job.name)) this.registry.deleteInterval(job.name);
    }
    this.delivery.stop();
    await Promise.all(this.running.values());
  }

  private runOnce(job: Job): Promise<void> {
    if (this.stopping || this.running.has(job.name)) return Promise.resolve();
    const run = this.run(job).finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
    return run;
  }

  private async run(job: Job): Promise<void> {
    try {
      await job.run();
    } catch (error) {
      this.logger.error({
        msg: 'scheduled job failed',
        job: job.name,
        errorName: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
}
