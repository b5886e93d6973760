import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Reconciliation } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { subscribe } from '../api/events.js';
import { useOp } from '../useOp.js';
import { formatCount, formatDuration } from './format.js';
import { errorText } from '../i18n/engine.js';

type Kind = keyof Reconciliation['samples'];

/**
 * Data reconciliation (数据核对): a technician picks a bridge and the engine compares every source
 * row with the receiving table; the counts and the first keys of each kind of difference are shown.
 */
export function DataCheck({ initialBridge }: { initialBridge?: string | undefined }) {
  const { t } = useTranslation();
  const bridges = useOp('bridges/list', {});
  const [bridge, setBridge] = useState<string | undefined>(initialBridge);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<Reconciliation>();
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<{ rows: number; total: number }>();
  const [repairing, setRepairing] = useState(false);
  const navigate = useNavigate();
  // Back/forward or a link to another bridge changes `?bridge=`: follow it, and drop the old result.
  useEffect(() => {
    setBridge(initialBridge);
    setResult(undefined);
    setError(undefined);
  }, [initialBridge]);

  useEffect(() => subscribe('reconcile.progress', (p) => {
    if (p.bridge === bridge) setProgress({ rows: p.rows, total: p.total });
  }), [bridge]);

  const start = async () => {
    if (!bridge) return;
    setRunning(true);
    setError(undefined);
    setResult(undefined);
    setProgress(undefined);
    try {
      setResult(await call('bridges/reconcile', { name: bridge, samples: 20 }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(false);
    }
  };

  // The data check found what an incremental bridge cannot see: one full run repairs it, and the run page follows it.
  const runFullOnce = async () => {
    if (!result) return;
    setRepairing(true);
    try {
      const run = await call('bridges/run', { name: result.bridge, fullOnce: true });
      navigate(`/runs/${run.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRepairing(false);
    }
  };

  const samples = result
    ? (['missing', 'extra', 'different'] as Kind[]).flatMap((kind) => result.samples[kind].map((key, i) => ({ id: `${kind}-${i}`, kind, key })))
    : [];

  return (
    <Card title={t('dataCheck.title')} data-testid="data-check">
      <Typography.Paragraph type="secondary">{t('dataCheck.hint')}</Typography.Paragraph>
      <Space wrap>
        <Select style={{ minWidth: 280 }} placeholder={t('dataCheck.pick')} value={bridge} onChange={setBridge} loading={bridges.loading}
          options={(bridges.data ?? []).map((b) => ({ value: b.name, label: b.name }))} data-testid="data-check-bridge" />
        <Button type="primary" icon={<SafetyCertificateOutlined />} disabled={!bridge} loading={running} onClick={() => void start()} data-testid="data-check-start">
          {running ? t('dataCheck.running') : t('dataCheck.start')}
        </Button>
      </Space>
      {running && progress && (
        <div style={{ marginTop: 16 }} data-testid="data-check-progress">
          <Progress percent={progress.total > 0 ? Math.min(99, Math.floor((progress.rows / progress.total) * 100)) : 0} />
          <Typography.Text type="secondary">{t('dataCheck.progress', { rows: formatCount(progress.rows), total: formatCount(progress.total) })}</Typography.Text>
        </div>
      )}
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon message={error} />}
      {result && (
        <div style={{ marginTop: 16 }}>
          <Alert type={result.deviation === 0 ? 'success' : 'warning'} showIcon data-testid="data-check-verdict" data-deviation={result.deviation}
            message={result.deviation === 0 ? t('dataCheck.agree') : t('dataCheck.disagree', { n: formatCount(result.deviation) })} />
          {result.proposeFullOnce && (
            <Alert style={{ marginTop: 16 }} type="info" showIcon data-testid="data-check-full-once" message={t('dataCheck.proposeFullOnce')}
              action={<Button type="primary" icon={<SyncOutlined />} loading={repairing} onClick={() => void runFullOnce()} data-testid="data-check-run-full-once">{t('bridges.runFullOnce')}</Button>} />
          )}
          <Descriptions style={{ marginTop: 16 }} size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('dataCheck.source')}>{result.source}</Descriptions.Item>
            <Descriptions.Item label={t('dataCheck.target')}>{result.target}</Descriptions.Item>
            <Descriptions.Item label={t('dataCheck.duration')}>{formatDuration(result.durationMs)}</Descriptions.Item>
            <Descriptions.Item label={t('dataCheck.sourceRows')}><span data-testid="data-check-source-rows">{formatCount(result.sourceRows)}</span></Descriptions.Item>
            <Descriptions.Item label={t('dataCheck.targetRows')}>{formatCount(result.targetRows)}</Descriptions.Item>
            <Descriptions.Item label={t('dataCheck.matched')}><span data-testid="data-check-matched">{formatCount(result.matched)}</span></Descriptions.Item>
            <Descriptions.Item label={t('dataCheck.missing')}>{formatCount(result.missing)}</Descriptions.Item>
            <Descriptions.Item label={t('dataCheck.extra')}>{formatCount(result.extra)}</Descriptions.Item>
            <Descriptions.Item label={t('dataCheck.different')}>{formatCount(result.different)}</Descriptions.Item>
          </Descriptions>
          {samples.length > 0 && (
            <Table style={{ marginTop: 16 }} size="small" rowKey="id" pagination={false} dataSource={samples}
              columns={[
                { title: t('dataCheck.kind'), dataIndex: 'kind', width: 140, render: (kind: Kind) => <Tag color={kind === 'different' ? 'orange' : 'red'}>{t(`dataCheck.${kind}`)}</Tag> },
                { title: t('dataCheck.key'), dataIndex: 'key', render: (key: Record<string, unknown>) => <Typography.Text code>{JSON.stringify(key)}</Typography.Text> },
              ]} />
          )}
        </div>
      )}
    </Card>
  );
}
