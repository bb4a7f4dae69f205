import { zVersionBody } from '../../common/http/bodies.schema.js';
import { zIdParams } from '../../common/http/ids.schema.js';
import {
  zEligibilityCheck,
  zEligibilityResult,
  zNominationInput,
  zNominationListQuery,
  zNominationReview,
  zNominationView,
  zNominationViewPage,
} from '../../common/nominations/nominations.schema.js';
import { actorOf } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './nominations.service.js';

export function registerNominationRoutes(app: AppInstance): void {
  const tags = ['nominations'];
  app.get(
    '/api/nominations',
    {
      config: { action: 'nominations.read' },
      schema: {
        tags,
        summary: '推荐列表',
        querystring: zNominationListQuery,
        response: { 200: zNominationViewPage },
      },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/nominations/:id',
    {
      config: { action: 'nominations.read' },
      schema: { tags, summary: '推荐详情', params: zIdParams, response: { 200: zNominationView } },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/nominations/check',
    {
      config: { action: 'nominations.create' },
      schema: {
        tags,
        summary: '资格预审（不保存）',
        body: zEligibilityCheck,
        response: { 200: zEligibilityResult },
      },
    },
    async (request) => service.check(app.ctx, actorOf(request), request.body),
  );
  app.post(
    '/api/nominations',
    {
      config: { action: 'nominations.create' },
      schema: {
        tags,
        summary: '推荐干部（不符合条件时须填写理由）',
        body: zNominationInput,
        response: { 201: zNominationView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.nominate(app.ctx, actorOf(request), request.body)),
  );
  app.post(
    '/api/nominations/:id/review',
    {
      config: { action: 'nominations.review' },
      schema: {
        tags,
        summary: '组织部同意或不同意',
        params: zIdParams,
        body: zNominationReview,
        response: { 200: zNominationView },
      },
    },
    async (request) => service.review(app.ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/nominations/:id/withdraw',
    {
      config: { action: 'nominations.withdraw' },
      schema: {
        tags,
        summary: '派出单位撤回推荐',
        params: zIdParams,
        body: zVersionBody,
        response: { 200: zNominationView },
      },
    },
    async (request) => service.withdraw(app.ctx, actorOf(request), request.params.id, request.body.version),
  );
}
