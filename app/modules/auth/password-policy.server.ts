import { type MatchExtended, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import type { TFunction } from "i18next";
import { DEFAULT_LNG } from "~/modules/i18n/config";
import { fixedT } from "~/modules/i18n/i18n.server";
import { MAX_PASSWORD_LENGTH_CHARS, MIN_PASSWORD_LENGTH } from "~/modules/org/user-rules";

/**
 * What a new password must be (docs/decisions/0010b-password-policy.md): long enough, no control
 * characters, not the username, not one character repeated, and hard to guess by zxcvbn-ts's
 * estimate (score ≥ 3: about 10^8 guesses) against its common-password lists plus the pinyin
 * and number patterns people here actually use. Messages say what to change.
 */
export const MAX_PASSWORD_LENGTH = MAX_PASSWORD_LENGTH_CHARS;
export const MIN_SCORE = 3;

/** Pinyin words and digit habits common in Chinese passwords, and this project's own names. */
const CHINESE_PATTERNS = [
  // the project, the bureau, the place, the roles
  "yanshou",
  "yanshouxitong",
  "dejiang",
  "dejiangxian",
  "guizhou",
  "tongren",
  "zhujianju",
  "zhujian",
  "jianli",
  "shigong",
  "sheji",
  "jianshe",
  "jiedao",
  "laojiu",
  "xiaoqu",
  "laojiuxiaoqu",
  "gaizao",
  "gongcheng",
  "zhiliang",
  "zhengheng",
  "anquan",
  "admin",
  // words and phrases
  "woaini",
  "woaiwojia",
  "aini",
  "nihao",
  "mima",
  "mimamima",
  "zhongguo",
  "beijing",
  "shanghai",
  "xiexie",
  "kuaile",
  "xingfu",
  "pingan",
  "shunli",
  "facai",
  "qwerasdf",
  "aaaaaa",
  "woshishui",
  "laopo",
  "laogong",
  "baobei",
  "tiantian",
  "wangluo",
  "diannao",
  "shouji",
  "zhanghao",
  // common surnames in pinyin (a password that is a name plus a birthday is the commonest kind)
  "zhang",
  "wang",
  "li",
  "liu",
  "chen",
  "yang",
  "zhao",
  "huang",
  "zhou",
  "wu",
  "xu",
  "sun",
  "hu",
  "zhu",
  "gao",
  "lin",
  "he",
  "guo",
  "ma",
  "luo",
  "liang",
  "song",
  "zheng",
  "xie",
  "han",
  "tang",
  "feng",
  "yu",
  "dong",
  "xiao",
  "cheng",
  "cao",
  "yuan",
  "deng",
  "fu",
  "shen",
  "zeng",
  "peng",
  "lv",
  "su",
  "lu",
  "jiang",
  "cai",
  "jia",
  "ding",
  "wei",
  "xue",
  "ye",
  "yan",
  "pan",
  "du",
  "dai",
  "xia",
  "zhong",
  "tian",
  "ren",
  "jiang",
  "fan",
  "fang",
  "shi",
  "yao",
  "tan",
  "liao",
  "zou",
  // digit habits: 我爱你 (520), 一生一世 (1314), keypad runs
  "520",
  "5201314",
  "1314520",
  "1314",
  "521",
  "147258",
  "147258369",
  "159357",
  "741852963",
  "123321",
  "112233",
  "666666",
  "888888",
  "168168",
  "518518",
  "7758521",
];

let factory: ZxcvbnFactory | undefined;
function estimator() {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, chinese: CHINESE_PATTERNS },
    graphs: adjacencyGraphs,
  });
  return factory;
}

const REASONS = ["dictionary", "repeat", "sequence", "spatial", "date", "regex"] as const;
type Reason = (typeof REASONS)[number];
const isReason = (p: string): p is Reason => (REASONS as readonly string[]).includes(p);

const CONTROL = /[\p{Cc}\p{Cf}]/u;
const MOBILE = /1[3-9]\d{9}/;

/**
 * null if the password may be set, or a message in the language of `t` (Chinese by default)
 * saying what is wrong with it.
 */
export function passwordProblem(
  password: string,
  context: { username?: string; displayName?: string } = {},
  t: TFunction = fixedT(DEFAULT_LNG),
): string | null {
  const say = (key: string, params: Record<string, unknown> = {}) =>
    (t as unknown as (k: string, p: object) => string)(`auth:password.${key}`, params);
  if (password.length < MIN_PASSWORD_LENGTH) return say("tooShort", { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) return say("tooLong", { max: MAX_PASSWORD_LENGTH });
  if (CONTROL.test(password)) return say("control");
  if (password.trim().length === 0) return say("blank");
  const lower = password.toLowerCase();
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) return say("username");
  if (new Set(password).size < 4) return say("fewCharacters");
  if (MOBILE.test(password)) return say("mobile");
  const inputs = [context.username, context.displayName].filter((v): v is string => !!v);
  const result = estimator().check(password.slice(0, 64), inputs);
  if (result.score >= MIN_SCORE) return null;
  const reasons = [
    ...new Set((result.sequence as MatchExtended[]).map((m) => m.pattern).filter(isReason)),
  ].map((r) => say(`reasons.${r}`));
  const why = reasons.length > 0 ? say("why", { reasons: reasons.join(say("separator")) }) : "";
  return say("guessable", { why });
}
