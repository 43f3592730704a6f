import { CliError, type CliCommand } from './command';

const commands: Record<string, () => Promise<CliCommand>> = {
  serve: () => import('./serve').then((m) => m.command),
  user: () => import('./user').then((m) => m.command),
  node: () => import('./node').then((m) => m.command),
  projections: () => import('./projections').then((m) => m.command),
  deid: () => import('./deid').then((m) => m.command),
  gateway: () => import('./gateway').then((m) => m.command),
  reidentify: () => import('./reidentify').then((m) => m.command),
};

const usage = `Usage: lightbox <command> [options]

Commands:
  serve                 run the Lightbox server (HTTP, GraphQL, DICOM)
  user add|erase        manage user accounts
  node add|list|disable|remove   manage registered DICOM senders
  projections rebuild   rebuild the read models from the event log
  deid IN... --out DIR  de-identify DICOM files (PS3.15 Annex E)
  gateway               run the Export Manager gateway
  reidentify            audited look-up of a pseudonym in the Export Manager's log

Run "lightbox <command> --help" for the options of a command.`;

/** Runs the CLI and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    console.error(`lightbox: unknown command "${name}". Run "lightbox --help" for the list.`);
    return 2;
  }
  let command: CliCommand;
  try {
    command = await load();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      console.error(`lightbox: command "${name}" is not available in this build.`);
      return 2;
    }
    throw error;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`lightbox ${name}: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
