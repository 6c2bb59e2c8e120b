import { jobsMigration, type Migrations } from '@rapport/kit';
import { initialMigration } from './0001_initial.js';

/** Every migration of the SMS database, in the order it runs. */
export const smsMigrations: Migrations = {
  '0000_jobs': jobsMigration,
  '0001_initial': initialMigration,
};
