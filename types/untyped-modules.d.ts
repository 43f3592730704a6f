declare module 'dcmjs';
declare module 'dcmjs-dimse';
declare module 'oidc-provider';
