import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A section whose capability is planned: said plainly, not faked. */
export function LaterPage({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <Card title={t(`nav.${section}`)}>
      <Result status="info" title={t('common.later')} subTitle={t('common.laterHint')} />
    </Card>
  );
}
