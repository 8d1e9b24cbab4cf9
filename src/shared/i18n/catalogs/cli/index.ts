// The command line's own words, added to every language's catalog when imported (by the CLI only:
// the window and main never say them, so their bundles do not carry them).
import { addWords } from '../../translate';
import { cliDa } from './da';
import { cliEn } from './en';
import { cliNb } from './nb';
import { cliSv } from './sv';

addWords({ en: cliEn, da: cliDa, sv: cliSv, nb: cliNb });
