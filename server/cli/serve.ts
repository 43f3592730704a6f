import { startLightbox } from '../app';
import { ConfigError, loadConfig } from '../config';
import { CliError, parseCliArgs, type CliCommand } from './command';

export const command: CliCommand = {
  help: `Usage: lightbox serve

Runs Lightbox: the web client and GraphQL API on PORT, the DICOM receiver on DICOM_PORT.
Configuration comes from the environment (see README): DATA_DIR, PORT, DICOM_PORT, DICOM_AET,
EVENTSTORE_URL, MEILI_URL, MEILI_MASTER_KEY, REDIS_URL, SMTP_URL, PUBLIC_URL, OIDC_ISSUER,
OIDC_CLIENT_ID, OIDC_CLIENT_SECRET.`,
  async run(args) {
    parseCliArgs(args, {});
    let app;
    try {
      app = await startLightbox(loadConfig());
    } catch (error) {
      if (error instanceof ConfigError) throw new CliError(error.message, 1);
      throw error;
    }
    const { config } = app.services;
    console.log(`Lightbox is running at ${app.url} (data in ${config.dataDir})`);
    console.log(`DICOM receiver: AE title ${config.dicomAet} on port ${app.dicomPort}; register senders with "lightbox node add"`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    console.log('Stopping Lightbox…');
    await app.close();
    return 0;
  },
};
