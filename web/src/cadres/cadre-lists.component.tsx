import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, type FormListFieldData, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { RELATIONS } from '../../../common/cadres/cadre-enums';
import { zRelative, zResumeEntry } from '../../../common/cadres/cadres.schema';
import { t } from '../../../common/i18n/index';
import { textLimits } from '../common/form.utils';
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

function EmptyHint({ text }: { text: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      {text}
    </Typography.Paragraph>
  );
}

interface TextCellProps {
  /** The entry's index in the Form.List and the field's name in the entry. */
  entry: number;
  name: string;
  n: number;
  label: string;
  flex: string;
  /** The shared schema of the field: its length limits. */
  schema: z.ZodType;
  /** The message when the text is missing or too long; none: the field is optional. */
  message?: string;
  placeholder?: string;
}

/** One text field of a list entry, named for screen readers "工作单位（第 1 条）". */
function TextCell({ entry, name, n, label, flex, schema, message, placeholder }: TextCellProps) {
  const { min, max } = textLimits(schema);
  return cell(
    flex,
    <Form.Item
      name={[entry, name]}
      rules={message ? [{ required: true, whitespace: true, min, max, message }] : []}
    >
      <Input maxLength={max} placeholder={placeholder ?? label} aria-label={entryLabel(label, n)} />
    </Form.Item>,
  );
}

/** 工作单位 (required) and 职务 (required when `positionMessage` is given) of a list entry. */
function UnitAndPosition({
  entry,
  n,
  entrySchema,
  unitMessage,
  positionMessage,
}: {
  entry: number;
  n: number;
  /** The entry's shared schema (a résumé entry or a relative). */
  entrySchema: typeof zResumeEntry | typeof zRelative;
  unitMessage: string;
  positionMessage?: string;
}) {
  const position = t('cadres.rel.position');
  return (
    <>
      <TextCell
        entry={entry}
        name="unitName"
        n={n}
        label={t('cadres.rel.unit')}
        flex="2 1 200px"
        schema={entrySchema.shape.unitName}
        message={unitMessage}
      />
      <TextCell
        entry={entry}
        name="position"
        n={n}
        label={position}
        flex="1 1 140px"
        schema={entrySchema.shape.position}
        message={positionMessage}
        placeholder={positionMessage ? position : `${position}（${t('cadreForm.optional')}）`}
      />
    </>
  );
}

/** 工作经历: from–to months (to empty = 至今), unit, position; add, remove, reorder. */
export function CadreResumeField() {
  return (
    <Form.List name="resume">
      {(fields, { add, remove, move }) => (
        <>
          {fields.length === 0 ? <EmptyHint text={t('cadreForm.resumeEmpty')} /> : null}
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
                <UnitAndPosition
                  entry={field.name}
                  n={n}
                  entrySchema={zResumeEntry}
                  unitMessage={t('cadreForm.resumeUnitRequired', {
                    n,
                    ...textLimits(zResumeEntry.shape.unitName),
                  })}
                  positionMessage={t('cadreForm.resumePositionRequired', {
                    n,
                    ...textLimits(zResumeEntry.shape.position),
                  })}
                />
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
          {fields.length === 0 ? <EmptyHint text={t('cadreForm.relativesEmpty')} /> : null}
          {fields.map((field: FormListFieldData, index) => {
            const n = index + 1;
            return (
              <Flex key={field.key} gap={8} wrap align="flex-start" data-testid={`relative-${n}`}>
                <TextCell
                  entry={field.name}
                  name="name"
                  n={n}
                  label={t('cadres.rel.name')}
                  flex="1 1 120px"
                  schema={zRelative.shape.name}
                  message={t('cadreForm.relativeNameRequired', { n, ...textLimits(zRelative.shape.name) })}
                />
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
                <UnitAndPosition
                  entry={field.name}
                  n={n}
                  entrySchema={zRelative}
                  unitMessage={t('cadreForm.relativeUnitRequired', {
                    n,
                    ...textLimits(zRelative.shape.unitName),
                  })}
                />
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
