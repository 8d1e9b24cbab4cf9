export * from './lease';
export * from './queue';
export * from './polls';
export * from './campaigns';
export * from './suppression';
export * from './account';
export * from './settings';
