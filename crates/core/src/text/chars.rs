//! Character classes that several stages read.

/// A Han character (CJK unified ideographs, extensions A–G, compatibility).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2EBEF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{30000}'..='\u{3134F}')
}

/// Punctuation that ends a clause (full- or half-width comma, semicolon,
/// colon, or a sentence end): the rules do not look for a word across it.
pub fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '；' | '：' | ',' | ';' | ':' | '。' | '！' | '？' | '!' | '?'
    )
}

/// Less common surnames (the next two hundred or so by frequency), read only
/// where a writer's name is expected (after 作者： and a first name, a line of
/// names, a journal's header: see [`is_surname`]). Those that are common
/// words as well (于, 原, 和, 时, 全…) are left out.
pub(crate) const MORE_SURNAMES: &str = "牛盖单包安齐向左葛耿关兰殷柴翟牟房鲍施洪詹欧甘闫严陶祝阮温贝项霍虞苗章车焦褚邢滕边闵屈麻宁卜申支仇穆尚俞桂娄奚谷辛靳商臧饶廉聂嵇井刁付庞芦查梅路鲁计凌费伍毕解蓝舒卞季柯柳岳骆符游巩晋帅冉翁谈邝伏宫封储戚宗丛仲惠景楚蒙隋涂艾蔺佟狄池栾简米亢荣佘危庄粟芮冀鞠郁党裴钮缪晏郜邬敖卓沙覃揭桑宿仝蔚勾苑逯厉喻银逄";

/// Common single-character surnames. Not 于 (也 a preposition: 记者于天津
/// 报道), nor other characters that are mostly prepositions.
pub(crate) const SURNAMES: &str = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";

/// A surname of either list: where a writer's name is expected.
pub(crate) fn is_surname(c: char) -> bool {
    SURNAMES.contains(c) || MORE_SURNAMES.contains(c)
}

/// Whether the last clause of `before` hands its object to the verb that
/// follows with 把, 被 or 将 (把北京的批发市场承接到…, 被引进至…).
pub fn hands_over(before: &str) -> bool {
    before
        .rsplit(is_clause_break)
        .next()
        .unwrap_or("")
        .contains(['把', '被', '将'])
}
