import type { BridgeView, ConnectionView, RunRecord, TestResult } from '../../shared/index.js';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const n = (v: number) => v.toLocaleString('en-US');

export function printConnections(list: ConnectionView[]): void {
  if (list.length === 0) return out('No connections yet. Add one with: exnode connection add --file F');
  for (const c of list) out(`${c.isExchange ? '*' : ' '} ${c.name.padEnd(28)} ${c.dialect.padEnd(9)} ${c.health.padEnd(8)} ${c.summary}`);
  out('(* = exchange database)');
}

export function printBridges(list: BridgeView[]): void {
  if (list.length === 0) return out('No bridges yet. Add one with: exnode bridge add --file F');
  for (const b of list) {
    const last = b.lastRun ? `${b.lastRun.status}, deviation ${b.lastRun.deviation}` : 'never run';
    out(`${b.name.padEnd(28)} ${b.config.mode.padEnd(11)} ${b.sourceConnection}.${b.config.source.table} → ${b.targetConnection}.${b.targetTable}  [${last}]`);
  }
}

export function printTest(name: string, r: TestResult): void {
  if (r.ok) out(`${name}: OK — ${r.product ?? ''} ${r.version ?? ''}, ${r.latencyMs ?? '?'} ms, user ${r.currentUser ?? '-'}, database ${r.currentDatabase ?? '-'}`);
  else out(`${name}: FAILED [${r.errorCode ?? 'ERROR'}] ${r.message ?? ''}`);
}

export function printRun(r: RunRecord): void {
  out(`Run ${r.id}  bridge ${r.bridgeName}  ${r.mode}/${r.direction}  ${r.status}${r.durationMs !== null ? `  ${(r.durationMs / 1000).toFixed(1)} s` : ''}`);
  out(`  sender   read ${n(r.sender.total)}  inserted ${n(r.sender.inserted)}  updated ${n(r.sender.updated)}  deleted ${n(r.sender.deleted)}`);
  out(`  receiver inserted ${n(r.receiver.inserted)}  updated ${n(r.receiver.updated)}  deleted ${n(r.receiver.deleted)}  rejected ${n(r.receiver.rejected)}`);
  out(`  deviation ${r.deviation.total === 0 ? '0 (reconciled)' : `${n(r.deviation.total)} (I ${r.deviation.inserted}, U ${r.deviation.updated}, D ${r.deviation.deleted})`}`);
  if (r.error) out(`  error [${r.error.code}] ${r.error.message}`);
}
