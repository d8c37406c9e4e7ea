//! Place names that the words around them show are not places: a person's
//! given name (记者谢朝阳, 王大兴说) and a district whose name is also a
//! common word (高楼峰峰拔地而起, 深水枢纽大港).

use super::{Gazetteer, PlaceHit};
use crate::text::tokens::Token;

use crate::text::chars::SURNAMES;

/// Words a person's name follows (记者谢朝阳, 局长王大兴).
const ROLES: &[&str] = &[
    "记者",
    "通讯员",
    "编辑",
    "局长",
    "主任",
    "书记",
    "经理",
    "董事长",
    "总经理",
    "市长",
    "县长",
    "区长",
    "省长",
    "主席",
    "教授",
    "院长",
    "校长",
    "厂长",
    "处长",
    "科长",
    "镇长",
    "村民",
    "摄影",
    "负责人",
    "创始人",
    "研究员",
    "工程师",
    "代表",
    "委员",
];

/// Words a person's name comes before (谢朝阳说, 王大兴表示).
const SPEECH: &[&str] = &[
    "说", "表示", "介绍", "指出", "认为", "告诉", "坦言", "透露", "强调", "称", "谈到", "回忆",
    "先生", "女士", "同志", "报道", "摄",
];

/// District names that are also common words, and what makes them a place:
/// the parent named right before (邯郸峰峰, 天津大港) or a place word after
/// (峰峰矿区, 大港地区).
const COMMON_WORDS: &[&str] = &["峰峰", "大港"];
const PLACE_WORDS_AFTER: &[&str] = &["矿区", "区", "街道", "地区", "一带", "镇", "开发区"];

/// County and district names that are also everyday words or people's names
/// (互联网大厂, 无极剑, 莲池边, 故城遗址, 南宫问天, 万全之策, 清河边上): a
/// place when the words around say so, as for [`COMMON_WORDS`], or when the
/// county sits in a list of places (三河、大厂、香河), after a verb of
/// moving or settling (落户大厂), or in an article that names its city
/// elsewhere (廊坊 … 大厂).
const WORDS_OR_NAMES: &[&str] = &[
    "大厂", "无极", "莲池", "故城", "南宫", "高阳", "清河", "沙河", "安国", "开平", "安平", "平山",
    "万全", "武安", "馆陶", "元氏", "临城", "北辰", "东光", "新河", "永年", "武强", "三河", "尚义",
    "怀安", "曲阳", "玉田", "卢龙",
];

/// Verbs after which a name is where something goes or is (落户大厂).
const TO_PLACE: &[&str] = &[
    "落户",
    "迁往",
    "迁至",
    "迁到",
    "搬到",
    "搬至",
    "搬迁到",
    "搬迁至",
    "转移到",
    "转移至",
    "位于",
    "地处",
    "来自",
    "前往",
    "赴",
    "落地",
];

fn surface<'t>(text: &'t str, tokens: &[Token], h: &PlaceHit) -> &'t str {
    let (Some(a), Some(b)) = (
        tokens.get(h.tok_start),
        tokens.get(h.tok_end.wrapping_sub(1)),
    ) else {
        return "";
    };
    text.get(a.byte_start as usize..b.byte_end as usize)
        .unwrap_or("")
}

fn before<'t>(text: &'t str, tokens: &[Token], h: &PlaceHit) -> &'t str {
    tokens
        .get(h.tok_start)
        .and_then(|a| text.get(..a.byte_start as usize))
        .unwrap_or("")
}

fn after<'t>(text: &'t str, tokens: &[Token], h: &PlaceHit) -> &'t str {
    tokens
        .get(h.tok_end.wrapping_sub(1))
        .and_then(|b| text.get(b.byte_end as usize..))
        .unwrap_or("")
}

/// Is the hit the given name of a person: a two-character name right after
/// a surname, with a role before it or a verb of saying after it?
fn is_given_name(text: &str, tokens: &[Token], h: &PlaceHit) -> bool {
    let name = surface(text, tokens, h);
    if name.chars().count() != 2 {
        return false;
    }
    let before = before(text, tokens, h);
    let Some(surname) = before.chars().next_back() else {
        return false;
    };
    if !SURNAMES.contains(surname) {
        return false;
    }
    let prior = &before[..before.len() - surname.len_utf8()];
    let prior = prior.trim_end_matches([' ', '　']);
    let role_before = ROLES.iter().any(|r| prior.ends_with(r));
    // The surname must start a word: after punctuation, the start, or a role.
    let starts = prior
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
        || role_before;
    let after = after(text, tokens, h).trim_start_matches([' ', '　']);
    let says = SPEECH.iter().any(|w| after.starts_with(w));
    starts && (role_before || says)
}

/// Is the hit a common word rather than the district of that name?
fn is_common_word(
    g: &Gazetteer,
    hits: &[PlaceHit],
    i: usize,
    text: &str,
    tokens: &[Token],
) -> bool {
    let h = &hits[i];
    let name = surface(text, tokens, h);
    let word = COMMON_WORDS.contains(&name);
    if !word && !WORDS_OR_NAMES.contains(&name) {
        return false;
    }
    let after = after(text, tokens, h);
    if PLACE_WORDS_AFTER.iter().any(|w| after.starts_with(w)) {
        return false;
    }
    // 邯郸峰峰, 天津大港: the parent right before.
    let parent_before = i > 0 && {
        let p = &hits[i - 1];
        p.end == h.start
            && p.places
                .iter()
                .any(|&a| h.places.iter().any(|&b| g.is_within(b, a)))
    };
    if parent_before {
        return false;
    }
    // 峰峰矿区 named in full elsewhere in the article: the bare 峰峰 is it.
    let named_in_full = hits.iter().enumerate().any(|(j, o)| {
        let name = surface(text, tokens, o);
        j != i
            && o.role == super::Role::Location
            && !o.reference
            && o.places == h.places
            && !COMMON_WORDS.contains(&name)
            && !WORDS_OR_NAMES.contains(&name)
    });
    if named_in_full {
        return false;
    }
    if word {
        return true;
    }
    let before = before(text, tokens, h);
    if TO_PLACE.iter().any(|v| before.ends_with(v)) {
        return false;
    }
    // 在武安投资建厂, 到三河建设产业园: where something is invested or built.
    if before.ends_with(['在', '到', '于', '来', '赴'])
        && [
            "投资", "建设", "建厂", "落户", "设立", "布局", "开工", "落地", "投产", "兴建",
        ]
        .iter()
        .any(|v| after.starts_with(v))
    {
        return false;
    }
    // 三河、大厂、香河: in a list with a place that is no such word.
    let joined = |a: &PlaceHit, b: &PlaceHit| {
        let between: String = text
            .chars()
            .skip(a.end as usize)
            .take(b.start.saturating_sub(a.end) as usize)
            .collect();
        matches!(between.as_str(), "、" | "和" | "与" | "及" | "，")
    };
    let plain = |j: usize| !WORDS_OR_NAMES.contains(&surface(text, tokens, &hits[j]));
    let mut j = i;
    while j > 0 && joined(&hits[j - 1], &hits[j]) {
        j -= 1;
        if plain(j) {
            return false;
        }
    }
    let mut j = i;
    while j + 1 < hits.len() && joined(&hits[j], &hits[j + 1]) {
        j += 1;
        if plain(j) {
            return false;
        }
    }
    // The county's city named elsewhere in the article.
    let parents: Vec<usize> = h
        .places
        .iter()
        .filter_map(|&p| g.places[p].parent)
        .collect();
    let city_named = hits.iter().enumerate().any(|(j, o)| {
        j != i
            && !WORDS_OR_NAMES.contains(&surface(text, tokens, o))
            && o.places.iter().any(|p| parents.contains(p))
    });
    !city_named
}

/// Drops the hits that name a person or are a common word.
pub(super) fn drop_non_places(
    g: &Gazetteer,
    text: &str,
    tokens: &[Token],
    hits: &mut Vec<PlaceHit>,
) {
    let keep: Vec<bool> = (0..hits.len())
        .map(|i| {
            !is_given_name(text, tokens, &hits[i]) && !is_common_word(g, hits, i, text, tokens)
        })
        .collect();
    let mut k = keep.iter();
    hits.retain(|_| *k.next().unwrap_or(&true));
}

#[cfg(all(test, feature = "segment"))]
mod tests {
    use crate::model::MentionKind;

    fn located(text: &str) -> Vec<String> {
        let doc = crate::extract::analyze::document_from_text(text);
        doc.mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Place)
            .map(|m| m.id.clone())
            .collect()
    }

    /// A given name that is also a district's is a person after a role or
    /// before a verb of saying; the same name elsewhere is still the place.
    #[test]
    fn a_persons_given_name_is_not_a_place() {
        assert_eq!(
            located("局长谢朝阳表示，今年将新建两座公园。"),
            Vec::<String>::new()
        );
        assert_eq!(located("村民王大兴说，路修好了。"), Vec::<String>::new());
        assert_eq!(located("记者于天津报道。"), ["天津市"]);
        assert_eq!(located("这家企业去年迁到了朝阳区。"), ["朝阳区"]);
    }

    /// 峰峰 and 大港 as words (peaks rising, a big port) are not districts;
    /// after their parent or before a place word they are.
    #[test]
    fn a_district_that_is_a_common_word_needs_context() {
        assert!(located("新城里高楼峰峰，拔地而起。").is_empty());
        assert!(located("一座深水枢纽大港正在渤海湾畔形成。").is_empty());
        assert_eq!(
            located("这家企业来自邯郸峰峰矿区。"),
            ["邯郸市", "峰峰矿区"]
        );
        assert_eq!(
            located("天津大港的石化企业在扩建。"),
            ["天津市", "大港街道"]
        );
        // Named in full elsewhere in the article, the bare word is the place.
        assert_eq!(
            located("峰峰矿区发展旅游。峰峰的决策者思考结构转型。"),
            ["峰峰矿区", "峰峰矿区"]
        );
    }

    /// Counties named like everyday words or people are places only where
    /// the text places them.
    #[test]
    fn a_county_named_like_a_word_or_a_person_needs_context() {
        for text in [
            "互联网行业的多家大厂宣布调整业务。",
            "他在游戏里拿到了无极剑。",
            "莲池边柳树成荫，故城遗址保存完好。",
            "南宫问天是小说里的人物，高阳的历史小说很畅销。",
            "这是万全之策，清河边上建了公园。",
        ] {
            assert!(located(text).is_empty(), "{text}: {:?}", located(text));
        }
        assert_eq!(
            located("北三县包括三河、大厂、香河。"),
            ["北三县", "三河市", "大厂回族自治县", "香河县"]
        );
        assert_eq!(located("这家食品企业落户大厂。"), ["大厂回族自治县"]);
        assert_eq!(located("北京企业在武安投资建厂。"), ["北京市", "武安市"]);
        assert_eq!(
            located("廊坊市出台新政。大厂将建设产业园。"),
            ["廊坊市", "大厂回族自治县"]
        );
        assert_eq!(located("大厂县的企业在扩建。"), ["大厂回族自治县"]);
    }
}
