import type { ConfigSection } from './section.js';
import { exchangeSection } from './sections/exchange.js';
import { connectionsSection } from './sections/connections.js';
import { bridgesSection } from './sections/bridges.js';
import { schedulesSection } from './sections/schedules.js';
import { runLimitsSection } from './sections/run-limits.js';
import { catalogSection } from './sections/catalog.js';
import { monitoringSection } from './sections/monitoring.js';
import { channelsSection } from './sections/channels.js';

/** The sections of the configuration file, in the order they apply (removals run in reverse). */
export const CONFIG_SECTIONS: readonly ConfigSection[] = [
  exchangeSection, connectionsSection, bridgesSection, schedulesSection, runLimitsSection, catalogSection, monitoringSection, channelsSection,
];
