declare module 'dcmjs';
declare module 'dcmjs-dimse';
