import { App, Button, Card, Form, Input, InputNumber, Select, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import type { DocumentSettingsInput } from '../../../common/documents/documents.schema';
import { documentNumber } from '../../../common/documents/documents-format';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { PageHeader } from '../common/page-header.component';
import { useDocumentSettings, useSaveDocumentSettings } from './documents.api';

type Values = Omit<DocumentSettingsInput, 'version'>;

/** 版头与版记 (the 组织部): 发文机关标志, 发文字号 pattern and next 序号, 签发人, 抄送 (ADR 036). */
export function DocumentSettingsPage() {
  const settings = useDocumentSettings(null);
  const save = useSaveDocumentSettings();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const pattern = Form.useWatch('numberPattern', form) ?? '';
  const code = Form.useWatch('organCode', form) ?? '';
  const seq = Form.useWatch('nextSeq', form) ?? 1;

  const submit = async (values: Values) => {
    if (!settings.data) return;
    try {
      await save.mutateAsync({
        regionCode: settings.data.regionCode,
        body: {
          ...values,
          signer: values.signer || null,
          cc: values.cc ?? [],
          version: settings.data.version,
        },
      });
      message.success(t('documents.settings.saved'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader title={t('documents.settings.title')} />
      <Card>
        {settings.isLoading ? (
          <Spin />
        ) : settings.error ? (
          <Typography.Text type="danger">{errorMessage(settings.error)}</Typography.Text>
        ) : (
          <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
            <Typography.Paragraph>
              {t('documents.settings.region')}：{settings.data?.regionName}
              {settings.data?.version === null ? (
                <Typography.Text type="secondary">（{t('documents.settings.defaults')}）</Typography.Text>
              ) : null}
            </Typography.Paragraph>
            <Form.Item
              name="organMark"
              label={t('field.organMark')}
              rules={[{ required: true, min: 2, max: 40 }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item
              name="organName"
              label={t('field.organName')}
              rules={[{ required: true, min: 2, max: 40 }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="organCode" label={t('field.organCode')} rules={[{ required: true, max: 12 }]}>
              <Input maxLength={12} />
            </Form.Item>
            <Form.Item
              name="numberPattern"
              label={t('field.numberPattern')}
              extra={`${t('documents.settings.numberHelp')}。${t('documents.settings.example', {
                example: documentNumber(pattern, {
                  code,
                  year: new Date().getFullYear(),
                  seq: Number(seq) || 1,
                }),
              })}`}
              rules={[{ required: true, max: 40 }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="nextSeq" label={t('field.nextSeq')} rules={[{ required: true }]}>
              <InputNumber min={1} max={99999} />
            </Form.Item>
            <Form.Item name="signer" label={t('field.signer')}>
              <Input maxLength={20} allowClear />
            </Form.Item>
            <Form.Item name="cc" label={t('field.cc')}>
              <Select mode="tags" tokenSeparators={['，', ',', '、']} open={false} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('documents.settings.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
