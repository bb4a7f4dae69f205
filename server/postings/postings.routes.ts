import type { z } from 'zod';
import { zIdParams } from '../../common/http/ids.schema.js';
import { POSTING_ACTIONS, type PostingMove } from '../../common/postings/posting-moves.js';
import {
  zPostingDetail,
  zPostingExtend,
  zPostingHandover,
  zPostingListQuery,
  zPostingMoveBody,
  zPostingPage,
  zPostingRecall,
} from '../../common/postings/postings.schema.js';
import { actorOf } from '../core/access.js';
import type { Actor } from '../core/context.js';
import type { AppInstance } from '../core/http.js';
import * as service from './postings.service.js';

export function registerPostingRoutes(app: AppInstance): void {
  const tags = ['postings'];
  app.get(
    '/api/postings',
    {
      config: { action: 'postings.read' },
      schema: { tags, summary: '挂职列表', querystring: zPostingListQuery, response: { 200: zPostingPage } },
    },
    async (request) => service.list(app.ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/postings/:id',
    {
      config: { action: 'postings.read' },
      schema: {
        tags,
        summary: '挂职详情（含状态时间线与可执行的操作）',
        params: zIdParams,
        response: { 200: zPostingDetail },
      },
    },
    async (request) => service.get(app.ctx, actorOf(request), request.params.id),
  );

  const moves: {
    [M in PostingMove]: {
      summary: string;
      body: z.ZodType;
      // biome-ignore lint/suspicious/noExplicitAny: each body schema matches its service's values
      run: (actor: Actor, id: string, values: any) => Promise<object>;
    };
  } = {
    handover: {
      summary: '对接到岗：记录实际到岗日期和分工（接收单位）',
      body: zPostingHandover,
      run: (actor, id, v) => service.handover(app.ctx, actor, id, v),
    },
    extend: {
      summary: '延期：批准新的期满日期（组织部）',
      body: zPostingExtend,
      run: (actor, id, v) => service.extend(app.ctx, actor, id, v),
    },
    end: {
      summary: '期满',
      body: zPostingMoveBody,
      run: (actor, id, v) => service.end(app.ctx, actor, id, v),
    },
    return: {
      summary: '返回派出单位',
      body: zPostingMoveBody,
      run: (actor, id, v) => service.returned(app.ctx, actor, id, v),
    },
    recall: {
      summary: '提前召回：征求派出单位意见后由组织部批准',
      body: zPostingRecall,
      run: (actor, id, v) => service.recall(app.ctx, actor, id, v),
    },
    terminate: {
      summary: '终止挂职（组织部）',
      body: zPostingMoveBody,
      run: (actor, id, v) => service.terminate(app.ctx, actor, id, v),
    },
  };
  for (const [name, m] of Object.entries(moves) as [PostingMove, (typeof moves)[PostingMove]][]) {
    app.post(
      `/api/postings/:id/${name}`,
      {
        config: { action: POSTING_ACTIONS[name].action },
        schema: {
          tags,
          summary: m.summary,
          params: zIdParams,
          body: m.body,
          response: { 200: zPostingDetail },
        },
      },
      async (request) => m.run(actorOf(request), request.params.id, request.body) as never,
    );
  }
}
