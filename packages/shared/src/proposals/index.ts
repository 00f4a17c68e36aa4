/** Proposals (提案), shared by server and UI, by concern. */
export * from './workflow';
export * from './vocabulary';
export * from './requests';
export * from './responses';
export * from './figures';
