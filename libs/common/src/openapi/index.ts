export * from './api-docs.decorators';
export * from './finish-document';
export * from './problem-details.schema';
