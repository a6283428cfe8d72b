import { serve } from '../../../main';
import type { CliCommand } from '../command';

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: ['serve                                 start the server (as npm start)'],
  run: () => serve(),
};
