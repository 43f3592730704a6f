import { Queue, Worker } from 'bullmq';
import type Database from 'better-sqlite3';
import nodemailer from 'nodemailer';
import { userById } from '../../projections/users/users-queries';

interface WelcomeJob {
  userId: string;
}

export interface EmailJobs {
  queueWelcome(userId: string, eventId: string): Promise<void>;
  close(): Promise<void>;
}

interface EmailJobsOptions {
  redisUrl: string;
  prefix: string;
  smtpUrl: string | null;
  from: string;
  publicUrl: string;
  readDb: Database.Database;
}

/**
 * The email queue (BullMQ) and its worker. Jobs carry only a user id: the address is read from the users read
 * model when the mail is sent, so nothing personal sits in Redis and an erased user gets no mail.
 */
export function startEmailJobs(options: EmailJobsOptions): EmailJobs {
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  const queue = transport ? new Queue<WelcomeJob>('email', { connection, prefix: options.prefix }) : null;
  const worker = transport
    ? new Worker<WelcomeJob>(
        'email',
        async (job) => {
          const user = userById(options.readDb, job.data.userId);
          if (!user || user.erased || !user.email) return { skipped: 'user erased or unknown' };
          const info = await transport.sendMail({
            from: options.from,
            to: user.email,
            subject: 'Welcome to Lightbox',
            text: [
              `Dear ${user.displayName ?? 'colleague'},`,
              '',
              'Your Lightbox teaching archive account is ready, with a personal folder for your cases.',
              `Sign in at ${options.publicUrl}/signin with this email address.`,
              '',
              'Send anonymised cases from your PACS to Lightbox and they will appear in your personal folder.',
            ].join('\n'),
          });
          return { messageId: info.messageId };
        },
        { connection, prefix: options.prefix, concurrency: 4 },
      )
    : null;
  worker?.on('failed', (job, error) => console.error(`email job ${job?.id} failed: ${error.message}`));
  if (!transport) console.warn('SMTP_URL is not set: welcome emails are not sent');
  return {
    async queueWelcome(userId, eventId) {
      if (!queue) return;
      await queue.add('welcome', { userId }, { jobId: `welcome-${eventId}`, attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000 });
    },
    async close() {
      await worker?.close();
      await queue?.close();
      transport?.close();
    },
  };
}
