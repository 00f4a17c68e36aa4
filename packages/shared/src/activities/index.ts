export * from './workflow';
export * from './vocabulary';
export * from './requests';
export * from './responses';
export * from './figures';
export * from './outcomes';
export * from './outcome-requests';
export * from './outcome-responses';
