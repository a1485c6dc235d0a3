import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import argon2 from 'argon2';
import { AppConfig } from '../config/app-config.js';
import { AuthError, AuthErrorCode } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
import { toAuthUser, UsersService } from './users.service.js';

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: AuthUser;
}

@Injectable()
export class LoginService {
  // Verified against when the e-mail is unknown, so both failures take the same time.
  private readonly decoyHash = argon2.hash('decoy password that matches nothing', { type: argon2.argon2id });

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<LoginResult> {
    const user = await this.verify(email, password);
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, expiresIn: this.config.authTokenTtlSeconds, user };
  }

  /** The active account with this e-mail and password (the staff pages open their own session with it). */
  async verify(email: string, password: string): Promise<AuthUser> {
    const user = await this.users.findByEmail(email);
    const matches = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !user.active || !matches) {
      throw new AuthError(AuthErrorCode.InvalidCredentials, 'Wrong e-mail or password');
    }
    return toAuthUser(user);
  }
}
