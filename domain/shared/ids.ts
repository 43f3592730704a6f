/** A string with a compile-time brand so ids of different aggregates cannot be mixed up. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type UserId = Brand<string, 'UserId'>;
export type FolderId = Brand<string, 'FolderId'>;
export type SessionId = Brand<string, 'SessionId'>;

export const asUserId = (id: string) => id as UserId;
export const asFolderId = (id: string) => id as FolderId;
export const asSessionId = (id: string) => id as SessionId;
