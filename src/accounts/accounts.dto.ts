import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import type { Role } from '../auth/index.js';
import { Omittable } from '../common/validators.js';

export class LoginDto {
  @ApiProperty({ example: 'admin@borgerservice.example' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['admin', 'staff'] }) role: Role;
  @ApiProperty({ type: [String] }) centreIds: string[];
}

export class LoginResultDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'seconds' }) expiresIn: number;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ['admin', 'staff'] })
  @IsIn(['admin', 'staff'])
  role: Role;

  @ApiProperty({ type: [String], description: 'the centres a staff account works at; ignored for admin' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  centreIds: string[];
}

/** An account as administrators see it: never its password or hash. */
export class UserView extends UserDto {
  @ApiProperty({ description: 'false: disabled, it can neither log in nor use a token it was given' })
  active: boolean;

  @ApiProperty({ example: '2027-01-04T08:00:00.000Z' }) createdAt: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({
    type: [String],
    description:
      'the centres a staff account works at (at least one); an administrator acts for every centre',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  centreIds?: string[];

  @ApiPropertyOptional({ description: 'false disables the account, true enables it again' })
  @Omittable()
  @IsBoolean()
  active?: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 12, description: 'the new password, to be handed to the account holder' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;
}
