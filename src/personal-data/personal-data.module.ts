import { Global, Module } from '@nestjs/common';
import { PersonalDataCipher } from './personal-data.cipher.js';

@Global()
@Module({ providers: [PersonalDataCipher], exports: [PersonalDataCipher] })
export class PersonalDataModule {}
