//! English for the words the app shows from the corpus itself: the units of
//! figures, what a figure counts, and the names of news outlets. A word the
//! glossary does not know is shown as written (a proper name or a phrase
//! quoted from the article), never guessed.

use jjj_core::text::normalize::simplify;

use crate::i18n::Lang;

/// Base units of figures (as `Figure::unit` and `Quantity::unit` write them).
const UNITS: &[(&str, &str)] = &[
    ("元", "yuan"),
    ("美元", "US dollars"),
    ("欧元", "euros"),
    ("港元", "HK dollars"),
    ("日元", "yen"),
    ("英镑", "pounds"),
    ("个百分点", "percentage points"),
    ("百分点", "percentage points"),
    ("平方公里", "km²"),
    ("平方米", "m²"),
    ("公里", "km"),
    ("米", "m"),
    ("亩", "mu"),
    ("公顷", "ha"),
    ("吨", "tonnes"),
    ("公斤", "kg"),
    ("千瓦时", "kWh"),
    ("千瓦", "kW"),
    ("兆瓦", "MW"),
    ("吉瓦", "GW"),
    ("人", "people"),
    ("名", "people"),
    ("位", "people"),
    ("人次", "person-visits"),
    ("家", "firms"),
    ("户", "households/firms"),
    ("项", "items"),
    ("个", "units"),
    ("件", "pieces"),
    ("台", "machines"),
    ("辆", "vehicles"),
    ("座", "buildings"),
    ("栋", "buildings"),
    ("套", "sets"),
    ("所", "institutions"),
    ("条", "lines"),
    ("批", "batches"),
    ("批次", "batches"),
    ("场", "events"),
    ("处", "sites"),
    ("宗", "plots"),
    ("笔", "deals"),
    ("款", "models"),
    ("架", "aircraft"),
    ("张", "sheets"),
    ("倍", "times"),
    ("成", "tenths (×10%)"),
    ("标箱", "TEU"),
];

/// A unit in the language: 元 is yuan; units with no English stay as written.
pub fn unit(u: &str, l: Lang) -> String {
    match l {
        Lang::Zh => u.to_string(),
        Lang::En => UNITS
            .iter()
            .find(|(zh, _)| *zh == u)
            .map_or_else(|| u.to_string(), |(_, en)| (*en).to_string()),
    }
}

/// Head nouns of what figures count, longest first where one ends another.
const COUNTED: &[(&str, &str)] = &[
    ("营业收入", "revenue"),
    ("主营业务收入", "revenue"),
    ("营收", "revenue"),
    ("税收", "tax revenue"),
    ("产值", "output value"),
    ("增加值", "value added"),
    ("生产总值", "GDP"),
    ("GDP", "GDP"),
    ("总投资", "total investment"),
    ("投资额", "investment"),
    ("投资", "investment"),
    ("资金", "funds"),
    ("交易额", "turnover"),
    ("成交额", "turnover"),
    ("合同额", "contract value"),
    ("进出口", "foreign trade"),
    ("出口", "exports"),
    ("进口", "imports"),
    ("企业", "firms"),
    ("公司", "companies"),
    ("商户", "merchants"),
    ("摊位", "stalls"),
    ("市场", "markets"),
    ("项目", "projects"),
    ("基本单位", "business units"),
    ("单位", "units"),
    ("机构", "institutions"),
    ("高校", "universities"),
    ("医院", "hospitals"),
    ("岗位", "jobs"),
    ("就业", "jobs"),
    ("人口", "population"),
    ("人才", "professionals"),
    ("员工", "employees"),
    ("职工", "employees"),
    ("面积", "area"),
    ("占地", "site area"),
    ("用地", "land"),
    ("土地", "land"),
    ("产能", "capacity"),
    ("产量", "output"),
    ("专利", "patents"),
    ("成果", "research results"),
    ("技术合同", "technology contracts"),
    ("车辆", "vehicles"),
    ("汽车", "cars"),
    ("增长", "growth"),
    ("比重", "share"),
    ("占比", "share"),
];

/// What a figure counts, in the language: in English the gloss of its head
/// noun with the phrase as written after it (企业 → "firms (迁入企业)"), or
/// the phrase alone when no head noun is known.
pub fn counts(phrase: &str, l: Lang) -> String {
    if l == Lang::Zh || phrase.is_empty() {
        return phrase.to_string();
    }
    // The head noun is the rightmost known word of the phrase.
    let best = COUNTED
        .iter()
        .filter_map(|(zh, en)| phrase.rfind(zh).map(|at| (at + zh.len(), zh.len(), *en)))
        .max_by_key(|&(end, len, _)| (end, len));
    match best {
        Some((_, _, en)) => format!("{en} ({phrase})"),
        None => phrase.to_string(),
    }
}

/// Periods as the news writes them, longest first where one starts another.
const PERIODS: &[(&str, &str)] = &[
    ("十一五", "11th Five-Year Plan"),
    ("十二五", "12th Five-Year Plan"),
    ("十三五", "13th Five-Year Plan"),
    ("十四五", "14th Five-Year Plan"),
    ("十五五", "15th Five-Year Plan"),
    ("前三季度", "first three quarters"),
    ("第一季度", "first quarter"),
    ("第二季度", "second quarter"),
    ("第三季度", "third quarter"),
    ("第四季度", "fourth quarter"),
    ("一季度", "first quarter"),
    ("二季度", "second quarter"),
    ("三季度", "third quarter"),
    ("四季度", "fourth quarter"),
    ("上半年", "first half"),
    ("下半年", "second half"),
    ("近年来", "recent years"),
    ("前年", "the year before last"),
    ("去年", "last year"),
    ("上年", "last year"),
    ("今年", "this year"),
    ("当年", "that year"),
    ("明年", "next year"),
    ("全年", "the whole year"),
    ("每年", "every year"),
];

/// A period in the language: in English, a known period's words (十三五 is
/// the 13th Five-Year Plan, 去年上半年 last year, first half); a period
/// with figures in it (2023年, 5月25日) or unknown words as written.
pub fn period(p: &str, l: Lang) -> String {
    if l == Lang::Zh {
        return p.to_string();
    }
    let mut rest = p;
    let mut words = Vec::new();
    while !rest.is_empty() {
        match PERIODS.iter().find(|(zh, _)| rest.starts_with(zh)) {
            Some((zh, en)) => {
                words.push(*en);
                rest = &rest[zh.len()..];
            }
            None => return p.to_string(),
        }
    }
    words.join(", ")
}

/// News outlets by their simplified Chinese names.
const OUTLETS: &[(&str, &str)] = &[
    ("人民网", "People's Daily Online"),
    ("人民日报", "People's Daily"),
    ("新华网", "Xinhuanet"),
    ("新华社", "Xinhua News Agency"),
    ("央视网", "CCTV.com"),
    ("央视新闻", "CCTV News"),
    ("中央电视台", "CCTV"),
    ("央广网", "CNR (China National Radio)"),
    ("中国新闻网", "China News Service"),
    ("中新网", "China News Service"),
    ("中新社", "China News Service"),
    ("光明网", "Guangming Online"),
    ("光明日报", "Guangming Daily"),
    ("经济日报", "Economic Daily"),
    ("中国经济网", "China Economic Net"),
    ("中国日报", "China Daily"),
    ("中国青年报", "China Youth Daily"),
    ("中国政府网", "Gov.cn"),
    ("环球时报", "Global Times"),
    ("北京日报", "Beijing Daily"),
    ("北京晚报", "Beijing Evening News"),
    ("北京青年报", "Beijing Youth Daily"),
    ("新京报", "The Beijing News"),
    ("千龙网", "Qianlong.com"),
    ("首都之窗", "Beijing Municipal Government portal"),
    ("天津日报", "Tianjin Daily"),
    ("今晚报", "Tonight News (Tianjin)"),
    ("北方网", "Enorth (Tianjin)"),
    ("河北日报", "Hebei Daily"),
    ("长城网", "Hebei Great Wall Net"),
    ("河北新闻网", "Hebei News Net"),
    ("燕赵都市报", "Yanzhao Metropolis Daily"),
    ("澎湃新闻", "The Paper"),
    ("财新", "Caixin"),
    ("第一财经", "Yicai"),
    ("21世纪经济报道", "21st Century Business Herald"),
    ("经济观察报", "The Economic Observer"),
    ("中国证券报", "China Securities Journal"),
    ("证券时报", "Securities Times"),
    ("每日经济新闻", "National Business Daily"),
    ("界面新闻", "Jiemian"),
    ("求是", "Qiushi"),
];

/// A source's name in the language: a known outlet's English name, written
/// in either script (人民網 is People's Daily Online); others as written.
pub fn source(name: &str, l: Lang) -> String {
    if l == Lang::Zh {
        return name.to_string();
    }
    let s = simplify(name);
    OUTLETS
        .iter()
        .filter(|(zh, _)| s.contains(zh))
        .max_by_key(|(zh, _)| zh.len())
        .map_or_else(|| name.to_string(), |(_, en)| (*en).to_string())
}

/// Names joined as lists are written: 、 in Chinese, a comma in English.
pub fn list<S: AsRef<str>>(items: &[S], l: Lang) -> String {
    let sep = match l {
        Lang::Zh => "、",
        Lang::En => ", ",
    };
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(sep)
}

/// "1 figure", "2 figures"; Chinese needs no plural.
pub fn count(n: usize, zh: &str, one: &str, many: &str, l: Lang) -> String {
    match l {
        Lang::Zh => format!("{n} {zh}"),
        Lang::En if n == 1 => format!("1 {one}"),
        Lang::En => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_names_units_counts_and_sources() {
        assert_eq!(unit("元", Lang::En), "yuan");
        assert_eq!(unit("个百分点", Lang::En), "percentage points");
        assert_eq!(unit("元", Lang::Zh), "元");
        assert_eq!(unit("成", Lang::En), "tenths (×10%)");
        assert_eq!(unit("怪", Lang::En), "怪");
        assert_eq!(
            counts("京津转入基本单位", Lang::En),
            "business units (京津转入基本单位)"
        );
        assert_eq!(counts("新增就业岗位", Lang::En), "jobs (新增就业岗位)");
        assert_eq!(counts("总投资", Lang::En), "total investment (总投资)");
        assert_eq!(counts("总投资", Lang::Zh), "总投资");
        assert_eq!(counts("这些", Lang::En), "这些");
        assert_eq!(period("十三五", Lang::En), "13th Five-Year Plan");
        assert_eq!(period("去年上半年", Lang::En), "last year, first half");
        assert_eq!(period("2023年", Lang::En), "2023年");
        assert_eq!(period("去年", Lang::Zh), "去年");
        assert_eq!(source("人民網", Lang::En), "People's Daily Online");
        assert_eq!(source("人民网-河北频道", Lang::En), "People's Daily Online");
        assert_eq!(source("河北日报", Lang::En), "Hebei Daily");
        assert_eq!(source("某某网", Lang::En), "某某网");
        assert_eq!(source("人民網", Lang::Zh), "人民網");
        assert_eq!(list(&["北京", "天津"], Lang::Zh), "北京、天津");
        assert_eq!(list(&["Beijing", "Tianjin"], Lang::En), "Beijing, Tianjin");
        assert_eq!(
            count(1, "项数据", "figure", "figures", Lang::En),
            "1 figure"
        );
        assert_eq!(
            count(3, "项数据", "figure", "figures", Lang::En),
            "3 figures"
        );
        assert_eq!(
            count(3, "项数据", "figure", "figures", Lang::Zh),
            "3 项数据"
        );
    }
}
