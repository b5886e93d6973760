import { Space } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { DataCheck } from '../components/DataCheck.js';
import { RecordPanel } from '../components/monitor/RecordPanel.js';

/** Reconciliation: the record of every run (R4), and per table, on demand, row by row. */
export function ReconciliationPage() {
  const [params] = useSearchParams();
  const bridge = params.get('bridge') ?? undefined;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <RecordPanel />
      {/* Keyed by the bridge in the address, so browser back and forward show the bridge they name. */}
      <DataCheck key={bridge ?? ''} initialBridge={bridge} />
    </Space>
  );
}
