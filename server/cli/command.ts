import { parseArgs, type ParseArgsConfig } from 'node:util';

/** One `lightbox` sub-command. `run` returns the exit code. */
export interface CliCommand {
  help: string;
  run(args: string[]): Promise<number>;
}

/** A user mistake on the command line: printed as one line, exit code 2 unless told. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/** `parseArgs` with strict options whose errors become one-line CliErrors. */
export function parseCliArgs<T extends ParseArgsConfig['options']>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** Reads a required string option or throws a CliError naming it. */
export function requireOption(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`--${name} is required`);
  return value;
}
