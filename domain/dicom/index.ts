export * from './uid';
export * from './coded-concept';
export * from './sr-content';
export * from './instance-summary';
