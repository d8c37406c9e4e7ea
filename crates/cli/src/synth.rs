//! `jjj synth --articles N --seed S -o DIR`: a deterministic synthetic
//! corpus for benchmarks. Articles recombine sentences written here in the
//! shapes of 京津冀 coverage — moves, receiving platforms, figures, denials,
//! cooperation, policy filler — over real places and industries, with the
//! furniture of scraped pages (navigation, bylines, editor lines, related
//! headlines), some pages as HTML, some in traditional script, and some
//! damage (pinyin annotations, lost characters).

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;
use jjj_core::extract::industries::taxonomy;
use jjj_core::extract::places::{gazetteer, PlaceKind};

/// Write a deterministic synthetic corpus of news pages (for the benchmarks).
///
/// The same number and seed always write the same pages.
#[derive(Args, Debug)]
pub struct SynthArgs {
    /// How many articles to write
    #[arg(long, value_name = "N")]
    articles: usize,
    /// The seed of the random choices
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// The folder to write the pages into (created if needed)
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
}

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const OUTLETS: &[&str] = &[
    "河北日报",
    "天津日报",
    "北京日报",
    "新华社",
    "人民日报",
    "经济日报",
    "长城网",
    "北方网",
    "千龙网",
    "中国新闻网",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马",
];
const GIVEN: &[&str] = &[
    "伟", "静", "磊", "敏", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞",
];
const MOVES: &[&str] = &["整体搬迁至", "迁往", "转移至", "落户", "疏解到", "搬迁到"];
const RECEIVE: &[&str] = &["承接", "引进", "吸引", "签约引进"];
const WHAT: &[&str] = &["企业", "项目", "商户", "生产线"];
const FILLER: &[&str] = &[
    "推动京津冀协同发展向纵深推进，是一项系统工程。",
    "当地坚持以产业协同为突破口，持续优化营商环境。",
    "相关负责人表示，下一步将继续完善配套政策，提升承接能力。",
    "记者了解到，园区已形成较为完整的产业链条。",
    "专家认为，区域产业分工格局正在加快形成。",
    "“我们将抓住机遇，推动高质量发展。”一位企业负责人说。",
    "据介绍，这些项目将有力带动当地就业和税收增长。",
    "此外，当地还建立了项目落地全程帮办机制。",
];
const NAV: &[&str] = &[
    "首页 | 新闻 | 财经 | 政务 | 图片 | 视频",
    "当前位置：首页 > 新闻中心 > 京津冀",
    "【字号：大 中 小】 【打印本页】 【关闭窗口】",
];
const FOOTER: &[&str] = &[
    "版权所有 未经授权禁止转载",
    "关于我们 | 联系我们 | 网站地图",
    "扫一扫分享到微信",
];

/// A few characters for pages written in traditional script.
const S2T: &[(char, char)] = &[
    ('发', '發'),
    ('业', '業'),
    ('产', '產'),
    ('区', '區'),
    ('协', '協'),
    ('国', '國'),
    ('东', '東'),
    ('经', '經'),
    ('济', '濟'),
    ('术', '術'),
    ('门', '門'),
    ('广', '廣'),
    ('为', '為'),
    ('这', '這'),
    ('们', '們'),
    ('时', '時'),
    ('会', '會'),
    ('来', '來'),
    ('进', '進'),
    ('过', '過'),
    ('还', '還'),
    ('动', '動'),
    ('长', '長'),
    ('开', '開'),
    ('关', '關'),
    ('资', '資'),
    ('项', '項'),
    ('们', '們'),
    ('设', '設'),
    ('现', '現'),
    ('实', '實'),
    ('万', '萬'),
    ('亿', '億'),
    ('迁', '遷'),
    ('疏', '疏'),
    ('转', '轉'),
    ('药', '藥'),
    ('医', '醫'),
    ('车', '車'),
    ('电', '電'),
];

fn traditional(s: &str) -> String {
    s.chars()
        .map(|c| {
            S2T.iter()
                .find(|(a, _)| *a == c)
                .map(|(_, b)| *b)
                .unwrap_or(c)
        })
        .collect()
}

struct Pools {
    beijing: Vec<String>,
    receivers: Vec<String>,
    far: Vec<String>,
    industries: Vec<String>,
}

fn pools() -> Pools {
    let g = gazetteer();
    let under = |root: &str| -> Vec<String> {
        let r = g.index_of(root);
        g.places
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                r.is_some_and(|r| g.is_within(*i, r))
                    && matches!(
                        p.kind,
                        PlaceKind::District
                            | PlaceKind::County
                            | PlaceKind::Zone
                            | PlaceKind::Prefecture
                    )
            })
            .map(|(_, p)| p.name.clone())
            .collect()
    };
    let mut receivers = under("河北省");
    receivers.extend(under("天津市"));
    let far: Vec<String> = ["山东省", "内蒙古自治区", "山西省", "河南省", "辽宁省"]
        .iter()
        .filter_map(|id| {
            g.get(id)
                .map(|p| p.aliases.first().cloned().unwrap_or(p.name.clone()))
        })
        .collect();
    let industries: Vec<String> = taxonomy()
        .industries
        .iter()
        .filter(|i| i.id.chars().count() <= 8)
        .flat_map(|i| std::iter::once(i.id.clone()).chain(i.terms.iter().take(2).cloned()))
        .filter(|t| t.chars().count() >= 2)
        .collect();
    Pools {
        beijing: under("北京市"),
        receivers,
        far,
        industries,
    }
}

fn number(r: &mut Rng) -> String {
    let n = 2 + r.below(400);
    let unit = *r.pick(&["家", "个", "项", "户"]);
    let q = *r.pick(&["", "", "近", "超过", "约"]);
    format!("{q}{n}{unit}")
}

fn money(r: &mut Rng) -> String {
    if r.chance(50) {
        format!("{}.{}亿元", 1 + r.below(900), r.below(10))
    } else {
        format!("{}万元", 100 + r.below(90000))
    }
}

fn sentence(r: &mut Rng, p: &Pools) -> String {
    let from = r.pick(&p.beijing).clone();
    let to = r.pick(&p.receivers).clone();
    let ind = r.pick(&p.industries).clone();
    match r.below(9) {
        0 => format!(
            "北京{from}一家{ind}企业{}{to}，{}投资{}。",
            r.pick(MOVES),
            r.pick(&["预计", "总", "首期"]),
            money(r)
        ),
        1 => format!(
            "{to}{}北京{ind}项目{}，总投资{}。",
            r.pick(RECEIVE),
            number(r),
            money(r)
        ),
        2 => format!(
            "截至{}年底，{to}累计{}京津{}{}。",
            2015 + r.below(10),
            r.pick(RECEIVE),
            r.pick(WHAT),
            number(r)
        ),
        3 => format!(
            "来自北京{from}的{}{}落户{to}，主要从事{ind}。",
            number(r),
            r.pick(&["商户", "经营户", "企业"])
        ),
        4 => format!("网传北京一家{ind}企业将迁往{to}，对此企业回应称此消息不实。"),
        5 => format!("{to}与北京{from}签署战略合作协议，双方将在{ind}领域开展合作。"),
        6 => format!(
            "{}年，{to}{ind}产业产值同比增长{}.{}%。",
            2016 + r.below(9),
            r.below(30),
            r.below(10)
        ),
        7 => format!("天津一家{ind}企业已将生产环节转移至{}。", r.pick(&p.far)),
        _ => r.pick(FILLER).to_string(),
    }
}

fn article(r: &mut Rng, p: &Pools, k: usize) -> (String, bool) {
    let to = r.pick(&p.receivers).clone();
    let ind = r.pick(&p.industries).clone();
    let title = match r.below(4) {
        0 => format!("{to}承接北京{ind}产业转移取得新进展"),
        1 => format!("京津冀协同发展：{to}加快布局{ind}"),
        2 => format!("{to}：一批北京项目落地见效"),
        _ => format!("疏解非首都功能 {to}打造{ind}承接平台"),
    };
    let date = format!(
        "{}-{:02}-{:02}",
        2014 + r.below(11),
        1 + r.below(12),
        1 + r.below(28)
    );
    let author = format!("{}{}", r.pick(SURNAMES), r.pick(GIVEN));
    let mut lines: Vec<String> = Vec::new();
    if r.chance(40) {
        lines.push(r.pick(NAV).to_string());
    }
    lines.push(title.clone());
    lines.push(format!(
        "{}：{date} 来源：{}",
        r.pick(&["日期", "发布时间"]),
        r.pick(OUTLETS)
    ));
    lines.push(format!("（记者 {author}）"));
    for _ in 0..4 + r.below(9) {
        let mut para = String::new();
        for _ in 0..1 + r.below(4) {
            para.push_str(&sentence(r, p));
        }
        // Damage of converted and scraped pages.
        if r.chance(5) {
            para = para.replacen("协同", "协(xié)同", 1);
        }
        if r.chance(3) {
            if let Some((i, _)) = para.char_indices().nth(5) {
                para.replace_range(
                    i..i + para[i..].chars().next().map(char::len_utf8).unwrap_or(0),
                    "?",
                );
            }
        }
        lines.push(para);
    }
    lines.push(format!("责任编辑：{}{}", r.pick(SURNAMES), r.pick(GIVEN)));
    if r.chance(50) {
        lines.push(format!("上一篇：{}加快建设产业园区", r.pick(&p.receivers)));
        lines.push(r.pick(FOOTER).to_string());
    }
    let mut text = lines.join("\n");
    if k % 7 == 3 {
        text = traditional(&text);
    }
    let html = k % 5 == 1;
    if html {
        let body: String = text
            .lines()
            .map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;").replace('<', "&lt;")))
            .collect();
        text = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}_{}</title></head><body>\n<nav><a href=\"/\">首页</a></nav>\n<div class=\"article\">\n{body}</div>\n<div class=\"share\">分享到：微信 微博</div>\n<script>var pv = 1;</script>\n</body></html>\n",
            r.pick(OUTLETS)
        );
    }
    (text, html)
}

pub fn synth(a: SynthArgs) -> Result<()> {
    let SynthArgs {
        articles: n,
        seed,
        output: out,
    } = a;
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let p = pools();
    let mut r = Rng(seed);
    let mut bytes = 0usize;
    for k in 0..n {
        let (text, html) = article(&mut r, &p, k);
        let name = format!("synth-{k:06}.{}", if html { "html" } else { "txt" });
        bytes += text.len();
        std::fs::write(out.join(&name), text).with_context(|| format!("cannot write {name}"))?;
    }
    outln!(
        "wrote {n} articles, {bytes} bytes, seed {seed} -> {}",
        out.display()
    );
    Ok(())
}
