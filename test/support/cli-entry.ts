// The CLI as bin/samenspraak.js runs it, but from the TypeScript sources.
import { main } from '../../src/cli';

main();
