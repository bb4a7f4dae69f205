import {
  zAccount,
  zAccountCreate,
  zAccountListQuery,
  zAccountPage,
  zAccountUpdate,
  zAccountWithPassword,
  zRolesUpdate,
} from '../../common/accounts/accounts.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import { whoOf } from '../audit/audit.service.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import { registerLifecycleRoutes } from '../core/routes.js';
import * as service from './accounts.service.js';

export function registerAccountRoutes(app: AppInstance): void {
  const tags = ['accounts'];

  app.get(
    '/api/accounts',
    {
      config: { action: 'accounts.read' },
      schema: { tags, summary: '账号列表', querystring: zAccountListQuery, response: { 200: zAccountPage } },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/accounts/:id',
    {
      config: { action: 'accounts.read' },
      schema: { tags, summary: '账号详情', params: zIdParams, response: { 200: zAccount } },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/accounts',
    {
      config: { action: 'accounts.create' },
      schema: {
        tags,
        summary: '新建账号（返回一次性密码）',
        body: zAccountCreate,
        response: { 201: zAccountWithPassword },
      },
    },
    async (request, reply) => {
      const created = await service.createAccount(app.ctx, whoOf(actorOf(request)), request.body);
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/api/accounts/:id',
    {
      config: { action: 'accounts.update' },
      schema: {
        tags,
        summary: '修改账号信息',
        params: zIdParams,
        body: zAccountUpdate,
        response: { 200: zAccount },
      },
    },
    async (request) => service.update(app.ctx, actorOf(request), request.params.id, request.body),
  );

  registerLifecycleRoutes(app, {
    base: '/api/accounts',
    tags,
    response: zAccount,
    activate: { action: 'accounts.activate', summaries: ['启用账号', '停用账号'] },
    deletion: { action: 'accounts.delete', summary: '删除已停用账号及其个人信息' },
    setActive: (actor, id, version, active) => service.setActive(app.ctx, actor, id, version, active),
    remove: (actor, id, version) => service.remove(app.ctx, actor, id, version),
  });

  app.put(
    '/api/accounts/:id/grants',
    {
      config: { action: 'accounts.grant' },
      schema: {
        tags,
        summary: '授予角色与数据范围',
        params: zIdParams,
        body: zRolesUpdate,
        response: { 200: zAccount },
      },
    },
    async (request) =>
      service.setGrants(
        app.ctx,
        actorOf(request),
        request.params.id,
        request.body.grants,
        request.body.version,
      ),
  );

  app.post(
    '/api/accounts/:id/reset-password',
    {
      config: { action: 'accounts.resetPassword' },
      schema: {
        tags,
        summary: '重置密码（返回一次性密码）',
        params: zIdParams,
        response: { 200: zAccountWithPassword },
      },
    },
    async (request) => service.resetPassword(app.ctx, whoOf(actorOf(request)), request.params.id),
  );

  app.post(
    '/api/accounts/:id/unlock',
    {
      config: { action: 'accounts.unlock' },
      schema: { tags, summary: '解除锁定', params: zIdParams, response: { 200: zAccount } },
    },
    async (request) => service.unlock(app.ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/accounts/:id/reset-totp',
    {
      config: { action: 'accounts.resetTotp' },
      schema: { tags, summary: '解绑动态验证码', params: zIdParams, response: { 200: zAccount } },
    },
    async (request) => service.resetTotp(app.ctx, actorOf(request), request.params.id),
  );
}
