// Generated press-release text in English and Korean, from a seeded random source so every bench run
// builds the same corpus. Titles vary in length (many longer than the 64-character list cut).

export type Random = () => number;

/** mulberry32: small, fast and good enough to spread words around. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
export const between = (rnd: Random, min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));

const EN = {
  actors: ['The Ministry', 'The Minister', 'The Vice Minister', 'The Joint Chiefs of Staff', 'The Defense Acquisition Agency', 'The spokesperson', 'The Army', 'The Navy', 'The Air Force', 'The Marine Corps'],
  verbs: ['announces', 'launches', 'reviews', 'signs', 'hosts', 'completes', 'expands', 'opens', 'strengthens', 'publishes'],
  objects: ['the 2026 defense budget plan', 'a joint exercise with allied forces', 'new service member welfare measures', 'the annual readiness inspection', 'a cyber security cooperation agreement', 'the reserve forces training schedule', 'a disaster relief support mission', 'the defense industry export strategy', 'housing improvements for military families', 'the results of the quarterly safety audit'],
  tails: ['in Seoul', 'with partner nations', 'for the coming fiscal year', 'after a public consultation', 'across all regional commands', 'to improve transparency', 'ahead of the summer season', 'with local governments', 'following the National Assembly review', 'under the new five-year plan'],
  words: ['readiness', 'cooperation', 'procurement', 'training', 'personnel', 'logistics', 'infrastructure', 'policy', 'budget', 'alliance', 'research', 'veterans', 'safety', 'maintenance', 'deployment', 'exercise', 'reform', 'modernization'],
};

const KO = {
  actors: ['국방부는', '장관은', '차관은', '합동참모본부는', '방위사업청은', '대변인은', '육군은', '해군은', '공군은', '해병대는'],
  verbs: ['발표했다', '추진한다', '점검했다', '체결했다', '개최했다', '완료했다', '확대한다', '개소했다', '강화한다', '공개했다'],
  objects: ['2026년도 국방예산안을', '연합 훈련 계획을', '장병 복지 개선 방안을', '연례 전투준비태세 점검을', '사이버 안보 협력 약정을', '예비군 훈련 일정을', '재난 구호 지원 임무를', '방산 수출 전략을', '군 가족 주거 개선 사업을', '분기별 안전 감사 결과를'],
  tails: ['서울에서', '우방국과 함께', '내년도 회계연도를 위해', '국민 의견 수렴을 거쳐', '전 지역 부대에서', '투명성을 높이기 위해', '하계 기간을 앞두고', '지방자치단체와 협력하여', '국회 심의에 따라', '새 5개년 계획에 따라'],
  words: ['전투준비태세', '협력', '획득', '교육훈련', '인사', '군수', '기반시설', '정책', '예산', '동맹', '연구개발', '보훈', '안전', '정비', '배치', '연습', '혁신', '현대화'],
};

function englishSentence(rnd: Random): string {
  return `${pick(rnd, EN.actors)} ${pick(rnd, EN.verbs)} ${pick(rnd, EN.objects)} ${pick(rnd, EN.tails)}.`;
}

function koreanSentence(rnd: Random): string {
  return `${pick(rnd, KO.actors)} ${pick(rnd, KO.tails)} ${pick(rnd, KO.objects)} ${pick(rnd, KO.verbs)}.`;
}

/** A title of 25 to ~150 characters: a headline, sometimes with a second clause and a topic list. */
export function title(rnd: Random, language: 'en' | 'ko', serial: number): string {
  const words = language === 'en' ? EN : KO;
  const head =
    language === 'en'
      ? `${pick(rnd, words.actors)} ${pick(rnd, words.verbs)} ${pick(rnd, words.objects)}`
      : `${pick(rnd, words.actors)} ${pick(rnd, words.objects)} ${pick(rnd, words.verbs)}`;
  const shape = rnd();
  if (shape < 0.3) return `${head} (${serial})`;
  if (shape < 0.7) return `${head} ${pick(rnd, words.tails)} (${serial})`;
  const topics = Array.from({ length: between(rnd, 2, 4) }, () => pick(rnd, words.words)).join(', ');
  return `${head} ${pick(rnd, words.tails)}: ${topics} (${serial})`;
}

export function subtitle(rnd: Random, language: 'en' | 'ko'): string[] {
  const line = language === 'en' ? englishSentence : koreanSentence;
  return Array.from({ length: between(rnd, 1, 3) }, () => line(rnd));
}

/** 4 to 8 paragraphs of 2 to 5 sentences; Korean bodies are in Hangul. */
export function body(rnd: Random, language: 'en' | 'ko'): string {
  const line = language === 'en' ? englishSentence : koreanSentence;
  const paragraphs = Array.from({ length: between(rnd, 4, 8) }, () => Array.from({ length: between(rnd, 2, 5) }, () => line(rnd)).join(' '));
  return paragraphs.join('\n\n');
}

export function tags(rnd: Random, language: 'en' | 'ko'): string[] {
  const words = language === 'en' ? EN.words : KO.words;
  return [...new Set(Array.from({ length: between(rnd, 0, 3) }, () => pick(rnd, words)))];
}

export const DEPARTMENTS = {
  en: ['Public Affairs Office', 'Defense Policy Bureau', 'Personnel Welfare Bureau', 'Resource Management Office', 'Military Health Bureau'],
  ko: ['대변인실', '국방정책실', '인사복지실', '기획조정실', '보건복지관실'],
} as const;

/**
 * The words a reader might search the corpus for, per language: the topic words and the nouns of the
 * sentence objects (Korean without the object particle), each once.
 */
export function searchVocabulary(language: 'en' | 'ko'): string[] {
  const stop = new Set(['with', 'about', 'from', 'their', 'results', 'annual', 'quarterly', 'coming', 'summer', 'season']);
  const nouns =
    language === 'en'
      ? EN.objects.flatMap((o) => o.split(' ')).filter((w) => /^[a-z]{5,}$/.test(w) && !stop.has(w))
      : KO.objects.flatMap((o) => o.replace(/[을를]$/, '').split(' ')).filter((w) => w.length >= 2 && !/\d/.test(w));
  return [...new Set([...(language === 'en' ? EN.words : KO.words), ...nouns])];
}
