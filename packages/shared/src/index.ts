export * from './errors';
export * from './roles';
export * from './password';
export * from './organisation';
export * from './accounts';
export * from './settings';
export * from './notifications';
export * from './proposals';
