import type { FastifyReply } from 'fastify';
import {
  zBallot,
  zBallotCast,
  zBallotDone,
  zBallotParams,
  zDecision,
  zIssueCodes,
  zIssuedCodes,
  zOpinion,
  zPaperTally,
  zRegistrationParams,
  zRegistrationQuery,
  zResultsListQuery,
  zRoundDetail,
  zRoundInput,
  zRoundListQuery,
  zRoundMove,
  zRoundPage,
  zRoundUpdate,
  zSelfReport,
  zStats,
  zStatsQuery,
  zSubjectListQuery,
  zSubjectPage,
  zSubjectResult,
} from '../../common/assessment/assessment.schema.js';
import { XLSX_MIME } from '../../common/excel/excel.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import { sendDocument } from '../documents/documents.routes.js';
import * as ballots from './assessment.ballots.js';
import * as reports from './assessment.reports.js';
import * as service from './assessment.service.js';

const xlsx = (reply: FastifyReply, file: { name: string; content: Buffer }, ascii: string) =>
  reply
    .type(XLSX_MIME)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .send(file.content);

/** Assessment rounds, their subjects' inputs and grades, the ballot page, statistics (issue 15). */
export function registerAssessmentRoutes(app: AppInstance): void {
  const tags = ['assessment'];
  app.get(
    '/api/assessment/rounds',
    {
      config: { action: 'assessment.read' },
      schema: { tags, summary: '考核轮次列表', querystring: zRoundListQuery, response: { 200: zRoundPage } },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/assessment/rounds',
    {
      config: { action: 'assessment.manage' },
      schema: { tags, summary: '新建考核轮次（筹备）', body: zRoundInput, response: { 200: zRoundDetail } },
    },
    async (request) => service.create(app.ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/assessment/rounds/:id',
    {
      config: { action: 'assessment.read' },
      schema: {
        tags,
        summary: '考核轮次详情（覆盖的挂职、录入情况、建议等次、评定）',
        params: zIdParams,
        response: { 200: zRoundDetail },
      },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );
  app.put(
    '/api/assessment/rounds/:id',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        summary: '修改考核轮次（权重、规则、期限）',
        params: zIdParams,
        body: zRoundUpdate,
        response: { 200: zRoundDetail },
      },
    },
    async (request) => service.update(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/assessment/rounds/:id/move',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        summary: '考核轮次状态变更（筹备→进行中→评定→已公布）',
        params: zIdParams,
        body: zRoundMove,
        response: { 200: zRoundDetail },
      },
    },
    async (request) => service.move(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/assessment/rounds/:id/ballot-codes',
    {
      config: { action: 'assessment.ballots' },
      schema: {
        tags,
        summary: '发放民主测评码（接收单位）',
        params: zIdParams,
        body: zIssueCodes,
        response: { 200: zIssuedCodes },
      },
    },
    async (request) => ballots.issueCodes(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/assessment/subjects',
    {
      config: { action: 'assessment.read' },
      schema: {
        tags,
        summary: '考核对象与结果（派出单位的干部、本人）',
        querystring: zSubjectListQuery,
        response: { 200: zSubjectPage },
      },
    },
    async (request) => service.listSubjects(app.ctx, actorOf(request), request.query),
  );
  app.put(
    '/api/assessment/subjects/:id/self-report',
    {
      config: { action: 'assessment.selfReport' },
      schema: {
        tags,
        summary: '提交述职报告（挂职干部）',
        params: zIdParams,
        body: zSelfReport,
        response: { 200: zSubjectResult },
      },
    },
    async (request) => service.saveSelfReport(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/assessment/subjects/:id/opinion',
    {
      config: { action: 'assessment.opinion' },
      schema: {
        tags,
        summary: '填写接收单位或派出单位意见与建议等次',
        params: zIdParams,
        body: zOpinion,
        response: { 200: zSubjectResult },
      },
    },
    async (request) => service.saveOpinion(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/assessment/subjects/:id/paper-tally',
    {
      config: { action: 'assessment.ballots' },
      schema: {
        tags,
        summary: '录入纸质民主测评票数（接收单位）',
        params: zIdParams,
        body: zPaperTally,
        response: { 200: zSubjectResult },
      },
    },
    async (request) => service.savePaperTally(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/api/assessment/subjects/:id/decision',
    {
      config: { action: 'assessment.manage' },
      schema: {
        tags,
        summary: '确定考核等次或标记不定等次（组织部）',
        params: zIdParams,
        body: zDecision,
        response: { 200: zSubjectResult },
      },
    },
    async (request) => service.decide(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/ballots/:code',
    {
      config: { action: 'assessment.ballotRead' },
      schema: {
        tags,
        summary: '民主测评票（凭测评码，无需登录）',
        params: zBallotParams,
        response: { 200: zBallot },
      },
    },
    async (request) => ballots.ballot(app.ctx, request.params.code, request.ip),
  );
  app.post(
    '/api/ballots/:code',
    {
      config: { action: 'assessment.ballotCast' },
      schema: {
        tags,
        summary: '投出民主测评票（一码一次）',
        params: zBallotParams,
        body: zBallotCast,
        response: { 200: zBallotDone },
      },
    },
    async (request) => ballots.cast(app.ctx, request.params.code, request.body, request.ip),
  );
  app.get(
    '/api/assessment/stats',
    {
      config: { action: 'assessment.stats' },
      schema: {
        tags,
        summary: '考核统计（按轮次或批次）',
        querystring: zStatsQuery,
        response: { 200: zStats },
      },
    },
    async (request) => reports.stats(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/assessment/stats/export',
    {
      config: { action: 'assessment.stats' },
      schema: { tags, summary: '导出考核统计（.xlsx）', querystring: zStatsQuery },
    },
    async (request, reply) =>
      xlsx(
        reply,
        await reports.statsWorkbook(app.ctx, actorOf(request), request.query),
        'assessment-stats.xlsx',
      ),
  );
  app.get(
    '/api/batches/:id/assessment-honours',
    {
      config: { action: 'assessment.stats' },
      schema: { tags, summary: '优秀挂职干部名单（表彰名单，.xlsx）', params: zIdParams },
    },
    async (request, reply) =>
      xlsx(
        reply,
        await reports.honoursWorkbook(app.ctx, actorOf(request), request.params.id),
        'honours.xlsx',
      ),
  );
  // the dossier forms (issue 15 line 5): from the round as the caller sees it
  app.get(
    '/api/assessment/rounds/:id/registration/:postingId',
    {
      config: { action: 'assessment.read' },
      schema: {
        tags,
        summary: '挂职干部考核登记表（format=docx 下载；preview 转换并返回页数；page&page=N 第 N 页 PNG）',
        params: zRegistrationParams,
        querystring: zRegistrationQuery,
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await reports.registrationDocument(
          app.ctx,
          actorOf(request),
          request.params.id,
          request.params.postingId,
          request.query,
        ),
      ),
  );
  app.get(
    '/api/assessment/rounds/:id/results-list',
    {
      config: { action: 'assessment.read' },
      schema: {
        tags,
        summary: '考核结果汇总表（format=docx / xlsx 下载；preview 页数；page 第 N 页 PNG）',
        params: zIdParams,
        querystring: zResultsListQuery,
      },
    },
    async (request, reply) =>
      sendDocument(
        reply,
        await reports.resultsDocument(app.ctx, actorOf(request), request.params.id, request.query),
      ),
  );
}
