import { isUuid } from '../common/validators.js';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { In, QueryFailedError, Repository } from 'typeorm';
import { InputError } from '../common/domain-error.js';
import { ActiveUsers, AuthError, AuthErrorCode } from '../auth/index.js';
import type { AuthUser, Role } from '../auth/index.js';
import { Centre } from '../centres/index.js';
import { User } from './user.entity.js';

export function toAuthUser(user: User): AuthUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    centreIds: (user.centres ?? []).map((c) => c.id).sort(),
  };
}

@Injectable()
export class UsersService implements ActiveUsers {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Centre) private readonly centres: Repository<Centre>,
  ) {}

  async findActive(id: string): Promise<AuthUser | null> {
    if (!isUuid(id)) return null;
    const user = await this.users.findOne({ where: { id, active: true }, relations: { centres: true } });
    return user ? toAuthUser(user) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email: email.toLowerCase() }, relations: { centres: true } });
  }

  async create(input: {
    email: string;
    password: string;
    role: Role;
    centreIds: string[];
  }): Promise<AuthUser> {
    // Administrators act for every centre; a list given for one would only mislead.
    const centreIds =
      input.role === 'admin' ? [] : [...new Set(input.centreIds.map((id) => id.toLowerCase()))];
    if (input.role === 'staff' && centreIds.length === 0) {
      throw InputError.field('centreIds', 'a staff account needs at least one centre');
    }
    const centres = centreIds.length ? await this.centres.findBy({ id: In(centreIds) }) : [];
    const unknown = centreIds.filter((id) => !centres.some((centre) => centre.id === id));
    if (unknown.length) throw InputError.field('centreIds', `unknown centre ${unknown.join(', ')}`);
    const user = this.users.create({
      email: input.email.toLowerCase(),
      passwordHash: await argon2.hash(input.password, { type: argon2.argon2id }),
      role: input.role,
      centres,
    });
    try {
      return toAuthUser(await this.users.save(user));
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new AuthError(AuthErrorCode.EmailTaken, 'An account with this e-mail exists already');
      }
      throw error;
    }
  }

  async countAdmins(): Promise<number> {
    return this.users.countBy({ role: 'admin' });
  }

  /** The first administrator from ADMIN_EMAIL/ADMIN_PASSWORD, only while there is none. */
  async ensureFirstAdmin(email: string, password: string): Promise<boolean> {
    if ((await this.countAdmins()) > 0) return false;
    try {
      await this.create({ email, password, role: 'admin', centreIds: [] });
    } catch (error) {
      // Several instances or workers starting at once: another one created it first. (An account with this
      // e-mail that is not an administrator is still an error.)
      if (
        error instanceof AuthError &&
        error.code === AuthErrorCode.EmailTaken &&
        (await this.countAdmins()) > 0
      ) {
        return false;
      }
      throw error;
    }
    this.logger.log('Created the first administrator from ADMIN_EMAIL');
    return true;
  }
}
