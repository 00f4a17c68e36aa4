export * from './workflow';
export * from './vocabulary';
export * from './requests';
export * from './responses';
export * from './figures';
