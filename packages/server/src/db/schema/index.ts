export * from './tenancy';
export * from './organisation';
export * from './accounts';
export * from './history';
export * from './files';
export * from './proposals';
export * from './events';
export * from './opinions';
