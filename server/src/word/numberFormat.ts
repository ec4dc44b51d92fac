/**
 * One number in one of Word's number formats (`w:numFmt`, ECMA-376 §17.18.59),
 * as Word draws it in front of a numbered paragraph.
 */

/** `text`: the number as drawn; `exact` false when the format has no form for it and decimal stands in. */
export interface FormattedNumber {
  text: string;
  exact: boolean;
}

const IDEOGRAPH_DIGITS = '〇一二三四五六七八九';
const CHINESE_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const TRADITIONAL_LEGAL_DIGITS = '零壹貳參肆伍陸柒捌玖';
const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
/** 甲乙丙…: the ten heavenly stems. */
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
/** 子丑寅…: the twelve earthly branches. */
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

interface Units {
  digits: string;
  ten: string;
  hundred: string;
  thousand: string;
  myriad: string;
  /** 十一, not 一十一: the spoken form drops the one before a leading ten. */
  bareTen: boolean;
}

const CHINESE_COUNTING: Units = { digits: '零一二三四五六七八九', ten: '十', hundred: '百', thousand: '千', myriad: '万', bareTen: true };
const TAIWANESE_COUNTING: Units = { ...CHINESE_COUNTING, myriad: '萬' };
const CHINESE_LEGAL: Units = { digits: CHINESE_LEGAL_DIGITS, ten: '拾', hundred: '佰', thousand: '仟', myriad: '万', bareTen: false };
const TRADITIONAL_LEGAL: Units = { digits: TRADITIONAL_LEGAL_DIGITS, ten: '拾', hundred: '佰', thousand: '仟', myriad: '萬', bareTen: false };

/** Formats drawn from a closed set of characters: past its end Word falls back to decimal (§17.18.59). */
const ENCLOSED: Readonly<Record<string, { first: number; count: number }>> = {
  decimalEnclosedCircle: { first: 0x2460, count: 20 }, // ①
  decimalEnclosedCircleChinese: { first: 0x2460, count: 20 },
  decimalEnclosedParen: { first: 0x2474, count: 20 }, // ⑴
  decimalEnclosedFullstop: { first: 0x2488, count: 20 }, // ⒈
  ideographEnclosedCircle: { first: 0x3220, count: 10 }, // ㈠
};

/**
 * `value` in `format`; undefined when the format is one this import does not
 * draw (scripts a Chinese draft does not use, spelt-out English words).
 * `bullet` is not a number and is not handled here.
 */
export function formatNumber(value: number, format: string): FormattedNumber | undefined {
  const exact = (text: string): FormattedNumber => ({ text, exact: true });
  const decimal = { text: String(value), exact: false };
  if (format === 'none') return exact('');
  if (value < 0 || !Number.isSafeInteger(value)) return decimal;
  const enclosed = ENCLOSED[format];
  if (enclosed) return value >= 1 && value <= enclosed.count ? exact(String.fromCodePoint(enclosed.first + value - 1)) : exact(String(value));
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return exact(String(value));
    case 'decimalZero':
      return exact(value < 10 ? `0${value}` : String(value));
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return exact(digitwise(value, FULL_WIDTH_DIGITS));
    case 'numberInDash':
      return exact(`- ${value} -`);
    case 'upperRoman':
    case 'lowerRoman': {
      if (value < 1 || value > 3999) return decimal;
      const roman = toRoman(value);
      return exact(format === 'upperRoman' ? roman : roman.toLowerCase());
    }
    case 'upperLetter':
    case 'lowerLetter': {
      if (value < 1) return decimal;
      // Word repeats the letter past Z (AA, BB…), it does not count in base 26.
      const letter = String.fromCharCode(0x41 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
      return letter.length > 8 ? decimal : exact(format === 'upperLetter' ? letter : letter.toLowerCase());
    }
    case 'ordinal':
      return exact(`${value}${ordinalSuffix(value)}`);
    case 'chineseCounting':
    case 'taiwaneseCounting':
      // Tens read as words (十一, 二十); from a hundred on, digit by digit (一〇〇).
      if (value < 100) return exact(value < 10 ? IDEOGRAPH_DIGITS[value] : grouped(value, CHINESE_COUNTING));
      return exact(digitwise(value, IDEOGRAPH_DIGITS));
    case 'chineseCountingThousand':
      return value === 0 ? exact('〇') : value < 1e8 ? exact(grouped(value, CHINESE_COUNTING)) : decimal;
    case 'taiwaneseCountingThousand':
      return value === 0 ? exact('〇') : value < 1e8 ? exact(grouped(value, TAIWANESE_COUNTING)) : decimal;
    case 'chineseLegalSimplified':
      return value === 0 ? exact('零') : value < 1e8 ? exact(grouped(value, CHINESE_LEGAL)) : decimal;
    case 'ideographLegalTraditional':
      return value === 0 ? exact('零') : value < 1e8 ? exact(grouped(value, TRADITIONAL_LEGAL)) : decimal;
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return exact(digitwise(value, IDEOGRAPH_DIGITS));
    case 'ideographTraditional':
      return value >= 1 && value <= 10 ? exact(HEAVENLY_STEMS[value - 1]) : decimal;
    case 'ideographZodiac':
      return value >= 1 && value <= 12 ? exact(EARTHLY_BRANCHES[value - 1]) : decimal;
    case 'ideographZodiacTraditional':
      // The sixty-year cycle: stem and branch advance together (甲子, 乙丑 … 癸亥).
      return value >= 1 && value <= 60 ? exact(HEAVENLY_STEMS[(value - 1) % 10] + EARTHLY_BRANCHES[(value - 1) % 12]) : decimal;
    default:
      return customFormat(value, format);
  }
}

/** Word 2010's `w:numFmt w:val="custom" w:format="001, 002, 003, ..."`, read here as `custom:001, 002, 003, ...`: zero-padded decimals. */
function customFormat(value: number, format: string): FormattedNumber | undefined {
  const padded = /^custom:(0+1)\b/.exec(format);
  if (!padded) return undefined;
  return { text: String(value).padStart(padded[1].length, '0'), exact: true };
}

function digitwise(value: number, digits: string): string {
  return [...String(value)].map((d) => digits[Number(d)]).join('');
}

function toRoman(value: number): string {
  const numerals: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = value;
  for (const [amount, numeral] of numerals) {
    for (; rest >= amount; rest -= amount) out += numeral;
  }
  return out;
}

function ordinalSuffix(value: number): string {
  if (value % 100 >= 11 && value % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}

/** 1 ≤ value < 10⁸ in counting units: 一百零一, 一千零一十, 一万零五百. */
function grouped(value: number, units: Units): string {
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  let out = high > 0 ? group(high, units) + units.myriad : '';
  if (low > 0) {
    // A gap inside the number is read as one 零: 一万零五百.
    if (high > 0 && low < 1000) out += units.digits[0];
    out += group(low, units);
  }
  if (units.bareTen && value >= 10 && value < 20) return out.slice(units.digits[1].length);
  return out;
}

/** 1 ≤ value ≤ 9999. */
function group(value: number, units: Units): string {
  const places: [number, string][] = [
    [Math.floor(value / 1000), units.thousand],
    [Math.floor(value / 100) % 10, units.hundred],
    [Math.floor(value / 10) % 10, units.ten],
    [value % 10, ''],
  ];
  let out = '';
  let gap = false;
  for (const [digit, unit] of places) {
    if (digit === 0) {
      gap = out !== '';
      continue;
    }
    if (gap) out += units.digits[0];
    gap = false;
    out += units.digits[digit] + unit;
  }
  return out;
}
