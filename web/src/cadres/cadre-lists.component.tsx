import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, type FormListFieldData, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { RELATIONS } from '../../../common/cadres/cadre-enums';
import { t } from '../../../common/i18n/index';
import { MONTH } from './cadre-form.utils';

const relationOptions = RELATIONS.map((r) => ({ value: r, label: t(`relation.${r}`) }));

/** The accessible name of a list entry's field: "起始年月（第 2 条）". */
const entryLabel = (field: string, n: number) => t('cadreForm.entry', { field, n });

const cell = (flex: string, children: ReactNode) => <div style={{ flex, minWidth: 140 }}>{children}</div>;

interface EntryButtonsProps {
  index: number;
  count: number;
  move?: (from: number, to: number) => void;
  remove: () => void;
}

/** 上移 / 下移 (when the order matters) and 移除 for one list entry. */
function EntryButtons({ index, count, move, remove }: EntryButtonsProps) {
  const n = index + 1;
  return (
    <Flex gap={4} style={{ paddingTop: 4 }}>
      {move ? (
        <>
          <Button
            size="small"
            icon={<ArrowUpOutlined aria-hidden />}
            aria-label={entryLabel(t('cadreForm.moveUp'), n)}
            title={t('cadreForm.moveUp')}
            disabled={index === 0}
            onClick={() => move(index, index - 1)}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={entryLabel(t('cadreForm.moveDown'), n)}
            title={t('cadreForm.moveDown')}
            disabled={index === count - 1}
            onClick={() => move(index, index + 1)}
          />
        </>
      ) : null}
      <Button
        size="small"
        danger
        icon={<DeleteOutlined aria-hidden />}
        aria-label={entryLabel(t('cadreForm.remove'), n)}
        title={t('cadreForm.remove')}
        onClick={remove}
      />
    </Flex>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="dashed" block icon={<PlusOutlined aria-hidden />} onClick={onClick}>
      {children}
    </Button>
  );
}

function Empty({ text }: { text: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      {text}
    </Typography.Paragraph>
  );
}

/** 工作经历: from–to months (to empty = 至今), unit, position; add, remove, reorder. */
export function CadreResumeField() {
  return (
    <Form.List name="resume">
      {(fields, { add, remove, move }) => (
        <>
          {fields.length === 0 ? <Empty text={t('cadreForm.resumeEmpty')} /> : null}
          {fields.map((field: FormListFieldData, index) => {
            const n = index + 1;
            return (
              <Flex key={field.key} gap={8} wrap align="flex-start" data-testid={`resume-${n}`}>
                {cell(
                  '1 1 140px',
                  <Form.Item
                    name={[field.name, 'fromMonth']}
                    rules={[{ required: true, message: t('cadreForm.resumeFromRequired', { n }) }]}
                  >
                    <DatePicker
                      picker="month"
                      format={MONTH}
                      style={{ width: '100%' }}
                      placeholder={t('field.fromMonth')}
                      aria-label={entryLabel(t('field.fromMonth'), n)}
                    />
                  </Form.Item>,
                )}
                {cell(
                  '1 1 140px',
                  <Form.Item
                    name={[field.name, 'toMonth']}
                    dependencies={[['resume', field.name, 'fromMonth']]}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_rule, to: Dayjs | null | undefined) => {
                          const from: Dayjs | undefined = getFieldValue(['resume', field.name, 'fromMonth']);
                          if (to && from && to.isBefore(from, 'month'))
                            throw new Error(t('cadreForm.resumeBackwards', { n }));
                        },
                      }),
                    ]}
                  >
                    <DatePicker
                      picker="month"
                      format={MONTH}
                      style={{ width: '100%' }}
                      placeholder={t('cadres.resumeNow')}
                      aria-label={entryLabel(t('field.toMonth'), n)}
                      title={t('cadreForm.resumeToHint')}
                    />
                  </Form.Item>,
                )}
                {cell(
                  '2 1 200px',
                  <Form.Item
                    name={[field.name, 'unitName']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        min: 2,
                        max: 100,
                        message: t('cadreForm.resumeUnitRequired', { n }),
                      },
                    ]}
                  >
                    <Input
                      maxLength={100}
                      placeholder={t('cadres.rel.unit')}
                      aria-label={entryLabel(t('cadres.rel.unit'), n)}
                    />
                  </Form.Item>,
                )}
                {cell(
                  '1 1 140px',
                  <Form.Item
                    name={[field.name, 'position']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        max: 60,
                        message: t('cadreForm.resumePositionRequired', { n }),
                      },
                    ]}
                  >
                    <Input
                      maxLength={60}
                      placeholder={t('cadres.rel.position')}
                      aria-label={entryLabel(t('cadres.rel.position'), n)}
                    />
                  </Form.Item>,
                )}
                <EntryButtons
                  index={index}
                  count={fields.length}
                  move={move}
                  remove={() => remove(field.name)}
                />
              </Flex>
            );
          })}
          <AddButton onClick={() => add()}>{t('cadreForm.resumeAdd')}</AddButton>
        </>
      )}
    </Form.List>
  );
}

/** 家庭成员中的公职人员: name, relation, unit, position (optional). */
export function CadreRelativesField() {
  return (
    <Form.List name="relatives">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 ? <Empty text={t('cadreForm.relativesEmpty')} /> : null}
          {fields.map((field: FormListFieldData, index) => {
            const n = index + 1;
            return (
              <Flex key={field.key} gap={8} wrap align="flex-start" data-testid={`relative-${n}`}>
                {cell(
                  '1 1 120px',
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        max: 30,
                        message: t('cadreForm.relativeNameRequired', { n }),
                      },
                    ]}
                  >
                    <Input
                      maxLength={30}
                      placeholder={t('cadres.rel.name')}
                      aria-label={entryLabel(t('cadres.rel.name'), n)}
                    />
                  </Form.Item>,
                )}
                {cell(
                  '1 1 120px',
                  <Form.Item
                    name={[field.name, 'relation']}
                    rules={[{ required: true, message: t('cadreForm.relativeRelationRequired', { n }) }]}
                  >
                    <Select
                      options={relationOptions}
                      placeholder={t('cadres.rel.relation')}
                      aria-label={entryLabel(t('cadres.rel.relation'), n)}
                    />
                  </Form.Item>,
                )}
                {cell(
                  '2 1 200px',
                  <Form.Item
                    name={[field.name, 'unitName']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        min: 2,
                        max: 100,
                        message: t('cadreForm.relativeUnitRequired', { n }),
                      },
                    ]}
                  >
                    <Input
                      maxLength={100}
                      placeholder={t('cadres.rel.unit')}
                      aria-label={entryLabel(t('cadres.rel.unit'), n)}
                    />
                  </Form.Item>,
                )}
                {cell(
                  '1 1 140px',
                  <Form.Item name={[field.name, 'position']}>
                    <Input
                      maxLength={60}
                      placeholder={`${t('cadres.rel.position')}（${t('cadreForm.optional')}）`}
                      aria-label={entryLabel(t('cadres.rel.position'), n)}
                    />
                  </Form.Item>,
                )}
                <EntryButtons index={index} count={fields.length} remove={() => remove(field.name)} />
              </Flex>
            );
          })}
          <AddButton onClick={() => add()}>{t('cadreForm.relativeAdd')}</AddButton>
        </>
      )}
    </Form.List>
  );
}
