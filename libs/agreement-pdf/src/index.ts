export * from './agreement-document';
