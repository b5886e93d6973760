import type { SourceRef, TableSchema } from '../../../../shared/index.js';
import type { Connector } from '../../../../connectors/core/connector.js';

/** Columns of what a bridge reads: a table's (with its keys) or a query's result (keys declared by the bridge). */
export function describeSource(connector: Connector, ref: SourceRef): Promise<TableSchema> {
  return ref.query !== undefined ? connector.describeQuery(ref.query) : connector.describeTable(ref);
}
