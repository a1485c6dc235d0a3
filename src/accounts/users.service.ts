import { isUuid } from '../common/validators.js';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { DataSource, EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { AuditView } from '../audit/index.js';
import { InputError } from '../common/domain-error.js';
import { ActiveUsers, AuthError, AuthErrorCode } from '../auth/index.js';
import type { AuthUser, Role } from '../auth/index.js';
import { Centre } from '../centres/index.js';
import { inTransaction } from '../database/transaction.js';
import type { UpdateUserDto, UserView } from './accounts.dto.js';
import { User } from './user.entity.js';

const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

function userView(user: User): UserView {
  return { ...toAuthUser(user), active: user.active, createdAt: user.createdAt.toISOString() };
}

const notFound = () => new AuthError(AuthErrorCode.UserNotFound, 'No such account');

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
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly audit: AuditService,
  ) {}

  async findActive(id: string): Promise<AuthUser | null> {
    if (!isUuid(id)) return null;
    const user = await this.users.findOne({ where: { id, active: true }, relations: { centres: true } });
    return user ? toAuthUser(user) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email: email.toLowerCase() }, relations: { centres: true } });
  }

  /** `admin`: the administrator creating it, in the audit trail (none for the first administrator at boot). */
  async create(
    input: {
      email: string;
      password: string;
      role: Role;
      centreIds: string[];
    },
    admin?: AuthUser,
  ): Promise<AuthUser> {
    // Administrators act for every centre; a list given for one would only mislead.
    const centreIds =
      input.role === 'admin' ? [] : [...new Set(input.centreIds.map((id) => id.toLowerCase()))];
    if (input.role === 'staff' && centreIds.length === 0) {
      throw InputError.field('centreIds', 'a staff account needs at least one centre');
    }
    const centres = await this.existingCentres(this.dataSource.manager, centreIds);
    const passwordHash = await hashPassword(input.password);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const saved = await manager.save(
          manager.create(User, { email: input.email.toLowerCase(), passwordHash, role: input.role, centres }),
        );
        if (admin) {
          await this.audit.record(manager, admin, [
            { action: 'user.created', detail: { userId: saved.id, role: saved.role, centreIds } },
          ]);
        }
        return toAuthUser(saved);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new AuthError(AuthErrorCode.EmailTaken, 'An account with this e-mail exists already');
      }
      throw error;
    }
  }

  async list(): Promise<UserView[]> {
    const users = await this.users.find({ relations: { centres: true }, order: { email: 'ASC' } });
    return users.map(userView);
  }

  async get(id: string): Promise<UserView> {
    return userView(await this.load(this.dataSource.manager, id));
  }

  /** New centres for a staff account, or disabled / enabled again; each change in the audit trail. */
  async update(id: string, dto: UpdateUserDto, admin: AuthUser): Promise<UserView> {
    return inTransaction(this.dataSource, async (manager) => {
      const user = await this.load(manager, id, true);
      const entries = [];
      if (dto.centreIds !== undefined) {
        if (user.role === 'admin')
          throw InputError.field('centreIds', 'an administrator acts for every centre');
        const centreIds = [...new Set(dto.centreIds.map((centreId) => centreId.toLowerCase()))].sort();
        if (centreIds.length === 0)
          throw InputError.field('centreIds', 'a staff account needs at least one centre');
        const from = toAuthUser(user).centreIds;
        user.centres = await this.existingCentres(manager, centreIds);
        if (from.join() !== centreIds.join())
          entries.push({ action: 'user.centres_changed', detail: { userId: id, from, to: centreIds } });
      }
      if (dto.active !== undefined && dto.active !== user.active) {
        // Whoever disables accounts keeps one: there is always an administrator to enable them again.
        if (!dto.active && id === admin.id)
          throw InputError.field('active', 'you cannot disable your own account');
        user.active = dto.active;
        entries.push({ action: dto.active ? 'user.enabled' : 'user.disabled', detail: { userId: id } });
      }
      const saved = await manager.save(user);
      await this.audit.record(manager, admin, entries);
      return userView(saved);
    });
  }

  async resetPassword(id: string, password: string, admin: AuthUser): Promise<void> {
    const passwordHash = await hashPassword(password);
    await inTransaction(this.dataSource, async (manager) => {
      await this.load(manager, id, true);
      await manager.update(User, { id }, { passwordHash });
      await this.audit.record(manager, admin, [{ action: 'user.password_reset', detail: { userId: id } }]);
    });
  }

  async auditTrail(id: string): Promise<AuditView[]> {
    await this.load(this.dataSource.manager, id);
    return this.audit.aboutUser(this.dataSource.manager, id);
  }

  private async load(manager: EntityManager, id: string, lock = false): Promise<User> {
    if (!isUuid(id)) throw notFound();
    if (lock) await manager.query('SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE', [id]);
    const user = await manager.findOne(User, { where: { id }, relations: { centres: true } });
    if (!user) throw notFound();
    return user;
  }

  private async existingCentres(manager: EntityManager, centreIds: string[]): Promise<Centre[]> {
    const centres = centreIds.length ? await manager.findBy(Centre, { id: In(centreIds) }) : [];
    const unknown = centreIds.filter((id) => !centres.some((centre) => centre.id === id));
    if (unknown.length) throw InputError.field('centreIds', `unknown centre ${unknown.join(', ')}`);
    return centres;
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
