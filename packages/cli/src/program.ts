import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { RapportConfig } from '@rapport/kit';
import { nonEmpty, wholeNumber } from './args.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Reads the environment (kit's `loadConfig`). Only actions call it, after parsing: `--help`, `--version`
 * and usage mistakes never read the config, open a database or create the data directory.
 */
export type LoadConfig = () => Promise<RapportConfig>;

const FOOTER = `
Every command takes --json: one JSON object on stdout (an error: one on stderr).
Storage: ./data (RAPPORT_DATA_DIR), or PostgreSQL when DATABASE_URL is set.
See README.md for the environment variables.
Exit status: 0 done, 1 the operation failed, 2 a usage or configuration mistake.`;

/** A required option-argument: commander reports it missing, and an empty value is refused too. */
function required(flags: string, description: string): Option {
  const option = new Option(flags, `${description} (required)`).makeOptionMandatory();
  return option.argParser(nonEmpty(option.long ?? flags));
}

/**
 * The whole command line: commands, options, help texts. Actions are thin: they load the config and
 * call the command's function (imported on demand, so `--help` does not load the services).
 */
export function buildProgram(loadConfig: LoadConfig): Command {
  const program = new Command('rapport')
    .description('SMS marketing + reviews platforms, self-hosted')
    .version(version)
    .showSuggestionAfterError()
    .addHelpText('after', FOOTER);

  program
    .command('start')
    .summary('both services on 127.0.0.1:4100 (SMS) and :4200 (reviews)')
    .description(
      'Run the SMS and the reviews platform and their job workers in this process, until Ctrl-C: on HOST ' +
        '(127.0.0.1), ports SMS_PORT (4100) and REVIEWS_PORT (4200). Prints the URLs to configure in Shopify ' +
        '(and Twilio); logs go to stderr (LOG_LEVEL, default info).',
    )
    .option('--api-only', 'serve HTTP without workers (scale-out on PostgreSQL beside `rapport worker`)')
    .action(async (o) => (await import('./commands/start.js')).startCommand(await loadConfig(), o));
  program
    .command('worker')
    .summary('job workers only (scale-out beside start --api-only)')
    .description(
      "Run both platforms' job workers and no HTTP: the scale-out shape on PostgreSQL, beside " +
        '`rapport start --api-only` processes. Any number may run. Logs go to stderr.',
    )
    .action(async (o) => (await import('./commands/worker.js')).workerCommand(await loadConfig(), o));
  program
    .command('migrate')
    .summary('create or upgrade both databases')
    .description('Create or upgrade both databases (opening one migrates it; this does it ahead of a deploy).')
    .action(async (o) => (await import('./commands/migrate.js')).migrateCommand(await loadConfig(), o));
  program
    .command('demo')
    .summary('the review-request loop end to end, in under a minute')
    .description(
      'The review-request loop end to end, narrated, in under a minute: a Shopify order becomes a text ' +
        'asking for a review, and the review reaches the SMS platform. Runs on a throw-away data directory.',
    )
    .option('--keep', 'leave both services and their workers running afterwards, to explore')
    .action(async (o) => (await import('./commands/demo.js')).demoCommand(await loadConfig(), o));

  const sms = program.command('sms').description('SMS platform: shops, automations, messages');
  sms
    .command('create-shop')
    .summary('a shop and its API key pair')
    .description("A shop and its API key pair: the private key goes into the reviews platform's Postscript integration.")
    .addOption(required('--name <name>', 'shop name'))
    .option('--label <label>', 'label of the key pair')
    .action(async (o) => (await import('./commands/sms.js')).createShopCommand(await loadConfig(), o));
  sms
    .command('create-automation')
    .summary('a legacy automation on a partner trigger or an event type')
    .description(
      'A legacy automation: a text sent when a partner trigger (e.g. "Okendo Review Request") fires, or when an event of a type (e.g. "Review Created") arrives for a subscriber.',
    )
    .addOption(required('--shop <id>', 'shop id'))
    .addOption(required('--trigger <name>', 'a partner trigger as the integration registered it, or an event type'))
    .addOption(required('--message <text>', 'message template, e.g. "Thanks {first_name}! {review_url}"'))
    .addOption(new Option('--delay-minutes <minutes>', 'send this long after the trigger').argParser(wholeNumber('--delay-minutes')))
    .option('--name <name>', 'automation name')
    .option('--enable', 'enable it now (default: created disabled)')
    .action(async (o) => (await import('./commands/sms.js')).createAutomationCommand(await loadConfig(), o));
  sms
    .command('export-flow')
    .summary('an automation flow as a JSON file')
    .description('Prints an automation flow as JSON ({name, graph}: the graph its dashboard builder edits), for import-flow.')
    .addOption(required('--flow <id>', 'flow id'))
    .action(async (o) => (await import('./commands/sms.js')).exportFlowCommand(await loadConfig(), o));
  sms
    .command('import-flow')
    .summary('an automation flow from a JSON file')
    .description(
      'Creates an automation flow from a JSON file ({name, graph}, as export-flow prints it; GET /api/flows/schema is its JSON Schema) and publishes it. Every problem is named by its field, e.g. file.graph.nodes.2.body.',
    )
    .addOption(required('--shop <id>', 'shop id'))
    .addOption(required('--file <path>', 'the flow file'))
    .option('--draft', 'keep it a draft (default: publish it)')
    .action(async (o) => (await import('./commands/sms.js')).importFlowCommand(await loadConfig(), o));
  sms
    .command('messages')
    .summary("a shop's sent messages")
    .description('The messages a shop has sent, all or those to one phone number.')
    .addOption(required('--shop <id>', 'shop id'))
    .option('--to <phone>', 'only those to this phone number (E.164)')
    .action(async (o) => (await import('./commands/sms.js')).messagesCommand(await loadConfig(), o));

  addAccountCommands(sms, 'sms', loadConfig);

  const reviews = program.command('reviews').description('reviews platform: stores, Postscript, review requests');
  reviews
    .command('create-store')
    .summary('a store, its API key and Shopify webhook secret')
    .description('A store: prints its API key (shown once), its Shopify webhook secret and the webhook URL.')
    .addOption(required('--name <name>', 'store name'))
    .addOption(required('--shop-domain <domain>', 'Shopify domain, e.g. acme.myshopify.com'))
    .action(async (o) => (await import('./commands/reviews.js')).createStoreCommand(await loadConfig(), o));
  reviews
    .command('connect-postscript')
    .summary('connect a store to Postscript (the SMS platform)')
    .description("Connect a store to the SMS platform's Postscript API with a shop's private key (checked now).")
    .addOption(required('--store <id>', 'store id'))
    .addOption(required('--private-key <key>', "the shop's private key (sk_…)"))
    .option('--api-url <url>', 'Postscript API base URL (default: SMS_API_URL, the local SMS platform)')
    .addOption(
      new Option(
        '--event-names <style>',
        "event types on the wire: the seed's names, or Postscript-safe (default: seed against Rapport)",
      ).choices(['seed', 'postscript_safe']),
    )
    .action(async (o) => (await import('./commands/reviews.js')).connectPostscriptCommand(await loadConfig(), o));
  reviews
    .command('profile-backfill')
    .summary("send every existing customer's Okendo properties to Postscript")
    .description(
      "Start (or resume) the backfill of every existing customer's Okendo profile properties to Postscript — subscribers only; connecting starts one. " +
        'The running service does the work; --wait shows a progress bar until it is done (default on a terminal).',
    )
    .addOption(required('--store <id>', 'store id'))
    .option('--wait', 'show progress until every customer is settled')
    .option('--no-wait', 'start it and return at once')
    .action(async (o) => (await import('./commands/reviews.js')).profileBackfillCommand(await loadConfig(), o));
  reviews
    .command('create-sequence')
    .summary('a review-request sequence')
    .description('A review-request sequence: text a review request some days after fulfilment or delivery.')
    .addOption(required('--store <id>', 'store id'))
    .addOption(required('--wait-days <days>', 'days to wait').argParser(wholeNumber('--wait-days')))
    .addOption(
      new Option('--after <event>', 'what the wait starts from (required)').choices(['fulfillment', 'delivery']).makeOptionMandatory(),
    )
    .option('--name <name>', 'sequence name')
    .option('--start', 'start it now (default: created stopped)')
    .action(async (o) => (await import('./commands/reviews.js')).createSequenceCommand(await loadConfig(), o));

  addAccountCommands(reviews, 'reviews', loadConfig);

  for (const command of commandTree(program)) {
    if (command.commands.length > 0) continue;
    command.option('--json', 'print one JSON object on stdout');
    const requiredFlags = command.options.filter((o) => o.mandatory).map((o) => o.flags);
    command.usage([...requiredFlags, '[options]'].join(' '));
  }
  return program;
}

/** `create-user` and `reset-password`, the same on both products (each has its own accounts). */
function addAccountCommands(parent: Command, product: 'sms' | 'reviews', loadConfig: LoadConfig): void {
  const tenant = product === 'sms' ? 'shop' : 'store';
  parent
    .command('create-user')
    .summary('a dashboard user')
    .description(
      `A user of the ${product === 'sms' ? 'SMS' : 'reviews'} dashboard. The install's first user owns every ${tenant}; ` +
        `a later one sees the ${tenant} given with --${tenant} (more by invitation from the dashboard).`,
    )
    .addOption(required('--email <email>', 'login email'))
    .addOption(required('--password <password>', 'at least 10 characters'))
    .option(`--${tenant} <id>`, `give the user this ${tenant}`)
    .action(async (o) => (await import('./commands/accounts.js')).createUserCommand(await loadConfig(), product, o));
  parent
    .command('reset-password')
    .summary('print a one-time password reset link')
    .description('Print a one-time link (valid an hour) where the user sets a new password; no mail server needed.')
    .addOption(required('--email <email>', 'the user’s email'))
    .action(async (o) => (await import('./commands/accounts.js')).resetPasswordCommand(await loadConfig(), product, o));
}

/** The program and every command under it, depth first. */
export function commandTree(command: Command): Command[] {
  return [command, ...command.commands.flatMap(commandTree)];
}

/** `rapport sms create-shop` for that command. */
export function commandPath(command: Command): string {
  return command.parent ? `${commandPath(command.parent)} ${command.name()}` : command.name();
}
