export * from './tables.js';
export * from './passwords.js';
export * from './accounts.js';
export * from './session-auth.js';
export * from './routes.js';
export * from './schemas.js';
