import type { CliCommand } from '../command';
import { agendaCommand } from './agenda';
import { boardsCommand } from './boards';
import { cardsCommand } from './cards';
import { classifyCommand } from './classify';
import { cycleCommand } from './cycle';
import { dbCommand } from './db';
import { memberDataCommand } from './member-data';
import { reportCommand } from './report';
import { serveCommand } from './serve';

/** Every `samenspraak` command; a new one is a file in this folder and a line here. */
export const COMMANDS: CliCommand[] = [
  serveCommand,
  dbCommand,
  agendaCommand,
  boardsCommand,
  cycleCommand,
  cardsCommand,
  classifyCommand,
  reportCommand,
  memberDataCommand,
];
