import { z } from 'zod';
import { XLSX_MIME } from '../../common/excel/excel.schema.js';
import { zOk } from '../../common/http/bodies.schema.js';
import {
  zAlternatives,
  zAlternativesQuery,
  zBatchParams,
  zBoard,
  zCandidatesQuery,
  zCompareQuery,
  zComparison,
  zConfirmBody,
  zConfirmed,
  zLock,
  zLockInput,
  zLockList,
  zLockParams,
  zMatchingSettingsUpdate,
  zMatchingSettingsView,
  zNominationParams,
  zPair,
  zPreferences,
  zPreferencesInput,
  zRun,
  zRunList,
  zRunParams,
  zRunSummary,
} from '../../common/matching/matching.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './matching.service.js';
import { failStaleRuns, stopRuns } from './runs.registry.js';
import * as runs from './runs.service.js';

const zCandidates = z.object({
  items: z.array(zPair.extend({ cadreName: z.string(), postTitle: z.string(), unitName: z.string() })),
});

export function registerMatchingRoutes(app: AppInstance): void {
  const tags = ['matching'];
  app.addHook('onClose', async () => stopRuns(app.ctx));
  // runs left `running` by a process that died mid-run are marked failed (ADR 025)
  app.addHook('onReady', async () => {
    await failStaleRuns(app.ctx).catch((error: unknown) => app.log.warn({ error }, 'stale matching runs'));
  });
  const batch = '/api/batches/:batchId/matching';

  app.get(
    batch,
    {
      config: { action: 'matching.read' },
      schema: {
        tags,
        summary: '人岗匹配看板：人选、岗位、名额、锁定和历次方案',
        params: zBatchParams,
        response: { 200: zBoard },
      },
    },
    async (request) => service.getBoard(app.ctx, actorOf(request), request.params.batchId),
  );
  app.get(
    `${batch}/candidates`,
    {
      config: { action: 'matching.read' },
      schema: {
        tags,
        summary: '一名人选的全部岗位（或一个岗位的全部人选）：匹配分、说明与排除原因',
        params: zBatchParams,
        querystring: zCandidatesQuery,
        response: { 200: zCandidates },
      },
    },
    async (request) => service.candidates(app.ctx, actorOf(request), request.params.batchId, request.query),
  );
  app.get(
    `${batch}/settings`,
    {
      config: { action: 'matching.read' },
      schema: {
        tags,
        summary: '匹配设置（权重、职级差、回避、对口与互派）',
        params: zBatchParams,
        response: { 200: zMatchingSettingsView },
      },
    },
    async (request) => service.getSettings(app.ctx, actorOf(request), request.params.batchId),
  );
  app.put(
    `${batch}/settings`,
    {
      config: { action: 'matching.settings' },
      schema: {
        tags,
        summary: '修改匹配设置',
        params: zBatchParams,
        body: zMatchingSettingsUpdate,
        response: { 200: zMatchingSettingsView },
      },
    },
    async (request) =>
      service.updateSettings(app.ctx, actorOf(request), request.params.batchId, request.body),
  );
  app.get(
    `${batch}/locks`,
    {
      config: { action: 'matching.read' },
      schema: { tags, summary: '锁定与排除的人岗', params: zBatchParams, response: { 200: zLockList } },
    },
    async (request) => service.listLocks(app.ctx, actorOf(request), request.params.batchId),
  );
  app.post(
    `${batch}/locks`,
    {
      config: { action: 'matching.run' },
      schema: {
        tags,
        summary: '锁定或排除一对人岗',
        params: zBatchParams,
        body: zLockInput,
        response: { 201: zLock },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createLock(app.ctx, actorOf(request), request.params.batchId, request.body)),
  );
  app.delete(
    '/api/matching/locks/:lockId',
    {
      config: { action: 'matching.run' },
      schema: { tags, summary: '取消锁定或排除', params: zLockParams, response: { 200: zOk } },
    },
    async (request) => {
      await service.deleteLock(app.ctx, actorOf(request), request.params.lockId);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/matching/nominations/:nominationId/preferences',
    {
      config: { action: 'matching.preferencesRead' },
      schema: {
        tags,
        summary: '推荐人选的志愿（本人与派出单位）',
        params: zNominationParams,
        response: { 200: zPreferences },
      },
    },
    async (request) => service.getPreferences(app.ctx, actorOf(request), request.params.nominationId),
  );
  app.put(
    '/api/matching/nominations/:nominationId/preferences',
    {
      config: { action: 'matching.preferences' },
      schema: {
        tags,
        summary: '填写志愿：至多三个岗位或地区，按顺序',
        params: zNominationParams,
        body: zPreferencesInput,
        response: { 200: zPreferences },
      },
    },
    async (request) =>
      service.putPreferences(app.ctx, actorOf(request), request.params.nominationId, request.body),
  );

  app.get(
    `${batch}/runs`,
    {
      config: { action: 'matching.read' },
      schema: { tags, summary: '历次匹配方案', params: zBatchParams, response: { 200: zRunList } },
    },
    async (request) => runs.listRuns(app.ctx, actorOf(request), request.params.batchId),
  );
  app.post(
    `${batch}/runs`,
    {
      config: { action: 'matching.run' },
      schema: {
        tags,
        summary: '开始一次匹配计算（后台线程，返回方案编号）',
        params: zBatchParams,
        response: { 202: zRunSummary },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await runs.startRun(app.ctx, actorOf(request), request.params.batchId)),
  );
  app.get(
    '/api/matching/runs/:runId',
    {
      config: { action: 'matching.read' },
      schema: {
        tags,
        summary: '匹配方案：进度、结果与未安排原因',
        params: zRunParams,
        response: { 200: zRun },
      },
    },
    async (request) => runs.getRun(app.ctx, actorOf(request), request.params.runId),
  );
  app.post(
    '/api/matching/runs/:runId/cancel',
    {
      config: { action: 'matching.run' },
      schema: { tags, summary: '取消计算', params: zRunParams, response: { 200: zRunSummary } },
    },
    async (request) => runs.cancelRun(app.ctx, actorOf(request), request.params.runId),
  );
  app.get(
    '/api/matching/runs/:runId/compare',
    {
      config: { action: 'matching.read' },
      schema: {
        tags,
        summary: '比较两次方案：总分、各项得分与调整的人选',
        params: zRunParams,
        querystring: zCompareQuery,
        response: { 200: zComparison },
      },
    },
    async (request) => runs.compareRuns(app.ctx, actorOf(request), request.params.runId, request.query.with),
  );
  app.get(
    '/api/matching/runs/:runId/alternatives',
    {
      config: { action: 'matching.read' },
      schema: {
        tags,
        summary: '一名人选改派到其他岗位的代价（精确重算）',
        params: zRunParams,
        querystring: zAlternativesQuery,
        response: { 200: zAlternatives },
      },
    },
    async (request) =>
      runs.alternatives(app.ctx, actorOf(request), request.params.runId, request.query.nominationId),
  );
  app.post(
    '/api/matching/runs/:runId/confirm',
    {
      config: { action: 'matching.confirm' },
      schema: {
        tags,
        summary: '确认方案：生成拟任挂职记录',
        params: zRunParams,
        body: zConfirmBody,
        response: { 200: zConfirmed },
      },
    },
    async (request) => runs.confirmRun(app.ctx, actorOf(request), request.params.runId, request.body.version),
  );
  app.get(
    '/api/matching/runs/:runId/export',
    {
      config: { action: 'matching.read' },
      schema: { tags, summary: '导出拟任名单（.xlsx）', params: zRunParams },
    },
    async (request, reply) => {
      const file = await runs.exportRun(app.ctx, actorOf(request), request.params.runId);
      return reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          `attachment; filename="proposed.xlsx"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .send(file.content);
    },
  );
}
