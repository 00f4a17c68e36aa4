export * from './workflow';
export * from './requests';
export * from './responses';
export * from './commands';
