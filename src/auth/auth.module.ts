import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config.js';

/** Login tokens (HS256): signed at login by accounts, verified by the guard on every request. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.authTokenSecret,
        signOptions: { algorithm: 'HS256', expiresIn: config.authTokenTtlSeconds },
      }),
    }),
  ],
  exports: [JwtModule],
})
export class AuthModule {}
