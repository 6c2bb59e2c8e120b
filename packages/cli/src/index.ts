export { startPlatform, type RunningPlatform } from './platform.js';
export { freePort } from './ports.js';
export { clockFor, storageOf, type Storage } from './runtime.js';
