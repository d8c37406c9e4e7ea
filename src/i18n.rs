//! The two languages of the interface. Words stay beside their translation
//! at the place they are used (`tr(lang, "文章", "Articles")`); names of
//! places, industries and kinds of flow come from the gazetteer and the
//! taxonomy, which carry English labels.

use jjj_core::extract::industries::taxonomy;
use jjj_core::extract::places::gazetteer;
use jjj_core::model::What;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The `lang` attribute for the page.
    pub fn html(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// The word in the language.
pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The interface language of the running app (Chinese outside the app).
pub fn current() -> Lang {
    use_context::<RwSignal<Lang>>()
        .map(|l| l.get_untracked())
        .unwrap_or_default()
}

/// A place's name: its Chinese name (its id when two places share the
/// name), or its English name.
pub fn place(id: &str, lang: Lang) -> String {
    let g = gazetteer();
    match g.get(id) {
        Some(p) => match lang {
            Lang::Zh => {
                if p.name != p.id {
                    p.id.clone()
                } else {
                    p.name.clone()
                }
            }
            Lang::En if !p.name_en.is_empty() => p.name_en.clone(),
            Lang::En => p.name.clone(),
        },
        None => id.to_string(),
    }
}

/// An industry's name in the language.
pub fn industry(id: &str, lang: Lang) -> String {
    match (taxonomy().get(id), lang) {
        (Some(i), Lang::En) if !i.name_en.is_empty() => i.name_en.clone(),
        _ => id.to_string(),
    }
}

/// What a flow moves, in the language.
pub fn what(w: What, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => w.zh(),
        Lang::En => w.en(),
    }
}

pub fn chart_failed() -> &'static str {
    tr(current(), "图表无法绘制：", "The chart could not be drawn:")
}

/// Why every chart is missing when the chart library did not load.
pub fn charts_missing() -> &'static str {
    tr(
        current(),
        "图表库 echarts.min.js 未能加载，请刷新页面。",
        "the chart library echarts.min.js did not load; reload the page.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_industries_read_in_either_language() {
        assert_eq!(place("沧州市", Lang::Zh), "沧州市");
        assert_eq!(place("沧州市", Lang::En), "Cangzhou");
        assert!(place("北京经济技术开发区", Lang::En).contains("Yizhuang"));
        assert_eq!(place("不存在", Lang::En), "不存在");
        assert_eq!(industry("集成电路", Lang::En), "Integrated circuits");
        assert_eq!(industry("集成电路", Lang::Zh), "集成电路");
        assert_eq!(what(What::Merchants, Lang::En), "merchants");
    }
}
