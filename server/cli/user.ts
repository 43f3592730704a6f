import { DomainError } from '../../domain/shared/errors';
import { asUserId } from '../../domain/shared/ids';
import { CliError, parseCliArgs, requireOption, type CliCommand } from './command';
import { cliContext, openAccountsForCli } from './cli-stores';

const help = `Usage:
  lightbox user add --email EMAIL --name "DISPLAY NAME" --password PASSWORD [--gmc GMC1234567] [--admin]
  lightbox user add --email EMAIL --name "DISPLAY NAME" --oidc-only [--gmc GMC1234567] [--admin]
  lightbox user erase (--email EMAIL | --id USER_ID)

add    creates an account (and its personal folder). --oidc-only makes an account that signs in only
       through the hospital's OpenID Connect provider.
erase  GDPR erasure: destroys the person's key, so their name, email and GMC number can no longer be read
       anywhere, and ends their sessions. It cannot be undone.`;

async function add(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, {
    email: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    'oidc-only': { type: 'boolean' },
    gmc: { type: 'string' },
    admin: { type: 'boolean' },
  });
  const email = requireOption(values, 'email');
  const name = requireOption(values, 'name');
  if (!values.password && !values['oidc-only']) throw new CliError('--password is required (or --oidc-only for single sign-on accounts)');
  const { accounts, stores } = openAccountsForCli();
  try {
    const { userId } = await accounts.register(
      { email, name, password: values.password ?? null, gmc: values.gmc ?? null, admin: values.admin === true },
      cliContext('user-add'),
    );
    console.log(`Created user ${userId} (${email})${values.admin ? ' as admin' : ''}; their personal folder is created when the server processes the account.`);
    return 0;
  } finally {
    await stores.close();
  }
}

async function erase(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, { email: { type: 'string' }, id: { type: 'string' } });
  if (!values.email === !values.id) throw new CliError('give exactly one of --email or --id');
  const { accounts, stores } = openAccountsForCli();
  try {
    const userId = values.id ? asUserId(values.id) : await accounts.userIdForEmail(values.email!);
    if (!userId) throw new CliError(`no account has the email address ${values.email}`, 1);
    await accounts.erase(userId, cliContext('user-erase'));
    console.log(`Erased user ${userId}: their personal data can no longer be read.`);
    return 0;
  } finally {
    await stores.close();
  }
}

export const command: CliCommand = {
  help,
  async run(args) {
    const [action, ...rest] = args;
    try {
      if (action === 'add') return await add(rest);
      if (action === 'erase') return await erase(rest);
    } catch (error) {
      if (error instanceof DomainError) throw new CliError(`${error.message} (${error.code})`, 1);
      throw error;
    }
    throw new CliError(action ? `unknown action "${action}"; use add or erase` : 'say what to do: add or erase');
  },
};
