/** The managed vocabulary of 专业特长, by category; cadres may also carry free tags. */
export const EXPERTISE_VOCABULARY: Record<string, string[]> = {
  经济管理: ['宏观经济', '产业规划', '招商引资', '财政金融', '国资国企', '商贸流通', '统计分析'],
  乡村振兴: ['农业技术', '农村改革', '乡村治理', '特色产业', '农产品电商', '水利工程'],
  城市建设: ['城乡规划', '建筑工程', '交通运输', '生态环境', '城市管理', '应急管理'],
  社会事业: ['教育', '医疗卫生', '文化旅游', '民政服务', '人力资源', '社会保障'],
  科技创新: ['科技管理', '信息化', '数字政府', '大数据', '人工智能', '知识产权'],
  党建政务: ['组织人事', '宣传思想', '纪检监察', '政策研究', '法律事务', '政务服务'],
};

export const EXPERTISE_TAGS: { tag: string; category: string }[] = Object.entries(
  EXPERTISE_VOCABULARY,
).flatMap(([category, tags]) => tags.map((tag) => ({ tag, category })));
