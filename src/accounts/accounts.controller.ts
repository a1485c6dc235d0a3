import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '../auth/index.js';
import type { AuthUser } from '../auth/index.js';
import { RateLimit } from '../rate-limit/index.js';
import { CreateUserDto, LoginDto, LoginResultDto, UserDto } from './accounts.dto.js';
import { LoginService, LoginResult } from './login.service.js';
import { UsersService } from './users.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: LoginService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimit('login')
  @ApiOkResponse({ type: LoginResultDto })
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.auth.login(body.email, body.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOkResponse({ type: UserDto })
  create(@Body() body: CreateUserDto): Promise<AuthUser> {
    return this.users.create(body);
  }
}
