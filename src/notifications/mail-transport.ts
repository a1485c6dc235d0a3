import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';

export interface OutgoingMail {
  /** Stable per outbox message, so a message re-sent after a crash can be recognised as the same one. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  ics: string;
  icsMethod: 'REQUEST' | 'CANCEL';
}

/** nodemailer over SMTP_URL; without it, each message is written as an .eml file under the data directory. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;

  constructor(private readonly config: AppConfig) {
    this.toFiles = !config.smtpUrl;
    this.transporter = config.smtpUrl
      ? nodemailer.createTransport(
          `${config.smtpUrl}${config.smtpUrl.includes('?') ? '&' : '?'}connectionTimeout=10000&greetingTimeout=10000&socketTimeout=30000`,
        )
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transporter.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      icalEvent: { method: mail.icsMethod, filename: 'appointment.ics', content: mail.ics },
    })) as { message?: Buffer };
    if (this.toFiles && info.message) {
      // Asynchronously: the app's one thread serves requests meanwhile.
      await mkdir(this.config.mailDir, { recursive: true });
      const name = mail.messageId.replace(/[^\w.-]/g, '_');
      await writeFile(join(this.config.mailDir, `${name}.eml`), info.message, { mode: 0o600 });
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
