import type { UserEvent } from '../../domain/accounts/user';
import type { EmailJobs } from '../jobs/email-jobs';
import type { Reaction } from './reactor';

/** Queues the welcome email of a new account. The job id is the event id, so a replay queues nothing new. */
export function welcomeEmailReaction(jobs: EmailJobs): Reaction {
  return {
    name: 'welcome-email',
    async handle(event) {
      const e = event as unknown as UserEvent;
      if (e.type !== 'UserRegistered' || e.data.profile.value === null) return;
      await jobs.queueWelcome(e.data.userId, event.id);
    },
  };
}
