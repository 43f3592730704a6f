import type { UserEvent, UserProfile } from '../../domain/accounts/user';
import type { Personal } from '../../domain/shared/personal';
import type { Projection } from '../../server/projections/projection';

export const usersProjection: Projection = {
  name: 'users',
  apply(event, db) {
    const e = event as unknown as UserEvent;
    switch (e.type) {
      case 'UserRegistered': {
        const profile = (e.data.profile as Personal<UserProfile>).value;
        db.prepare(
          `INSERT OR REPLACE INTO users (id, display_name, email, email_key, gmc_number, gmc_key, password_hash, is_admin, erased, registered_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          e.data.userId,
          profile?.displayName ?? null,
          profile?.email ?? null,
          profile ? e.data.emailKey : null,
          profile?.gmcNumber ?? null,
          profile ? e.data.gmcKey : null,
          profile?.passwordHash ?? null,
          e.data.isAdmin ? 1 : 0,
          profile ? 0 : 1,
          e.data.registeredAt,
        );
        return [{ topic: 'user', key: e.data.userId, change: 'registered' }];
      }
      case 'UserErased':
        db.prepare(
          `UPDATE users SET display_name = NULL, email = NULL, email_key = NULL, gmc_number = NULL, gmc_key = NULL,
           password_hash = NULL, erased = 1 WHERE id = ?`,
        ).run(e.data.userId);
        return [{ topic: 'user', key: e.data.userId, change: 'erased' }];
      default:
        return [];
    }
  },
};
