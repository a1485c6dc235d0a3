/** What the personal-data capability offers the others; everything else in this folder is its own. */
export { PersonalDataCipher, maskEmail, maskPhone } from './personal-data.cipher.js';
export { PersonalDataModule } from './personal-data.module.js';
