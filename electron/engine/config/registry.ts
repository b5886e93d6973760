import type { ConfigSection } from './section.js';
import { exchangeSection } from './sections/exchange.js';
import { connectionsSection } from './sections/connections.js';
import { bridgesSection } from './sections/bridges.js';
import { catalogSection } from './sections/catalog.js';

/**
 * The sections of the configuration file, in the order they apply (removals run in reverse).
 * Schedules and alert settings add their modules here (after bridges).
 */
export const CONFIG_SECTIONS: readonly ConfigSection[] = [exchangeSection, connectionsSection, bridgesSection, catalogSection];
