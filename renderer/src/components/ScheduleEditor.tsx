import { useEffect, useImperativeHandle, useState, type Ref } from 'react';
import { Alert, Col, Divider, Input, List, Radio, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MissedPolicy, ScheduleSpecInput } from '../../../shared/index.js';
import { DEFAULT_TIME_ZONE, formatFire } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { errorText } from '../i18n/engine.js';
import { useOp } from '../useOp.js';

export interface ScheduleEditorHandle {
  /** Saves the schedule of `bridge` (after the bridge itself was saved). */
  save(bridge: string): Promise<void>;
}

type Kind = 'none' | 'cron' | 'interval' | 'after';
const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'UTC', 'Europe/Berlin', 'America/New_York'];

/** When a bridge runs: cron (seconds, time zone), interval or chain, checked live with its next five fire times. */
export function ScheduleEditor({ bridge, open, ref }: { bridge: string | undefined; open: boolean; ref?: Ref<ScheduleEditorHandle> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [kind, setKind] = useState<Kind>('none');
  const [cron, setCron] = useState('0 0 2 * * *');
  const [zone, setZone] = useState(DEFAULT_TIME_ZONE);
  const [every, setEvery] = useState('5m');
  const [after, setAfter] = useState<string>();
  const [missed, setMissed] = useState<MissedPolicy>('run-once');
  const [preview, setPreview] = useState<{ description: Record<string, string>; nextFires: string[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const bridges = useOp('bridges/list', {}, String(open));

  useEffect(() => {
    if (!open) return;
    setKind('none');
    setPreview(null);
    if (!bridge) return;
    void call('schedules/get', { name: bridge }).then((v) => {
      setMissed(v.missedPolicy);
      if (!v.spec) return;
      setKind(v.spec.kind);
      if (v.spec.kind === 'cron') {
        setCron(v.spec.cron);
        setZone(v.spec.timezone);
      } else if (v.spec.kind === 'interval') setEvery(v.spec.every);
      else setAfter(v.spec.after);
    }).catch(() => undefined);
  }, [open, bridge]);

  const spec: ScheduleSpecInput | null = kind === 'cron' ? { kind, cron, timezone: zone } : kind === 'interval' ? { kind, every }
    : kind === 'after' && after ? { kind, after } : null;
  const serialized = JSON.stringify(spec);

  useEffect(() => {
    if (!spec) {
      setPreview(null);
      setProblem(null);
      return;
    }
    const timer = setTimeout(() => {
      call('schedules/preview', { spec })
        .then((p) => {
          setPreview(p);
          setProblem(null);
        })
        .catch((e: unknown) => {
          setPreview(null);
          setProblem(errorText(e));
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [serialized]);

  useImperativeHandle(ref, () => ({
    save: async (name: string) => {
      if (kind === 'none' && !bridge) return;
      await call('schedules/set', { name, spec, missedPolicy: missed });
    },
  }), [kind, bridge, serialized, missed]);

  const shownZone = kind === 'cron' ? zone : DEFAULT_TIME_ZONE;
  return (
    <div data-testid="schedule-editor">
      <Divider titlePlacement="start" plain>{t('schedule.title')}</Divider>
      <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="schedule-kind"
        options={(['none', 'cron', 'interval', 'after'] as const).map((k) => ({ value: k, label: t(`schedule.${k}`) }))} />
      <Row gutter={12} style={{ marginTop: 12 }}>
        {kind === 'cron' && (
          <>
            <Col span={12}>
              <Typography.Text>{t('schedule.cronExpr')}</Typography.Text>
              <Input value={cron} onChange={(e) => setCron(e.target.value)} data-testid="schedule-cron" style={{ fontFamily: 'monospace' }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('schedule.cronHelp')}</Typography.Text>
            </Col>
            <Col span={6}>
              <Typography.Text>{t('schedule.timezone')}</Typography.Text>
              <Select value={zone} onChange={setZone} style={{ width: '100%' }} showSearch options={ZONES.map((z) => ({ value: z, label: z }))} />
            </Col>
          </>
        )}
        {kind === 'interval' && (
          <Col span={8}>
            <Typography.Text>{t('schedule.every')}</Typography.Text>
            <Input value={every} onChange={(e) => setEvery(e.target.value)} data-testid="schedule-every" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('schedule.everyHelp')}</Typography.Text>
          </Col>
        )}
        {kind === 'after' && (
          <Col span={10}>
            <Typography.Text>{t('schedule.afterBridge')}</Typography.Text>
            <Select value={after} onChange={setAfter} style={{ width: '100%' }} data-testid="schedule-after"
              options={(bridges.data ?? []).filter((b) => b.name !== bridge).map((b) => ({ value: b.name, label: b.name }))} />
          </Col>
        )}
        {kind !== 'none' && kind !== 'after' && (
          <Col span={6}>
            <Typography.Text>{t('schedule.missed')}</Typography.Text>
            <Select value={missed} onChange={setMissed} style={{ width: '100%' }}
              options={[{ value: 'run-once', label: t('schedule.missedRunOnce') }, { value: 'skip', label: t('schedule.missedSkip') }]} />
          </Col>
        )}
      </Row>
      {problem && <Alert type="error" showIcon style={{ marginTop: 12 }} message={t('schedule.invalid')} description={problem} data-testid="schedule-problem" />}
      {preview && (
        <Space direction="vertical" style={{ marginTop: 12, width: '100%' }}>
          <Typography.Text strong data-testid="schedule-description">{preview.description[lang]}</Typography.Text>
          {preview.nextFires.length > 0 && (
            <List size="small" header={t('schedule.nextFires')} bordered data-testid="schedule-next-fires" dataSource={preview.nextFires}
              renderItem={(at) => <List.Item>{formatFire(Date.parse(at), shownZone)} ({shownZone})</List.Item>} />
          )}
        </Space>
      )}
    </div>
  );
}
