import { Flex, Tag, Typography } from 'antd';
import { t } from '../../../common/i18n/index';
import { DUTY_KINDS, type Post, type PostStatus } from '../../../common/posts/posts.schema';

export type Duty = Post['duties'][number];
export type DutyKind = (typeof DUTY_KINDS)[number];

/** The areas of one kind (分管 or 协管) among a post's duties. */
export const areasOf = (duties: readonly Duty[], kind: DutyKind): string[] =>
  duties.filter((duty) => duty.kind === kind).map((duty) => duty.area);

const STATUS_COLORS: Record<PostStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
  rejected: 'error',
};

export function PostStatusTag({ status }: { status: PostStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`postStatus.${status}`)}
    </Tag>
  );
}

/** Words as tags; a grey 未填写 when there are none. */
export function TagList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">{t('posts.none')}</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {items.map((item) => (
        <Tag key={item} style={{ marginInlineEnd: 0 }}>
          {item}
        </Tag>
      ))}
    </Flex>
  );
}

/** 分管 and 协管 areas, each on its own line. */
export function DutyList({ duties }: { duties: readonly Duty[] }) {
  return (
    <Flex vertical gap={4}>
      {DUTY_KINDS.map((kind) => {
        const areas = areasOf(duties, kind);
        return areas.length > 0 ? (
          <Flex key={kind} gap={4} wrap align="center">
            <Typography.Text type="secondary">{t(`dutyKind.${kind}`)}：</Typography.Text>
            <TagList items={areas} />
          </Flex>
        ) : null;
      })}
    </Flex>
  );
}
