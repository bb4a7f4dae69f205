import { zAuditPage, zAuditQuery } from '../../common/audit/audit.schema.js';
import { actorOf } from '../core/access.js';
import { csvCell } from '../core/csv.js';
import type { AppInstance } from '../core/http.js';
import * as service from './audit.service.js';
import { record, whoOf } from './audit.service.js';

const HEADER = [
  '序号',
  '时间（UTC）',
  '操作人',
  '操作',
  '对象类型',
  '对象编号',
  '结果',
  '来源 IP',
  '变更内容',
];

export function registerAuditRoutes(app: AppInstance): void {
  app.get(
    '/api/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志',
        querystring: zAuditQuery,
        response: { 200: zAuditPage },
      },
    },
    async (request) => service.list(app.ctx, request.query),
  );

  app.get(
    '/api/audit/export',
    {
      config: { action: 'audit.export' },
      schema: {
        tags: ['audit'],
        summary: '导出审计日志（CSV）',
        querystring: zAuditQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const lines = [`\uFEFF${HEADER.map(csvCell).join(',')}`];
      let n = 0;
      for await (const e of service.exportRows(app.ctx, request.query)) {
        lines.push(
          [
            e.seq,
            e.at,
            e.actorName,
            e.action,
            e.objectType,
            e.objectId,
            e.result,
            e.ip,
            e.diff ? JSON.stringify(e.diff) : '',
          ]
            .map(csvCell)
            .join(','),
        );
        n += 1;
      }
      await record(app.ctx, whoOf(actor), {
        action: 'audit.export',
        objectType: 'audit_log',
        diff: { rows: { to: n }, filter: { to: JSON.stringify(request.query) } },
      });
      const stamp = app.ctx.clock.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
        .send(`${lines.join('\r\n')}\r\n`);
    },
  );
}
