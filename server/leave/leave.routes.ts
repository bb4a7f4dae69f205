import { zIdParams } from '../../common/http/ids.schema.js';
import {
  zLeaveDecision,
  zLeaveDetail,
  zLeaveInput,
  zLeaveListQuery,
  zLeavePage,
  zLeaveReturn,
  zLeaveRoutes,
  zLeaveRoutesInput,
  zLeaveSubstitute,
  zLeaveVersion,
} from '../../common/leave/leave.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './leave.service.js';

export function registerLeaveRoutes(app: AppInstance): void {
  const tags = ['leave'];
  app.get(
    '/api/leave',
    {
      config: { action: 'leave.read' },
      schema: {
        tags,
        summary: '请假列表（view=todo：待我审批或确认销假）',
        querystring: zLeaveListQuery,
        response: { 200: zLeavePage },
      },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/leave/:id',
    {
      config: { action: 'leave.read' },
      schema: {
        tags,
        summary: '请假详情（审批步骤、历史与可执行的操作）',
        params: zIdParams,
        response: { 200: zLeaveDetail },
      },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/leave',
    {
      config: { action: 'leave.create' },
      schema: { tags, summary: '挂职干部请假', body: zLeaveInput, response: { 200: zLeaveDetail } },
    },
    async (request) => service.create(app.ctx, actorOf(request), request.body),
  );
  app.post(
    '/api/leave/:id/withdraw',
    {
      config: { action: 'leave.withdraw' },
      schema: {
        tags,
        summary: '撤回请假（首个审批前）',
        params: zIdParams,
        body: zLeaveVersion,
        response: { 200: zLeaveDetail },
      },
    },
    async (request) => service.withdraw(app.ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/api/leave/:id/decide',
    {
      config: { action: 'leave.decide' },
      schema: {
        tags,
        summary: '审批当前步骤（同意或驳回）',
        params: zIdParams,
        body: zLeaveDecision,
        response: { 200: zLeaveDetail },
      },
    },
    async (request) => service.decide(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/leave/:id/substitute',
    {
      config: { action: 'leave.decide' },
      schema: {
        tags,
        summary: '指定代理审批人（本步骤）',
        params: zIdParams,
        body: zLeaveSubstitute,
        response: { 200: zLeaveDetail },
      },
    },
    async (request) => service.substitute(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/leave/:id/return',
    {
      config: { action: 'leave.return' },
      schema: {
        tags,
        summary: '销假（挂职干部）',
        params: zIdParams,
        body: zLeaveReturn,
        response: { 200: zLeaveDetail },
      },
    },
    async (request) => service.reportReturn(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/leave/:id/confirm-return',
    {
      config: { action: 'leave.confirmReturn' },
      schema: {
        tags,
        summary: '确认销假（接收单位）',
        params: zIdParams,
        body: zLeaveVersion,
        response: { 200: zLeaveDetail },
      },
    },
    async (request) =>
      service.confirmReturn(app.ctx, actorOf(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/programmes/:id/leave-routes',
    {
      config: { action: 'leaveRoutes.read' },
      schema: { tags, summary: '项目的请假审批路由表', params: zIdParams, response: { 200: zLeaveRoutes } },
    },
    async (request) => service.routes(app.ctx, actorOf(request), request.params.id),
  );
  app.put(
    '/api/programmes/:id/leave-routes',
    {
      config: { action: 'leaveRoutes.update' },
      schema: {
        tags,
        summary: '设置项目的请假审批路由表',
        params: zIdParams,
        body: zLeaveRoutesInput,
        response: { 200: zLeaveRoutes },
      },
    },
    async (request) => service.saveRoutes(app.ctx, actorOf(request), request.params.id, request.body),
  );
}
