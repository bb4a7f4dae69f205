import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, InputNumber, Modal, Switch, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { t } from '../../../common/i18n/index';
import { regionIn } from '../../../common/matching/fit';
import {
  FIT_FACTORS,
  type MatchingSettings,
  type MatchingSettingsView,
} from '../../../common/matching/matching.schema';
import { errorMessage } from '../api/client';
import { RegionCascader } from '../regions/region-cascader.component';
import { useSaveSettings } from './matching.api';

type SettingsValues = MatchingSettings;

const overlap = (a: string, b: string) => regionIn(a, b) || regionIn(b, a);

/** Several regions, each picked with the app's region cascader; rows added and removed. */
function RegionList({
  value = [],
  onChange,
  label,
}: {
  value?: (string | null)[];
  onChange?: (codes: (string | null)[]) => void;
  /** "对口规则1的派出地区": each picker's accessible name is this with its number. */
  label: string;
}) {
  return (
    <Flex vertical gap={4}>
      {value.map((code, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list
        <Flex key={k} gap={4} align="center">
          <RegionCascader
            value={code}
            onChange={(next) => onChange?.(value.map((c, i) => (i === k ? next : c)))}
            aria-label={`${label}${k + 1}`}
            style={{ flex: 1, minWidth: 0 }}
          />
          {value.length > 1 ? (
            <Button
              type="text"
              size="small"
              icon={<MinusCircleOutlined aria-hidden />}
              aria-label={t('matching.ui.rule.removeRegion', { label: `${label}${k + 1}` })}
              onClick={() => onChange?.(value.filter((_, i) => i !== k))}
            />
          ) : null}
        </Flex>
      ))}
      <Button
        type="link"
        size="small"
        style={{ alignSelf: 'start', padding: 0 }}
        onClick={() => onChange?.([...value, null])}
      >
        {t('matching.ui.rule.addRegion')}
      </Button>
    </Flex>
  );
}

const someRegion =
  (field: string): Rule =>
  () => ({
    validator: async (_rule, codes: (string | null)[] | undefined) => {
      if (!codes?.some(Boolean)) throw new Error(t('matching.ui.rule.required', { field }));
    },
  });

/**
 * The batch's weights, allowed rank gap, home-county avoidance and pairing rules — 对口 (these
 * sending regions go only to those receiving regions) and 互派 (two regions exchange) — saved
 * with the settings' version.
 */
export function SettingsModal({
  batchId,
  settings,
  onClose,
}: {
  batchId: string;
  settings: MatchingSettingsView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<SettingsValues>();
  const save = useSaveSettings(batchId);
  const { message } = App.useApp();
  const submit = async () => {
    const values = await form.validateFields();
    const codes = (list: (string | null)[]) => list.filter((c): c is string => Boolean(c));
    try {
      await save.mutateAsync({
        weights: values.weights,
        rankGap: values.rankGap,
        homeCountyAvoidance: values.homeCountyAvoidance,
        counterpart: (values.counterpart ?? []).map((r) => ({ from: codes(r.from), to: codes(r.to) })),
        mutual: values.mutual ?? [],
        version: settings.version,
      });
      message.success(t('matching.ui.settingsSaved'));
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const fromLabel = t('field.counterpartFrom');
  const toLabel = t('field.counterpartTo');
  return (
    <Modal
      open
      width={720}
      title={t('matching.ui.settings')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 12 }}
        initialValues={{
          weights: settings.weights,
          rankGap: settings.rankGap,
          homeCountyAvoidance: settings.homeCountyAvoidance,
          counterpart: settings.counterpart,
          mutual: settings.mutual,
        }}
      >
        <Typography.Title level={5}>{t('matching.ui.weights')}</Typography.Title>
        {FIT_FACTORS.map((f) => (
          <Form.Item
            key={f}
            name={['weights', f]}
            label={t(`matching.factorName.${f}`)}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
        ))}
        <Form.Item name="rankGap" label={t('matching.ui.rankGap')} rules={[{ required: true }]}>
          <InputNumber min={0} max={6} precision={0} />
        </Form.Item>
        <Form.Item name="homeCountyAvoidance" label={t('matching.ui.homeCounty')} valuePropName="checked">
          <Switch />
        </Form.Item>

        <Typography.Title level={5}>{t('matching.ui.rule.counterpart')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('matching.ui.rule.counterpartHelp')}</Typography.Paragraph>
        <Form.List name="counterpart">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <Card
                  key={row.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={t('matching.ui.rule.counterpartN', { n: i + 1 })}
                  extra={
                    <Button
                      type="text"
                      size="small"
                      icon={<MinusCircleOutlined aria-hidden />}
                      onClick={() => remove(row.name)}
                    >
                      {t('matching.ui.rule.remove', {
                        rule: t('matching.ui.rule.counterpartN', { n: i + 1 }),
                      })}
                    </Button>
                  }
                >
                  <Flex gap={12} wrap>
                    <Form.Item
                      name={[row.name, 'from']}
                      label={fromLabel}
                      layout="vertical"
                      style={{ flex: 1, minWidth: 240, marginBottom: 0 }}
                      rules={[someRegion(fromLabel)]}
                    >
                      <RegionList label={t('matching.ui.rule.fromN', { n: i + 1 })} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'to']}
                      label={toLabel}
                      layout="vertical"
                      style={{ flex: 1, minWidth: 240, marginBottom: 0 }}
                      dependencies={[['counterpart', row.name, 'from']]}
                      rules={[
                        someRegion(toLabel),
                        ({ getFieldValue }) => ({
                          validator: async (_rule, to: (string | null)[] | undefined) => {
                            const from: (string | null)[] =
                              getFieldValue(['counterpart', row.name, 'from']) ?? [];
                            if (to?.some((b) => b && from.some((a) => a && overlap(a, b))))
                              throw new Error(
                                t('matching.ui.rule.same', { field: toLabel, other: fromLabel }),
                              );
                          },
                        }),
                      ]}
                    >
                      <RegionList label={t('matching.ui.rule.toN', { n: i + 1 })} />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ from: [null], to: [null] })}
                style={{ marginBottom: 16 }}
              >
                {t('matching.ui.rule.addCounterpart')}
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>{t('matching.ui.rule.mutual')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('matching.ui.rule.mutualHelp')}</Typography.Paragraph>
        <Form.List name="mutual">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <Flex key={row.key} gap={8} align="start">
                  <Form.Item
                    name={[row.name, 'a']}
                    style={{ flex: 1, minWidth: 0 }}
                    rules={[
                      {
                        required: true,
                        message: t('matching.ui.rule.required', { field: t('field.mutualA') }),
                      },
                    ]}
                  >
                    <RegionCascader aria-label={t('matching.ui.rule.mutualA', { n: i + 1 })} />
                  </Form.Item>
                  <Typography.Text style={{ lineHeight: '32px' }}>⇄</Typography.Text>
                  <Form.Item
                    name={[row.name, 'b']}
                    style={{ flex: 1, minWidth: 0 }}
                    dependencies={[['mutual', row.name, 'a']]}
                    rules={[
                      {
                        required: true,
                        message: t('matching.ui.rule.required', { field: t('field.mutualB') }),
                      },
                      ({ getFieldValue }) => ({
                        validator: async (_rule, b: string | null | undefined) => {
                          const a: string | null = getFieldValue(['mutual', row.name, 'a']);
                          if (a && b && overlap(a, b))
                            throw new Error(
                              t('matching.ui.rule.same', {
                                field: t('field.mutualB'),
                                other: t('field.mutualA'),
                              }),
                            );
                        },
                      }),
                    ]}
                  >
                    <RegionCascader aria-label={t('matching.ui.rule.mutualB', { n: i + 1 })} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined aria-hidden />}
                    onClick={() => remove(row.name)}
                    aria-label={t('matching.ui.rule.remove', {
                      rule: t('matching.ui.rule.mutualN', { n: i + 1 }),
                    })}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ a: null, b: null })}
              >
                {t('matching.ui.rule.addMutual')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
