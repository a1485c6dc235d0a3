import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '../accounts/index.js';
import { AppConfig } from '../config/app-config.js';
import { Centre, CentresService } from '../centres/index.js';

export const DEMO_ADMIN_EMAIL = 'demo-admin@borgerservice.localhost';

/**
 * At start: the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD, and on an empty database with demo data
 * on (the embedded default) a demo centre and administrator, so a fresh `npm start` has something to show.
 */
@Injectable()
export class BootstrapDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly centres: CentresService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminEmail && this.config.adminPassword) {
      await this.users.ensureFirstAdmin(this.config.adminEmail, this.config.adminPassword);
    }
    if (!this.config.demoData || (await this.dataSource.manager.count(Centre)) > 0) return;
    await this.seedDemoCentre();
    if ((await this.users.countAdmins()) === 0) {
      const password = randomBytes(12).toString('base64url');
      await this.users.create({ email: DEMO_ADMIN_EMAIL, password, role: 'admin', centreIds: [] });
      // Printed once to the console, never to the structured log: it is a credential.
      process.stdout.write(
        `\n  Demo administrator created (shown once):\n    e-mail:   ${DEMO_ADMIN_EMAIL}\n    password: ${password}\n` +
          `  Log in with POST /api/auth/login; API docs at ${this.config.publicBaseUrl}/api/docs\n\n`,
      );
    }
  }

  private async seedDemoCentre(): Promise<void> {
    const centre = await this.centres.create({
      name: 'Borgerservice Demo',
      address: 'Rådhuspladsen 1, 1550 København V',
      municipality: 'København',
      timeZone: 'Europe/Copenhagen',
      witnessPolicy: 'recommend',
      offersHighAssurance: true,
      slotMinutes: 10,
      bookingHorizonDays: 60,
      minNoticeHours: 2,
      cancellationCutoffHours: 2,
      contactEmail: 'borgerservice@demo.kommune.dk',
      contactPhone: '+45 33 66 33 66',
    });
    await this.centres.replaceAppointmentTypes(centre.id, [
      { code: 'MITID_NEW', name: 'Ny MitID', nameEn: 'New MitID', durationMinutes: 20 },
      {
        code: 'MITID_HIGH',
        name: 'MitID med høj sikring',
        nameEn: 'MitID High assurance',
        durationMinutes: 40,
        highAssurance: true,
      },
    ]);
    const weekdays = [1, 2, 3, 5].flatMap((weekday) => [
      { weekday, opens: '09:00', closes: '12:00', desks: 3 },
      { weekday, opens: '12:30', closes: '15:00', desks: 2 },
    ]);
    await this.centres.setOpeningHours(centre.id, [
      ...weekdays,
      { weekday: 4, opens: '10:00', closes: '18:00', desks: 3 },
    ]);
    this.logger.log('Seeded the demo centre');
  }
}
