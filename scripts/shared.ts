// Shared by the data generator and the benchmarks: fictional unit functions, waiting for a
// server that was just started, and calling its API.

/** Offices of a county government, for fictional unit names. */
export const FUNCTIONS = [
  '发展和改革局',
  '财政局',
  '农业农村局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水务局',
  '商务局',
  '文化广电旅游局',
  '卫生健康局',
  '应急管理局',
  '市场监督管理局',
  '乡村振兴局',
  '科学技术局',
  '教育局',
  '人力资源和社会保障局',
  '工业和信息化局',
  '政务服务中心',
  '投资促进中心',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `url` answers 2xx (a server started by a benchmark), else fails after a minute. */
export async function waitFor(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await sleep(200);
  }
  throw new Error(`${url} did not answer`);
}

/** One API call as the web app makes it (JSON, the CSRF header, the session cookie). */
export async function api(base: string, method: string, url: string, body?: object, cookie?: string) {
  const res = await fetch(base + url, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-requested-with': 'guazhi',
      ...(cookie ? { cookie } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return res;
}
