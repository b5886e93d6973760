import { useEffect, useState } from 'react';
import { App, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CatalogEntry } from '../../../shared/catalog.js';
import {
  catalogEntrySchema, classificationCode, ITEM_DATA_TYPE_LABELS, RESOURCE_FORMAT_LABELS, RESOURCE_TYPE_LABELS,
  SHARE_METHOD_LABELS, SHARE_TYPE_LABELS, UPDATE_CYCLE_LABELS,
} from '../../../shared/catalog.js';
import { call } from '../api/client.js';
import { errorText } from '../i18n/engine.js';
import { useOp } from '../useOp.js';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label: `${label}` }));

/** Form values: the entry, with the publish date as a picker value and related codes as one text. */
type FormValues = Omit<CatalogEntry, 'publishDate' | 'relatedCodes' | 'extensions'> & { publishDate?: dayjs.Dayjs | null; related?: string };

function toForm(e: CatalogEntry): FormValues {
  const { publishDate, relatedCodes, extensions: _ext, ...rest } = e;
  return { ...rest, publishDate: publishDate ? dayjs(publishDate) : null, related: relatedCodes.join(';') };
}

function fromForm(v: FormValues, extensions: Record<string, string>): unknown {
  const { publishDate, related, ...rest } = v;
  const blank = (s: unknown) => (typeof s === 'string' && s.trim() === '' ? undefined : s);
  return {
    ...rest,
    classification: Object.fromEntries(Object.entries(rest.classification ?? {}).map(([k, x]) => [k, blank(x)])),
    share: Object.fromEntries(Object.entries(rest.share ?? {}).map(([k, x]) => [k, blank(x)])),
    open: { toPublic: Boolean(rest.open?.toPublic), conditions: blank(rest.open?.conditions) },
    items: (rest.items ?? []).map((i) => ({ ...i, description: blank(i.description), length: i.length ?? undefined })),
    publishDate: publishDate ? publishDate.format('YYYY-MM-DD') : undefined,
    relatedCodes: (related ?? '').split(/[;；,，\s]+/).filter(Boolean),
    extensions,
  };
}

/** Add or edit one catalog entry; the same zod schema as the engine checks it, with its Chinese messages at each field. */
export function CatalogForm({ open, entry, onClose, onSaved }: { open: boolean; entry: CatalogEntry | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const bridges = useOp('bridges/list', {});
  const [saving, setSaving] = useState(false);
  const [filling, setFilling] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(entry ? toForm(entry) : {
      classification: { type: 'department', category: '' }, format: 'database', share: { type: 'conditional', method: 'interface' },
      open: { toPublic: false }, updateCycle: 'daily', items: [],
    } as unknown as FormValues);
  }, [open, entry, form]);

  const fill = async () => {
    const bridge = form.getFieldValue('bridge') as string | undefined;
    if (!bridge) return;
    setFilling(true);
    try {
      const result = await call('catalog/items', { bridge });
      form.setFieldValue('items', result.items);
      message.success(t('catalog.f.filled', { table: result.table, count: result.items.length }));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setFilling(false);
    }
  };

  const suggestCode = () => {
    const c = form.getFieldValue('classification') as CatalogEntry['classification'] | undefined;
    if (!c?.category || form.getFieldValue('code')) return;
    form.setFieldValue('code', `${classificationCode(c)}/000001`);
  };

  const submit = async () => {
    const values = form.getFieldsValue(true) as FormValues;
    const raw = fromForm(values, entry?.extensions ?? {});
    form.setFields(form.getFieldsError().map((f) => ({ name: f.name, errors: [] })) as unknown as Parameters<typeof form.setFields>[0]);
    const parsed = catalogEntrySchema.safeParse(raw);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => {
        const path = i.path.map((p) => (typeof p === 'number' ? p : String(p)));
        return { name: path[0] === 'relatedCodes' ? ['related'] : path, errors: [i.message] };
      }) as unknown as Parameters<typeof form.setFields>[0]);
      message.error(parsed.error.issues[0]!.message);
      return;
    }
    setSaving(true);
    try {
      await call('catalog/save', { entry: parsed.data as unknown as Record<string, unknown>, replace: true, ...(entry && entry.code !== parsed.data.code ? { previousCode: entry.code } : {}) });
      message.success(t('catalog.saved'));
      onSaved();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} width={980} title={entry ? t('catalog.edit') : t('catalog.add')} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" size="small" data-testid="catalog-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="bridge" label={t('catalog.f.bridge')}>
              <Select data-testid="catalog-bridge" showSearch options={(bridges.data ?? []).map((b) => ({ value: b.name, label: `${b.name} → ${b.targetTable}` }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label=" ">
              <Button icon={<TableOutlined />} loading={filling} onClick={() => void fill()} data-testid="catalog-fill">{t('catalog.f.fill')}</Button>
            </Form.Item>
          </Col>
          <Col span={6}><Form.Item name={['classification', 'type']} label={t('catalog.f.type')}><Select options={options(RESOURCE_TYPE_LABELS)} /></Form.Item></Col>
          <Col span={4}><Form.Item name={['classification', 'category']} label={t('catalog.f.category')}><Input data-testid="catalog-category" onBlur={suggestCode} /></Form.Item></Col>
          <Col span={4}><Form.Item name={['classification', 'item']} label={t('catalog.f.item')}><Input data-testid="catalog-item" /></Form.Item></Col>
          <Col span={4}><Form.Item name={['classification', 'subItem']} label={t('catalog.f.subItem')}><Input data-testid="catalog-subitem" /></Form.Item></Col>
          <Col span={6}><Form.Item name={['classification', 'detail']} label={t('catalog.f.detail')}><Input /></Form.Item></Col>
          <Col span={12}><Form.Item name="code" label={t('catalog.f.code')}><Input data-testid="catalog-code" placeholder="101001/000001" /></Form.Item></Col>
          <Col span={12}><Form.Item name="name" label={t('catalog.f.name')}><Input data-testid="catalog-name" /></Form.Item></Col>
          <Col span={12}><Form.Item name="provider" label={t('catalog.f.provider')}><Input data-testid="catalog-provider" /></Form.Item></Col>
          <Col span={12}><Form.Item name="providerCode" label={t('catalog.f.providerCode')}><Input data-testid="catalog-provider-code" /></Form.Item></Col>
          <Col span={24}><Form.Item name="abstract" label={t('catalog.f.abstract')}><Input.TextArea rows={2} data-testid="catalog-abstract" /></Form.Item></Col>
          <Col span={6}><Form.Item name="format" label={t('catalog.f.format')}><Select options={options(RESOURCE_FORMAT_LABELS)} /></Form.Item></Col>
          <Col span={6}><Form.Item name={['share', 'type']} label={t('catalog.f.shareType')}><Select options={options(SHARE_TYPE_LABELS)} /></Form.Item></Col>
          <Col span={6}><Form.Item name={['share', 'method']} label={t('catalog.f.shareMethod')}><Select allowClear options={options(SHARE_METHOD_LABELS)} /></Form.Item></Col>
          <Col span={6}><Form.Item name="updateCycle" label={t('catalog.f.cycle')}><Select options={options(UPDATE_CYCLE_LABELS)} /></Form.Item></Col>
          <Col span={12}><Form.Item name={['share', 'conditions']} label={t('catalog.f.shareConditions')}><Input data-testid="catalog-share-conditions" /></Form.Item></Col>
          <Col span={12}><Form.Item name={['share', 'legalBasis']} label={t('catalog.f.legalBasis')}><Input /></Form.Item></Col>
          <Col span={4}><Form.Item name={['open', 'toPublic']} label={t('catalog.f.toPublic')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col span={8}><Form.Item name={['open', 'conditions']} label={t('catalog.f.openConditions')}><Input /></Form.Item></Col>
          <Col span={6}><Form.Item name="publishDate" label={t('catalog.f.publishDate')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}><Form.Item name="related" label={t('catalog.f.related')}><Input /></Form.Item></Col>
        </Row>
        <Divider titlePlacement="start">{t('catalog.f.items')}</Divider>
        <Form.List name="items">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} style={{ width: 220 }}><Input placeholder={t('catalog.f.itemName')} /></Form.Item>
                  <Form.Item name={[field.name, 'dataType']} style={{ width: 150 }}><Select placeholder={t('catalog.f.dataType')} options={Object.entries(ITEM_DATA_TYPE_LABELS).map(([v, l]) => ({ value: v, label: `${l}（${v}）` }))} /></Form.Item>
                  <Form.Item name={[field.name, 'length']} style={{ width: 100 }}><InputNumber placeholder={t('catalog.f.length')} min={1} /></Form.Item>
                  <Form.Item name={[field.name, 'description']} style={{ width: 300 }}><Input placeholder={t('catalog.f.description')} /></Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ dataType: 'C' })}>{t('catalog.f.addItem')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
