//! Numbers with units that are not topic figures: distances (200多公里外,
//! 距北京100公里, any length nothing is built along), durations counted in
//! 个 (20个工作日), counts of product models or kinds (100多款, 20多个原料药
//! 品种), and ranks (前10名, 排名前三位).

use super::Found;
use crate::text::chars::is_clause_break;
use crate::text::cues::starts_with_at;

/// Words before a length that make it a distance (距北京192公里, 北京向南
/// 100多公里, 车程约80公里).
const DISTANCE_BEFORE: &[&str] = &[
    "距", "离", "相距", "距离", "相隔", "车程", "向南", "向北", "向东", "向西", "以南", "以北",
    "以东", "以西", "半径", "直线",
];
/// Words after a length that make it a distance (200多公里外, 40公里处).
const DISTANCE_AFTER: &[&str] = &["外", "处", "之外", "以外", "远", "开外", "之遥", "范围"];
/// Words that make a length something built or run (新建城际铁路56公里,
/// 全长1500米): without one, a length is a distance (140公里，41分钟) or a
/// size (3米见方).
const LENGTH_WORDS: &[&str] = &[
    "新建",
    "建成",
    "修建",
    "建设",
    "改造",
    "铺设",
    "通车",
    "开通",
    "里程",
    "全长",
    "总长",
    "长度",
    "长约",
    "长达",
    "延伸",
    "铁路",
    "公路",
    "高速",
    "管网",
    "管道",
    "管线",
    "线路",
    "岸线",
    "河道",
    "绿道",
    "轨道",
    "地铁",
    "城际",
    "道路",
    "治理",
    "整治",
    "堤",
    "廊道",
    "断头路",
    "车道",
    "打通",
    "慢行",
    "修复",
    "巡检",
];
/// Nouns counted in 个 that are kinds of product (20多个原料药品种).
const PRODUCT_NOUNS: &[&str] = &["品种", "型号", "车型", "规格", "系列"];
/// Nouns counted in 个 that are spans of time (20个工作日).
const DURATION_NOUNS: &[&str] = &[
    "工作日",
    "交易日",
    "自然日",
    "星期",
    "礼拜",
    "季度",
    "年头",
    "钟头",
    "昼夜",
    "日夜",
];
/// Words before a count that make it a rank (前10名, 排名前10位, 位列前三).
const RANK_BEFORE: &[&str] = &["前", "排名", "排在", "位列", "位居", "名列", "跻身"];

/// The clause before `at`, back to a clause break, `floor` or 30 characters.
pub(super) fn clause_before(chars: &[char], at: usize, floor: usize) -> String {
    let mut a = at;
    while a > floor && at - a < 30 && !is_clause_break(chars[a - 1]) {
        a -= 1;
    }
    chars[a..at].iter().collect()
}

/// Is the number with a unit at `f` one of the kinds that are not figures?
pub(super) fn not_a_figure(chars: &[char], f: &Found, floor: usize) -> bool {
    let (start, end) = (f.start as usize, f.end as usize);
    let before = clause_before(chars, start, floor);
    let before_num = clause_before(chars, f.num_start as usize, floor);
    match f.unit {
        "公里" | "米" => {
            DISTANCE_BEFORE.iter().any(|w| before.contains(w))
                || DISTANCE_AFTER.iter().any(|w| starts_with_at(chars, end, w))
                || !LENGTH_WORDS.iter().any(|w| before.contains(w))
        }
        "个" => {
            DURATION_NOUNS.iter().any(|w| starts_with_at(chars, end, w))
                || product_count(chars, end)
                || ranked(chars, f, &before_num)
        }
        // Models and products (推出100多款新车型).
        "款" => true,
        "名" | "位" | "家" => ranked(chars, f, &before_num),
        _ => false,
    }
}

/// 20多个原料药品种: kinds of product, within a few characters after 个.
fn product_count(chars: &[char], end: usize) -> bool {
    let mut b = end;
    while b < chars.len() && b - end < 8 && !is_clause_break(chars[b]) {
        b += 1;
    }
    let after: String = chars[end..b].iter().collect();
    PRODUCT_NOUNS.iter().any(|w| after.contains(w))
}

/// 前10名, 排名前三位, 500强: a rank, not a count. Not 目前/此前 (at present,
/// before that), which end in 前 too.
fn ranked(chars: &[char], f: &Found, before_num: &str) -> bool {
    const NOT_RANK: &[&str] = &[
        "目前", "此前", "之前", "当前", "以前", "年前", "日前", "提前", "空前", "事前", "眼前",
        "面前",
    ];
    let rank_word = RANK_BEFORE.iter().any(|w| {
        before_num.ends_with(w) && !(*w == "前" && NOT_RANK.iter().any(|n| before_num.ends_with(n)))
    });
    rank_word || starts_with_at(chars, f.end as usize, "强")
}

#[cfg(all(test, feature = "segment"))]
mod tests {
    use crate::extract::analyze::document_from_text;

    fn raws(text: &str) -> Vec<String> {
        document_from_text(text)
            .figures
            .into_iter()
            .map(|f| f.raw)
            .collect()
    }

    #[test]
    fn a_distance_from_a_place_is_not_a_figure() {
        assert!(raws("新园区距北京约120公里，从天津出发车程约80公里。").is_empty());
        assert!(raws("他的工厂搬到了300多公里外的邢台。").is_empty());
        // A length built is one.
        assert_eq!(raws("今年新建城际铁路56公里。"), ["56公里"]);
    }

    #[test]
    fn durations_models_and_ranks_are_not_figures() {
        assert!(raws("审批时间压缩到15个工作日。").is_empty());
        assert!(raws("这家车企今年推出了12款新车型。").is_empty());
        assert_eq!(
            raws("该区有13家企业进入全国前10名，还有两家跻身500强。"),
            ["13家", "两家"]
        );
        // 目前 is not a rank.
        assert_eq!(raws("园区目前18家企业已经投产。"), ["18家"]);
    }

    /// A length nothing is built along is a distance or a size.
    #[test]
    fn a_length_is_a_figure_only_when_built() {
        assert!(raws("140公里，41分钟，京保之间的距离被拉近。").is_empty());
        assert!(raws("随着3米见方的招牌落下，鞋城关门。").is_empty());
        assert_eq!(raws("这条高速公路全长86公里。"), ["86公里"]);
    }

    #[test]
    fn kinds_of_product_are_not_figures() {
        assert!(raws("园区生产抗生素等20多个原料药品种。").is_empty());
        assert_eq!(raws("园区已落地20多个医药项目。"), ["20多个"]);
    }

    /// What a figure counts is a noun phrase: the noun adjectives describe,
    /// never a place name.
    #[test]
    fn counts_is_a_noun_phrase() {
        let f = document_from_text("园区今年推出了14项含金量高、示范性强的改革举措。").figures;
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].counts, "改革举措");
        let f = document_from_text("新入驻的企业中，其中怀柔区12家。").figures;
        assert_eq!(f.len(), 1);
        assert_ne!(f[0].counts, "怀柔区");
    }
}
