import { type MatchExtended, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { MIN_PASSWORD_LENGTH } from "~/modules/org/user-rules";

/**
 * What a new password must be (docs/decisions/0010b-password-policy.md): long enough, no control
 * characters, not the username, not one character repeated, and hard to guess by zxcvbn-ts's
 * estimate (score ≥ 3: about 10^8 guesses) against its common-password lists plus the pinyin
 * and number patterns people here actually use. Messages are Chinese and say what to change.
 */
export const MAX_PASSWORD_LENGTH = 200;
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

const PATTERN_ZH: Record<string, string> = {
  dictionary: "含有常见密码、拼音词或姓名",
  repeat: "含有重复的字符或片段",
  sequence: "含有连续的字母或数字（如 123456、abcdef）",
  spatial: "含有键盘上相邻的按键（如 qwerty、1qaz）",
  date: "含有日期或年份",
  regex: "含有年份",
  bruteforce: "太短或太简单",
};

// Control characters (NUL, line breaks, tabs, DEL…) cannot be typed reliably and break logs.
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const MOBILE = /1[3-9]\d{9}/;

/** null if the password may be set, or a Chinese message saying what is wrong with it. */
export function passwordProblem(
  password: string,
  context: { username?: string; displayName?: string } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 位`;
  if (password.length > MAX_PASSWORD_LENGTH) return `密码最多 ${MAX_PASSWORD_LENGTH} 位`;
  if (CONTROL.test(password)) return "密码不能包含控制字符（如空字符、换行、制表符）";
  if (password.trim().length === 0) return "密码不能全是空格";
  const lower = password.toLowerCase();
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) return "密码不能包含用户名";
  if (new Set(password).size < 4) return "密码不能由少数几个字符重复组成";
  if (MOBILE.test(password)) return "密码不能含有手机号";
  const inputs = [context.username, context.displayName].filter((v): v is string => !!v);
  const result = estimator().check(password.slice(0, 64), inputs);
  if (result.score >= MIN_SCORE) return null;
  const reasons = [
    ...new Set(
      (result.sequence as MatchExtended[])
        .map((m) => PATTERN_ZH[m.pattern])
        .filter((r): r is string => !!r && r !== PATTERN_ZH.bruteforce),
    ),
  ];
  const why = reasons.length > 0 ? `（${reasons.join("；")}）` : "";
  return `密码太容易被猜中${why}。请用更长的、不常见的组合，例如三四个不相关的词加数字和符号。`;
}
