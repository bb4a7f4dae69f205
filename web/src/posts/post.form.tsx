import { Alert, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import type { RankLevel } from '../../../common/cadres/cadre-enums';
import { t } from '../../../common/i18n/index';
import { type Post, type PostValues, zPostInput } from '../../../common/posts/posts.schema';
import { postKeys } from '../api/query-keys';
import { BatchSelect } from '../common/batch-select.component';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormActions, FormFailureAlert, FormModal } from '../common/record-form.component';
import { useFetchFresh, useRecordForm } from '../common/record-form.hooks';
import { useUnitOptions } from '../units/units.api';
import { areasOf, type Duty, type DutyKind } from './post-tags.component';
import { fetchPost, useExpertiseVocabulary, useSavePost, useUnitPostLevels } from './posts.api';

interface PostFormValues {
  batchId?: string;
  unitId?: string;
  title: string;
  level?: RankLevel;
  duties: Duty[];
  expertise: string[];
  headcount?: number | null;
  notes?: string;
}

/** The form's field names are the schema's, so server field errors land on them as they are. */
const FIELDS = ['batchId', 'unitId', 'title', 'level', 'duties', 'expertise', 'headcount', 'notes'] as const;

const levelOption = (level: RankLevel) => ({ value: level, label: t(`rankLevel.${level}`) });

function toFormValues(post: Post | null): PostFormValues {
  if (!post) return { title: '', duties: [], expertise: [], headcount: 1 };
  return {
    batchId: post.batchId,
    unitId: post.unitId,
    title: post.title,
    level: post.level,
    duties: post.duties,
    expertise: post.expertise,
    headcount: post.headcount,
    notes: post.notes ?? '',
  };
}

function toContent(values: PostFormValues): Omit<PostValues, 'batchId' | 'unitId'> {
  return {
    title: values.title.trim(),
    level: values.level as RankLevel,
    duties: values.duties,
    expertise: values.expertise,
    headcount: values.headcount ?? 0,
    notes: values.notes?.trim() || null,
  };
}

export interface PostFormModalProps {
  open: boolean;
  /** The request to edit (a draft or a returned one); null to create one. */
  post: Post | null;
  onClose: () => void;
}

/** 新建岗位需求 / 编辑岗位需求 in a modal. Enter submits; server field errors appear on the fields. */
export function PostFormModal({ open, post, onClose }: PostFormModalProps) {
  return (
    <FormModal
      open={open}
      title={post ? t('posts.editTitle') : t('posts.create')}
      onClose={onClose}
      width={640}
    >
      {/* keyed so that every opening starts from the record's values */}
      <PostForm key={post?.id ?? 'new'} post={post} onClose={onClose} />
    </FormModal>
  );
}

function PostForm({ post: initial, onClose }: Omit<PostFormModalProps, 'open'>) {
  const [form] = Form.useForm<PostFormValues>();
  const save = useSavePost();
  const {
    record: post,
    attempt,
    failureProps,
    formProps,
  } = useRecordForm({
    form,
    fields: FIELDS,
    initial,
    fetchFresh: useFetchFresh<Post>(postKeys.detail, fetchPost),
    toValues: toFormValues,
    onDone: onClose,
  });
  // the receiving manager's own unit(s): the units list answers only those
  const units = useUnitOptions('', post === null);
  const unitOptions = useMemo(
    () => (units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
    [units.data],
  );
  // one unit (the usual case): chosen already
  const onlyUnit = unitOptions.length === 1 ? unitOptions[0]?.value : undefined;
  useEffect(() => {
    if (onlyUnit && !form.getFieldValue('unitId')) form.setFieldValue('unitId', onlyUnit);
  }, [form, onlyUnit]);
  // the levels this unit may ask for, the most common first (issue 11 line 5)
  const unitId = Form.useWatch('unitId', form);
  const levels = useUnitPostLevels(unitId);
  const levelOptions = useMemo(() => (levels.data?.levels ?? []).map(levelOption), [levels.data]);
  useEffect(() => {
    const allowed = levels.data?.levels;
    const current = form.getFieldValue('level') as RankLevel | undefined;
    if (allowed && current && !allowed.includes(current)) form.setFieldValue('level', undefined);
  }, [form, levels.data]);

  const submit = (values: PostFormValues) =>
    attempt(async () => {
      const content = toContent(values);
      const saved = await save.mutateAsync(
        post
          ? { id: post.id, input: content, version: post.version }
          : {
              id: null,
              input: { ...content, batchId: values.batchId ?? '', unitId: values.unitId ?? '' },
            },
      );
      return t(post ? 'posts.saved' : 'posts.created', { title: saved.title });
    });

  return (
    <Form<PostFormValues> {...formProps} onFinish={submit}>
      <FormFailureAlert {...failureProps} />
      {post?.status === 'returned' && post.reviewComment ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('posts.returnedWith', { comment: post.reviewComment })}
        />
      ) : null}
      <Form.Item
        name="batchId"
        label={t('field.batchId')}
        rules={[{ required: true, message: t('posts.field.batchRequired') }]}
      >
        <BatchSelect
          openOnly={post === null}
          disabled={post !== null}
          placeholder={t('posts.field.batchPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="unitId"
        label={t('posts.field.unit')}
        rules={[{ required: true, message: t('posts.field.unitRequired') }]}
      >
        <Select
          options={post ? [{ value: post.unitId, label: post.unitName }] : unitOptions}
          disabled={post !== null}
          loading={units.isFetching}
          placeholder={t('posts.field.unitPlaceholder')}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="title"
          label={t('field.title')}
          style={{ flex: '2 1 240px' }}
          rules={[
            { required: true, whitespace: true, message: t('posts.field.titleRequired') },
            zodRule(zPostInput.shape.title, t('posts.field.titleLength', textLimits(zPostInput.shape.title))),
          ]}
        >
          <Input
            autoFocus
            maxLength={maxLengthOf(zPostInput.shape.title)}
            autoComplete="off"
            placeholder={t('posts.field.titlePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('field.level')}
          style={{ flex: '1 1 140px' }}
          rules={[{ required: true, message: t('posts.field.levelRequired') }]}
        >
          <Select
            options={levelOptions}
            loading={levels.isFetching}
            disabled={!unitId}
            placeholder={t(unitId ? 'posts.field.levelPlaceholder' : 'posts.field.levelAfterUnit')}
          />
        </Form.Item>
        <Form.Item
          name="headcount"
          label={t('field.headcount')}
          style={{ flex: '0 1 100px' }}
          rules={[
            { required: true, message: t('posts.field.headcountRequired') },
            zodRule(zPostInput.shape.headcount, t('posts.field.headcountRange')),
          ]}
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="duties"
        label={t('field.duties')}
        extra={t('posts.field.dutiesHint')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('posts.field.dutiesRequired') },
          zodRule(zPostInput.shape.duties, t('posts.field.dutiesInvalid')),
        ]}
      >
        <DutiesInput />
      </Form.Item>
      <Form.Item
        name="expertise"
        label={t('posts.field.expertise')}
        extra={t('posts.field.expertiseHint')}
        rules={[zodRule(zPostInput.shape.expertise, t('posts.field.expertiseInvalid'))]}
      >
        <ExpertiseInput />
      </Form.Item>
      <Form.Item name="notes" label={t('field.notes')}>
        <Input.TextArea
          maxLength={maxLengthOf(zPostInput.shape.notes)}
          showCount
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
      </Form.Item>
      <FormActions onCancel={onClose} saving={save.isPending} />
    </Form>
  );
}

interface FieldProps<T> {
  id?: string;
  value?: T;
  onChange?: (value: T) => void;
  status?: '' | 'error' | 'warning';
}

/** The duties as two tag inputs, 分管 and 协管: type an area and press Enter. */
export function DutiesInput({ id, value = [], onChange, status }: FieldProps<Duty[]>) {
  const change = (kind: DutyKind, areas: string[]) => {
    const cleaned = [...new Set(areas.map((area) => area.trim()).filter(Boolean))];
    const others = value.filter((duty) => duty.kind !== kind);
    onChange?.([...others, ...cleaned.map((area) => ({ kind, area }))]);
  };
  return (
    <Flex vertical gap={8}>
      {(['in_charge', 'assist'] as const).map((kind, index) => (
        <Select
          key={kind}
          id={index === 0 ? id : undefined}
          mode="tags"
          status={status}
          value={areasOf(value, kind)}
          onChange={(areas: string[]) => change(kind, areas)}
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', '，', '、']}
          prefix={t(`dutyKind.${kind}`)}
          aria-label={t(`posts.field.${kind}`)}
          placeholder={t(`posts.field.${kind}Placeholder`)}
        />
      ))}
    </Flex>
  );
}

/** 专业特长: pick from the vocabulary (grouped by category) or type a free tag and press Enter. */
function ExpertiseInput({ id, value = [], onChange, status }: FieldProps<string[]>) {
  const vocabulary = useExpertiseVocabulary();
  const options = useMemo(() => {
    const groups = new Map<string, string[]>();
    for (const { tag, category } of vocabulary.data?.items ?? []) {
      groups.set(category, [...(groups.get(category) ?? []), tag]);
    }
    return [...groups].map(([category, tags]) => ({
      label: category,
      title: category,
      options: tags.map((tag) => ({ value: tag, label: tag })),
    }));
  }, [vocabulary.data]);
  return (
    <Select
      id={id}
      mode="tags"
      status={status}
      value={value}
      onChange={(tags: string[]) => onChange?.([...new Set(tags.map((tag) => tag.trim()).filter(Boolean))])}
      options={options}
      loading={vocabulary.isFetching}
      tokenSeparators={[',', '，', '、']}
      placeholder={t('posts.field.expertisePlaceholder')}
    />
  );
}
