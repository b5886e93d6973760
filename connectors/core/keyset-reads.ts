import type { Column, FilterCondition, Row, SourceRef } from '../../shared/index.js';
import type { Connector, LookupOptions, RangeChecksum, RangeChecksumOptions, ReadOptions } from './connector.js';
import type { KeysetReader } from './keyset-reader.js';

type KeysetReadMethods = 'readBatches' | 'readKeyHashes' | 'rangeChecksum' | 'lookup' | 'maxValue' | 'count';

/**
 * A connector's keyset reads, handed to its keyset reader: the server dialects and SQLite read alike.
 * Bound properties, not methods, so that a read can be passed on detached from its connector.
 */
export abstract class KeysetReads implements Pick<Connector, KeysetReadMethods> {
  protected abstract readonly reader: KeysetReader;

  readBatches = (options: ReadOptions): AsyncIterable<Row[]> => this.reader.readBatches(options);
  readKeyHashes = (options: ReadOptions): AsyncIterable<Row[]> => this.reader.readKeyHashes(options);
  rangeChecksum = (options: RangeChecksumOptions): Promise<RangeChecksum> => this.reader.rangeChecksum(options);
  lookup = (options: LookupOptions): Promise<Row[]> => this.reader.lookup(options);
  maxValue = (table: SourceRef, column: Column, filter?: readonly FilterCondition[]): Promise<unknown> => this.reader.maxValue(table, column, filter);
  count = (table: SourceRef, filter?: readonly FilterCondition[]): Promise<number> => this.reader.count(table, filter);
}
