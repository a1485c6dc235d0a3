/** What the accounts capability offers the others; everything else in this folder is its own. */
export { AccountsModule } from './accounts.module.js';
export { UsersService } from './users.service.js';
export { LoginService } from './login.service.js';
