import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuditView } from '../audit/index.js';
import { BearerAuth, CurrentUser, Public, Roles } from '../auth/index.js';
import { ApiError, ApiErrors } from '../common/api-errors.js';
import type { AuthUser } from '../auth/index.js';
import { RateLimit } from '../rate-limit/index.js';
import {
  CreateUserDto,
  LoginDto,
  LoginResultDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserView,
} from './accounts.dto.js';
import { LoginService, LoginResult } from './login.service.js';
import { UsersService } from './users.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: LoginService) {}

  @ApiOperation({ summary: 'Log in with e-mail and password; answers a bearer token' })
  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  @ApiOkResponse({ type: LoginResultDto })
  @ApiError(401, 'wrong e-mail or password')
  @ApiErrors(422)
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body.email, body.password);
  }

  @ApiOperation({ summary: 'The logged-in account' })
  @Get('me')
  @BearerAuth()
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

@ApiTags('admin')
@BearerAuth()
@Controller('admin/users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff or administrator account' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiError(409, 'an account with this e-mail exists already')
  @ApiErrors(422)
  create(@Body() body: CreateUserDto, @CurrentUser() admin: AuthUser): Promise<AuthUser> {
    return this.users.create(body, admin);
  }

  @Get()
  @ApiOperation({ summary: 'Every account, by e-mail' })
  @ApiOkResponse({ type: [UserView] })
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  get(@Param('id') id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change an account's centres, or disable or enable it" })
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404, 422)
  update(
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<UserView> {
    return this.users.update(id, body, admin);
  }

  @Put(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Set a new password for an account (the holder's tokens keep working)" })
  @ApiNoContentResponse({ description: 'the password is set' })
  @ApiErrors(404, 422)
  resetPassword(
    @Param('id') id: string,
    @Body() body: ResetPasswordDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<void> {
    return this.users.resetPassword(id, body.password, admin);
  }

  @Get(':id/audit')
  @ApiOperation({ summary: 'What administrators did to one account' })
  @ApiOkResponse({ type: [AuditView] })
  @ApiErrors(404)
  audit(@Param('id') id: string): Promise<AuditView[]> {
    return this.users.auditTrail(id);
  }
}
