import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PauseCircleOutlined, PlayCircleOutlined, ReloadOutlined, RocketOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ScheduleView } from '../../../shared/index.js';
import { formatFire } from '../../../shared/index.js';
import { call } from '../api/client.js';
import { subscribe } from '../api/events.js';
import { errorText } from '../i18n/engine.js';
import { StatusTag } from '../components/StatusTag.js';
import { formatTime } from '../components/format.js';
import { useOp } from '../useOp.js';

/** Every bridge with its schedule, next fire, last result, deployed or not; deploy, stop, pause and resume. */
export function SchedulesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const list = useOp('schedules/list', {});
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => subscribe('run.updated', () => list.reload()), [list.reload]);

  const act = async (key: string, work: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await work();
      list.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  const status = list.data?.status;
  return (
    <Card title={t('schedule.navSchedules')} extra={(
      <Space>
        {status?.paused
          ? <Button icon={<PlayCircleOutlined />} loading={busy === 'resume'} onClick={() => void act('resume', () => call('schedules/resume', {}))} data-testid="schedules-resume">{t('schedule.resumeAll')}</Button>
          : <Button icon={<PauseCircleOutlined />} loading={busy === 'pause'} onClick={() => void act('pause', () => call('schedules/pause', {}))} data-testid="schedules-pause">{t('schedule.pauseAll')}</Button>}
        <Button icon={<ReloadOutlined />} onClick={list.reload}>{t('common.refresh')}</Button>
      </Space>
    )}>
      {status?.paused && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('schedule.paused', { by: status.pausedBy ?? '-', at: formatTime(status.pausedAt ?? '') })} />}
      {list.error && <Alert type="error" showIcon message={errorText(list.error)} />}
      <Table<ScheduleView>
        size="small" rowKey="bridge" loading={list.loading} dataSource={list.data?.schedules ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('schedule.bridge'), dataIndex: 'bridge' },
          { title: t('schedule.description'), render: (_, v) => (v.description ? v.description[lang] : <Typography.Text type="secondary">{t('schedule.noSchedule')}</Typography.Text>) },
          {
            title: t('schedule.status'),
            render: (_, v) => (v.deployed ? <Tag color="green" data-testid={`deployed-${v.bridge}`}>{t('schedule.deployed')}</Tag> : <Tag>{t('schedule.notDeployed')}</Tag>),
          },
          { title: t('schedule.deployedBy'), dataIndex: 'deployedBy', render: (v: string | null) => v ?? '' },
          {
            title: t('schedule.nextFire'),
            render: (_, v) => (v.nextFires[0] ? formatFire(Date.parse(v.nextFires[0]), v.spec?.kind === 'cron' ? v.spec.timezone : 'Asia/Shanghai') : ''),
          },
          {
            title: t('schedule.lastRun'),
            render: (_, v) => (v.lastRun ? <Space><StatusTag status={v.lastRun.status} /><Link to={`/runs/${v.lastRun.id}`}>{formatTime(v.lastRun.startedAt)}</Link></Space> : ''),
          },
          {
            title: '', align: 'right',
            render: (_, v) => (
              <Space>
                {!v.deployed && (
                  <Button size="small" type="primary" icon={<RocketOutlined />} disabled={!v.spec || !v.bridgeEnabled} loading={busy === `deploy:${v.bridge}`}
                    onClick={() => void act(`deploy:${v.bridge}`, () => call('schedules/deploy', { name: v.bridge }))} data-testid={`deploy-${v.bridge}`}>
                    {t('schedule.deploy')}
                  </Button>
                )}
                {v.deployed && (
                  <Popconfirm title={t('schedule.stopConfirm')} onConfirm={() => void act(`stop:${v.bridge}`, () => call('schedules/stop', { name: v.bridge }))}>
                    <Button size="small" danger icon={<StopOutlined />} loading={busy === `stop:${v.bridge}`} data-testid={`stop-${v.bridge}`}>{t('schedule.stop')}</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
