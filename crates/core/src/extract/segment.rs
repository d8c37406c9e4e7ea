//! Word segmentation: jieba-rs with its default dictionary, plus the domain
//! dictionary (`assets/domain_dict.txt`), every surface form of the
//! gazetteer and the industry taxonomy, and words that contain a place name
//! without naming a place (`assets/place_blockers.txt`: 朝阳产业, 北京青年报).
//!
//! Runs on the normalized (simplified) text. The same code runs natively and
//! in wasm32 and gives the same tokens (a test compares them).
//!
//! ```
//! let text = "北京经济技术开发区主动融入京津冀协同发展";
//! let words: Vec<&str> = jjj_core::extract::segment::segment(text).iter().map(|t| t.text(text)).collect();
//! assert_eq!(words, ["北京经济技术开发区", "主动", "融入", "京津冀", "协同发展"]);
//! ```

use std::collections::HashMap;
use std::sync::LazyLock;

use jieba_rs::Jieba;

use crate::extract::industries::taxonomy;
use crate::extract::places::gazetteer;
use crate::text::tokens::Token;

pub const DOMAIN_DICT: &str = include_str!("../../../../assets/domain_dict.txt");
pub const PLACE_BLOCKERS: &str = include_str!("../../../../assets/place_blockers.txt");

/// Frequency given to gazetteer and taxonomy forms the dictionaries lack,
/// and the floor for those they have: high enough that a place name is one
/// token, low enough that it does not pull characters out of common words
/// around it (the blockers have more).
const NAME_FREQ: usize = 3000;
const BLOCKER_FREQ: usize = 30000;

struct Segmenter {
    jieba: Jieba,
    /// Our part-of-speech tags for the words we add: jieba keeps the tag of
    /// a word its own dictionary has (高精尖 is `nr` there, a person's name).
    tags: HashMap<String, &'static str>,
}

static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(build);

fn build() -> Segmenter {
    let mut s = Segmenter {
        jieba: Jieba::new(),
        tags: HashMap::new(),
    };
    add_dict(&mut s, DOMAIN_DICT, None);
    let g = gazetteer();
    for i in 0..g.places.len() {
        for form in g.forms(i) {
            // 河北沧州 is 河北 + 沧州 to the segmenter (the gazetteer still
            // matches it across the two words); as one word it would hide
            // both names from term counts.
            let compound = g.ancestors(i).any(|a| {
                g.forms(a).any(|af| {
                    form.len() > af.len() + 3
                        && form.starts_with(af)
                        && g.lookup(&form[af.len()..]).is_some()
                })
            });
            if !compound {
                add_name(&mut s, form, "ns");
            }
        }
    }
    // 我省, 区内, 京企…: the other words the gazetteer reads.
    for form in crate::extract::places::reference_forms() {
        add_name(&mut s, form, "ns");
    }
    for form in taxonomy().surface_forms() {
        add_name(&mut s, form, "n");
    }
    add_dict(&mut s, PLACE_BLOCKERS, Some(BLOCKER_FREQ));
    s
}

fn add_name(s: &mut Segmenter, word: &str, tag: &'static str) {
    if word.chars().count() < 2 || word.contains(char::is_whitespace) {
        return;
    }
    let have = s.jieba.suggest_freq(word);
    s.jieba.add_word(word, Some(have.max(NAME_FREQ)), Some(tag));
    s.tags.insert(word.to_string(), tag);
}

/// Lines of `word freq tag` (domain dictionary) or `word<TAB>tag<TAB>note`
/// (blockers); `#` comments. A malformed line is skipped: the shipped files
/// are checked by tests, and a bad line must not take segmentation down.
fn add_dict(s: &mut Segmenter, text: &str, freq: Option<usize>) {
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f = line.split(['\t', ' ']).filter(|s| !s.is_empty());
        let Some(word) = f.next() else { continue };
        let (n, tag) = match freq {
            Some(n) => (n, f.next().unwrap_or("n")),
            None => {
                let n = f.next().and_then(|x| x.parse().ok()).unwrap_or(NAME_FREQ);
                (n, f.next().unwrap_or("n"))
            }
        };
        let tag = static_tag(tag);
        s.jieba.add_word(word, Some(n), Some(tag));
        s.tags.insert(word.to_string(), tag);
    }
}

/// Loads the dictionaries now (they load on first use otherwise).
pub fn warm_up() {
    LazyLock::force(&SEGMENTER);
}

/// Cuts `text` into tokens with part-of-speech tags. The tokens cover the
/// text exactly, whitespace and punctuation included.
pub fn segment(text: &str) -> Vec<Token> {
    let s: &'static Segmenter = &SEGMENTER;
    let mut out = Vec::with_capacity(text.len() / 4);
    for t in s.jieba.tag(text, true) {
        let tag = s
            .tags
            .get(t.word)
            .copied()
            .unwrap_or_else(|| static_tag(t.tag));
        out.push(Token {
            start: t.start as u32,
            end: t.end as u32,
            byte_start: t.byte_start as u32,
            byte_end: t.byte_end as u32,
            tag,
        });
    }
    out
}

/// jieba hands out tags borrowed from the (static) segmenter; the common
/// ones are matched to literals so tokens carry a `&'static str`.
fn static_tag(tag: &str) -> &'static str {
    const TAGS: &[&str] = &[
        "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k",
        "l", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r",
        "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg",
        "vi", "vn", "vq", "w", "x", "y", "yg", "z", "zg",
    ];
    TAGS.iter().find(|t| **t == tag).copied().unwrap_or("x")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        segment(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn tokens_cover_the_text_with_char_and_byte_offsets() {
        let text = "京津冀 2154家，ok";
        let toks = segment(text);
        let mut pos = 0;
        let mut byte = 0;
        for t in &toks {
            assert_eq!(t.start, pos);
            assert_eq!(t.byte_start, byte);
            pos = t.end;
            byte = t.byte_end;
        }
        assert_eq!(pos as usize, text.chars().count());
        assert_eq!(byte as usize, text.len());
    }

    #[test]
    fn domain_terms_and_places_are_one_token() {
        for w in [
            "京津冀",
            "协同发展",
            "非首都功能",
            "疏解整治促提升",
            "一般制造业",
            "腾笼换鸟",
            "雄安新区",
            "北京城市副中心",
            "北京经济技术开发区",
            "曹妃甸协同发展示范区",
            "渤海新区",
            "白沟新城",
            "集成电路",
            "智能网联汽车",
        ] {
            let text = format!("推动{w}建设");
            assert!(words(&text).contains(&w), "{w}: {:?}", words(&text));
        }
        let toks = segment("发展高精尖产业");
        let g = toks
            .iter()
            .find(|t| t.text("发展高精尖产业") == "高精尖")
            .unwrap();
        assert!(
            g.tag.starts_with('n') && !g.tag.starts_with("nr"),
            "{}",
            g.tag
        );
    }

    #[test]
    fn words_that_contain_a_place_name_stay_whole() {
        assert!(words("朝阳产业发展迅速").contains(&"朝阳产业"));
        assert!(words("北京青年报记者获悉").contains(&"北京青年报"));
        assert!(!words("做好搬迁安置工作").contains(&"迁安"));
    }
}
