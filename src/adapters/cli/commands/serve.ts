import type { CliCommand } from '../command';

// The server's modules (Bolt, botbuilder, express) load only for `serve`: every other command starts
// in a fraction of the time without them.

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: ['serve                                 start the server (as npm start)'],
  run: () => (require('../../../main') as typeof import('../../../main')).serve(),
};
