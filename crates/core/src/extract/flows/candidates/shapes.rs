//! The sentence shapes a scan reads, one method each: what a clause
//! receives (承接, 引进), moves to (迁往), moves in (落户), signs (签约) or
//! establishes (设立), with where its origins and destinations come from.

use super::*;

impl Scan<'_, '_> {
    /// The flows of a receiving clause (see [`receive`]).
    fn receive(
        &mut self,
        t: &Trigger,
        limit: u32,
        origins: Vec<usize>,
        enumerated: Vec<(Vec<usize>, Option<usize>)>,
    ) {
        let marked = self.marked_origin.as_ref() == Some(&origins) && !origins.is_empty();
        let marked_places = self.marked_origin.clone().unwrap_or_default();
        receive(
            self.inp,
            self.s,
            self.hits,
            t,
            limit,
            origins,
            enumerated,
            &mut self.taken,
            &mut self.last_dest,
            &mut self.out,
            Some((self.ctx, marked, &marked_places)),
        );
    }

    /// 引进 P…: origins after the verb, the subject receives.
    pub(super) fn received(&mut self, t: &Trigger, limit: u32) {
        let (inp, s, hits) = (self.inp, self.s, self.hits);
        // 北京市项目1792个，累计吸引投资…；河北省项目310个…: a sentence that
        // opens with a place's counted projects breaks down what the place
        // the paragraph is about took in; its places are origins, once.
        let opens = hits
            .iter()
            .find(|h| h.role == Role::Location)
            .filter(|h| text_of(inp.chars, s.start, h.start).trim().is_empty());
        if let Some(h) = opens {
            let enumerated = enumerated_origins(inp, hits, h.start, s);
            // Not when the sentence names an origin of its own (石家庄市项目
            // 120个，吸引北京投资…: those places received).
            let listed: Vec<usize> = enumerated.iter().flat_map(|e| e.0.clone()).collect();
            let clause_end = clause_break_in(inp, t.end, s.end).unwrap_or(s.end);
            let other_place = hits.iter().any(|x| {
                x.role == Role::Location
                    && x.start >= t.end
                    && x.start < clause_end
                    && x.places.iter().any(|p| !listed.contains(p))
            });
            // The sentence before, in the same paragraph, says a place took
            // things in (天津经开区共落地协同项目2102个).
            let k = inp.sentences.partition_point(|x| x.end <= s.start);
            let took_in = k > 0 && inp.sentences[k - 1].paragraph == s.paragraph && {
                let p = &inp.sentences[k - 1];
                let before = text_of(inp.chars, p.start, p.end);
                super::RECEIVED_WORDS.iter().any(|w| before.contains(w))
            };
            if took_in
                && !other_place
                && enumerated
                    .first()
                    .is_some_and(|(p, c)| c.is_some() && *p == h.places)
            {
                if self.out.is_empty() {
                    self.receive(t, limit, vec![], enumerated);
                    // Nor into the place the paragraph said things left
                    // (北京企业加速向外转移。天津市项目120个…).
                    let g = gazetteer();
                    let origin = &self.ctx.origin;
                    let into_origin = self.out.iter().any(|c| {
                        c.to.iter().any(|&d| {
                            origin
                                .iter()
                                .any(|&o| g.is_within(d, o) || g.is_within(o, d))
                        })
                    });
                    if into_origin {
                        self.out.clear();
                    }
                }
                return;
            }
        }
        // Origins: places right after the verb.
        // 近2000北京商户签约天津卓尔电商城: movers of one place sign with
        // another, where they go (not 天津 giving 北京 anything).
        if SIGNING.contains(&t.word) {
            // 多家北京企业现场与京津中关村科技城签约: movers of one place sign
            // with another, named after 与.
            let partner = hits.iter().rev().find(|h| {
                h.role == Role::Location
                    && h.end <= t.start
                    && h.start > s.start
                    && matches!(inp.chars[h.start as usize - 1], '与' | '同')
                    && ["", "现场", "正式", "成功", "集中", "分别"]
                        .contains(&text_of(inp.chars, h.end, t.start).as_str())
            });
            // Only where what is signed settles there: the partner is a
            // park, or the sentence names projects or settling, and no
            // purchase, aid or training.
            let settles = |p: &PlaceHit| {
                let text = text_of(inp.chars, s.start, s.end);
                let park = p
                    .places
                    .iter()
                    .all(|&q| gazetteer().places[q].kind == PlaceKind::Zone);
                (park
                    || ["项目", "投资", "落户", "入驻", "落地"]
                        .iter()
                        .any(|w| text.contains(w)))
                    && ![
                        "采购",
                        "帮扶",
                        "培养",
                        "会诊",
                        "对口",
                        "合作协议",
                        "战略合作",
                    ]
                    .iter()
                    .any(|w| text.contains(w))
            };
            if let Some(p) = partner.filter(|p| settles(p)) {
                let home = hits.iter().rev().find(|h| {
                    h.role == Role::Location
                        && h.end < p.start
                        && h.start >= s.start
                        && is_home_of_mover(inp, h, p.start)
                        && !text_of(inp.chars, h.end, p.start)
                            .chars()
                            .any(is_clause_break)
                });
                if let Some(home) = home {
                    if !gazetteer().overlaps(&p.places, &home.places) {
                        self.out.push(cand(
                            home.places.clone(),
                            p.places.clone(),
                            home.start,
                            t.end,
                            limit,
                        ));
                    }
                    return;
                }
            }
            if let Some(home) = movers_signing(inp, s, hits, t) {
                let (to, _) = places_after(inp, hits, t.end, s.end);
                if !to.is_empty() {
                    if !gazetteer().overlaps(&to, &home) {
                        self.out.push(cand(home, to, t.start, t.end, limit));
                    }
                    return;
                }
            }
        }
        let (mut origins, used) = places_after(inp, hits, t.end, s.end);
        // 承接京津冀协同: a region named for its strategy sends nothing.
        if used.first().is_some_and(|h| names_a_strategy(inp, h)) {
            origins.clear();
        }
        // 签约河北省内合作社: firms within the place, which move nowhere.
        let within = |h: &PlaceHit| {
            let after = text_of(inp.chars, h.end, (h.end + 2).min(s.end));
            after.starts_with('内') || LOCAL.iter().any(|w| after.starts_with(w))
        };
        if used.iter().any(|h| within(h)) {
            return;
        }
        if origins.is_empty() {
            // 吸引落户京津高科技企业 / 签约引进北京商户: a word between.
            // Not across a clause break (多从北京引进，对保定…).
            if let Some(h) = hits.iter().find(|h| {
                h.start >= t.end
                    && h.start <= t.end + 2
                    && h.role == Role::Location
                    && !within(h)
                    && !names_a_strategy(inp, h)
                    && !text_of(inp.chars, t.end, h.start)
                        .chars()
                        .any(is_clause_break)
            }) {
                // 引进来自北京、天津的企业: the whole 来自 list.
                // (Firms or projects: not 来自河北、山西的煤炭 or 就业人员.)
                let list = if text_of(inp.chars, t.end, h.start).ends_with("来自") {
                    let (list, used) = places_after(inp, hits, h.start, s.end);
                    let end = used.last().map_or(h.end, |u| u.end);
                    let head = text_of(inp.chars, end, (end + 14).min(s.end));
                    let firms = head.strip_prefix('的').is_some_and(|head| {
                        FIRM_HEADS.iter().any(|w| head.contains(w))
                            && !PEOPLE.iter().any(|w| head.contains(w))
                    });
                    if firms {
                        list
                    } else {
                        Vec::new()
                    }
                } else {
                    Vec::new()
                };
                origins = if list.is_empty() {
                    narrowest(hits, h).places.clone()
                } else {
                    list
                };
            }
        }
        if origins.is_empty() {
            // 承接了4000多户北京商户: the home of what is received, in the
            // verb's object.
            if let Some(h) = hits.iter().find(|h| {
                h.start >= t.end
                    && h.start <= t.end + 12
                    && h.role == Role::Location
                    && !names_a_strategy(inp, h)
                    && !text_of(inp.chars, t.end, h.start)
                        .chars()
                        .any(is_clause_break)
                    && {
                        let after = text_of(inp.chars, h.end, (h.end + 2).min(s.end));
                        [
                            "企业", "商户", "项目", "药企", "企", "公司", "高校", "医院", "机构",
                            "产业",
                        ]
                        .iter()
                        .any(|w| after.starts_with(w))
                            // 承接了一批北京冰雪装备企业: a kind between
                            // (not 廊坊本地企业).
                            || (is_home_of_mover(inp, h, s.end)
                                && !within(h)
                                && !people_after(inp, h, s.end))
                    }
            }) {
                origins = narrowest(hits, h).places.clone();
            }
        }
        if origins.is_empty() {
            // 引进北京研发中心5家, 承接北京数据中心项目: an organisation named
            // after a place, brought in, comes from its namesake place. Only
            // verbs of bringing in (not 签约, 迎来: partners and guests), an
            // organisation that moves (a centre, a project, a plant), and
            // not its people (吸引北京儿童医院专家团队坐诊).
            if let Some(h) = inp.places.iter().find(|h| {
                let rest = text_of(inp.chars, h.end, (h.end + 12).min(s.end));
                let rest = rest.split(is_clause_break).next().unwrap_or("");
                BRINGING_IN.contains(&t.word)
                    && h.role == Role::Organisation
                    && !h.places.is_empty()
                    && h.start >= t.end
                    && h.start <= t.end + 2
                    && h.end <= s.end
                    && !text_of(inp.chars, t.end, h.start)
                        .chars()
                        .any(is_clause_break)
                    && ORG_MOVES.iter().any(|w| rest.contains(w))
                    && !ORG_PEOPLE.iter().any(|w| rest.contains(w))
            }) {
                origins = h.places.clone();
            }
        }
        if origins.is_empty() {
            // 承接非首都功能疏解: Beijing's functions come from Beijing.
            let after = text_of(inp.chars, t.end, (t.end + 8).min(s.end));
            let after = after.split(['，', '。', '；']).next().unwrap_or("");
            if after.contains("非首都功能") {
                if let Some(b) = gazetteer().index_of("北京市") {
                    origins = vec![b];
                }
            }
        }
        // 承接北京项目32个、天津项目11个: places listed with their own counts
        // after the verb are all its origins, not only the first.
        if origins.len() == 1 {
            let listed = enumerated_origins(inp, hits, t.end, s);
            if listed.len() >= 2 && listed[0].0 == origins {
                origins.clear();
            }
        }
        let mut enumerated = Vec::new();
        let mut rest_of_list: Vec<usize> = Vec::new();
        if origins.is_empty() {
            enumerated = enumerated_origins(inp, hits, t.end, s);
            if enumerated.is_empty() {
                // 30个项目主要来自京津冀…，北京地区23个项目…签约: the origins
                // with their counts come before the verb.
                // Not past another verb's object (签约北京项目130余个，张北…
                // 签约项目21个: 北京's count went to the other verb).
                let from = super::triggers(inp, s)
                    .iter()
                    .filter(|x| x.end <= t.start)
                    .map(|x| clause_break_in(inp, x.end, t.start).map_or(t.start, |b| b + 1))
                    .fold(window_start(inp, s, t.start), u32::max);
                enumerated = enumerated_origins(inp, hits, from, s);
            }
            if enumerated.is_empty() {
                if let Some(m) = &self.marked_origin {
                    origins = m.clone();
                }
            } else if let Some(m) = &self.marked_origin {
                // 项目主要来自京津冀、长三角、珠三角地区，北京地区23个项目: the
                // counted origin breaks the 来自 list down; the rest of the
                // list sends projects too.
                let g = gazetteer();
                let related = |p: usize, q: usize| g.is_within(q, p) || g.is_within(p, q);
                let breaks_down = m.iter().any(|&p| {
                    enumerated
                        .iter()
                        .any(|(o, _)| o.iter().any(|&q| g.is_within(q, p)))
                });
                if breaks_down {
                    rest_of_list = m
                        .iter()
                        .copied()
                        .filter(|&p| {
                            !enumerated
                                .iter()
                                .any(|(o, _)| o.iter().any(|&q| related(p, q)))
                        })
                        .collect();
                }
            }
        }
        if origins.is_empty() && enumerated.is_empty() {
            if SIGNING.contains(&t.word) {
                self.signed_with(t, limit);
            }
            return;
        }
        let before = self.out.len();
        self.receive(t, limit, origins, enumerated);
        // The rest of the 来自 list goes where the counted ones went, with
        // no count of its own.
        if let Some(last) = self.out[before..].last().cloned() {
            let g = gazetteer();
            for p in rest_of_list {
                if !last.to.iter().any(|&q| g.nested(p, q)) {
                    self.out.push(Cand {
                        from: vec![p],
                        own: Some(Own::default()),
                        ..last.clone()
                    });
                }
            }
        }
    }

    /// A 与 P 签约 N个项目: the projects go from one side to the other.
    /// The side whose place is the home of what moves (北京企业与廊坊签约,
    /// 廊坊市与北京20家企业签约), else Beijing's side (北京市政府部门以及在京
    /// 企业…与河北省廊坊市签约52个项目), is the origin; with neither, no flow.
    pub(super) fn signed_with(&mut self, t: &Trigger, limit: u32) {
        let (inp, s, hits) = (self.inp, self.s, self.hits);
        let g = gazetteer();
        // What is signed is projects or firms (签约52个项目), not a
        // cooperation (与北京一家公司签约，双方将共建示范园).
        let object = text_of(inp.chars, t.end, (t.end + 12).min(s.end));
        let object = object.split(is_clause_break).next().unwrap_or("");
        if !["项目", "企业"].iter().any(|w| object.contains(w)) {
            return;
        }
        let from = window_start(inp, s, t.start);
        // The partner: the places right after 与/同/跟 before the verb.
        let Some(p) = hits.iter().position(|h| {
            h.start > from
                && h.end <= t.start
                && h.role == Role::Location
                && matches!(inp.chars[h.start as usize - 1], '与' | '同' | '跟')
                && !text_of(inp.chars, h.end, t.start).contains('，')
        }) else {
            return;
        };
        let (partner, used) = places_after(inp, hits, hits[p].start, t.start);
        let partner: Vec<usize> = partner
            .into_iter()
            .filter(|&q| g.places[q].kind != PlaceKind::Group)
            .collect();
        let Some(subject) = hits[..p]
            .iter()
            .rev()
            .find(|h| h.start >= from && h.role == Role::Location && h.group.is_none())
        else {
            return;
        };
        if partner.is_empty()
            || subject.places.iter().any(|&a| {
                partner
                    .iter()
                    .any(|&b| g.province_of(a) == g.province_of(b))
            })
        {
            return;
        }
        let beijing = g.index_of("北京市");
        let in_beijing =
            |ps: &[usize]| beijing.is_some_and(|b| ps.iter().any(|&q| g.is_within(q, b)));
        let partner_end = used.last().map_or(hits[p].end, |u| u.end);
        let partner_moves = used
            .last()
            .is_some_and(|u| is_home_of_mover(inp, u, t.start))
            || {
                // 与北京20家企业签约: a count between the place and the mover.
                let after = text_of(inp.chars, partner_end, t.start);
                ["家企业", "个项目", "户商户", "家公司"]
                    .iter()
                    .any(|w| after.contains(w))
            };
        // 在京企业, 驻京央企: the firms based there.
        let based = subject.start > s.start
            && matches!(inp.chars[subject.start as usize - 1], '在' | '驻')
            && ["企业", "央企", "单位", "机构", "高校"].iter().any(|w| {
                text_of(inp.chars, subject.end, (subject.end + 2).min(t.start)).starts_with(w)
            });
        let subject_moves = based || is_home_of_mover(inp, subject, hits[p].start);
        let (a, b) = if partner_moves && !subject_moves {
            (partner, subject.places.clone())
        } else if subject_moves || in_beijing(&subject.places) {
            (subject.places.clone(), partner)
        } else if in_beijing(&partner) {
            (partner, subject.places.clone())
        } else {
            return;
        };
        self.out.push(cand(a, b, subject.start, t.start, limit));
    }

    /// 迁往 P: the destination after the verb, the origin before it.
    pub(super) fn moved_to(&mut self, t: &Trigger, limit: u32) {
        let (inp, s, hits) = (self.inp, self.s, self.hits);
        let (mut dest, used) = places_after(inp, hits, t.end, s.end);
        // 落地津企项目 / 迁入北京企业: the place names the movers' home,
        // and the subject receives them.
        let movers_home = used.last().is_some_and(|h| {
            let after = text_of(inp.chars, h.end, (h.end + 2).min(s.end));
            // 落地北京方向实体项目, 北京来源企业: a word of origin between.
            let far = text_of(inp.chars, h.end, (h.end + 8).min(s.end));
            let far = far.split(is_clause_break).next().unwrap_or("");
            let sourced = ["方向", "来源", "籍"].iter().any(|w| far.starts_with(w))
                && ["企业", "项目", "商户", "企", "公司"]
                    .iter()
                    .any(|w| far.contains(w));
            sourced
                || ["企业", "项目", "商户", "药企", "企"]
                    .iter()
                    .any(|w| after.starts_with(w))
                || h.end > h.start + 1 && text_of(inp.chars, h.end - 1, h.end) == "企"
        });
        if movers_home {
            self.receive(t, limit, dest, vec![]);
            return;
        }
        // 落地京津冀协同项目: a place that qualifies the object (协同项目,
        // 合作项目) is not where the projects went.
        let qualifies = used.last().is_some_and(|h| {
            let far = text_of(inp.chars, h.end, (h.end + 8).min(s.end));
            let far = far.split(is_clause_break).next().unwrap_or("");
            ["协同", "合作", "协作", "产业协同"]
                .iter()
                .any(|w| far.starts_with(w))
                && ["项目", "企业"].iter().any(|w| far.contains(w))
        });
        if qualifies {
            return;
        }
        let prev = self.ctx.places.as_slice();
        if dest.is_empty() {
            // 落户到之前备受关注的廊坊永清开发区, 迁到离北京较近的河北固安:
            // the place after a modifier ending in 的.
            if let Some(at) = place_after_modifier(inp, hits, s, t) {
                dest = places_after(inp, hits, at, s.end).0;
            }
        }
        if dest.is_empty() {
            // 落户这个新商场 / 入驻该园区 / 迁到了这里: the place of the
            // sentence before.
            let rest = text_of(inp.chars, t.end, (t.end + 4).min(s.end));
            let rest = rest.trim_start_matches(['了', '到', '至', '在']);
            if ANAPHORA.iter().any(|w| rest.starts_with(w)) && !prev.is_empty() {
                dest = prev.to_vec();
            }
        }
        if dest.is_empty() {
            // 已入驻企业1200家，其中来自北京的企业达780家: the subject
            // receives, like 引进.
            let enumerated = enumerated_origins(inp, hits, t.end, s);
            if !enumerated.is_empty() {
                self.receive(t, limit, vec![], enumerated);
            } else if let Some(m) = self.marked_origin.clone() {
                self.receive(t, limit, m, vec![]);
            } else if let Some(home) = settling_movers(inp, s, hits, t) {
                // 产业园正式挂牌，20家北京知名生物医药企业首批签约入驻: the
                // place the sentence is about receives them.
                self.receive(t, limit, home, vec![]);
            }
            return;
        }
        let origin = self
            .marked(t)
            .or_else(|| {
                // Past the destinations of earlier verbs of the sentence:
                // 北京企业外迁至河北，其中迁往廊坊的有30家，迁往保定的有20家
                // (保定's are Beijing's too, not 廊坊's).
                // Only in such a list: the earlier destination stated with
                // its share (的有, 的共) or holding this one (外迁至河北), in
                // an earlier clause, and no second move of one firm (2015年
                // 迁往廊坊，2020年又迁至保定 is 廊坊's).
                let g = gazetteer();
                let clause = text_of(inp.chars, window_start(inp, s, t.start), t.start);
                let again = ["又", "再", "后"].iter().any(|w| {
                    clause
                        .rsplit(is_clause_break)
                        .next()
                        .is_some_and(|c| c.contains(w))
                });
                // Not a place that holds every destination (在河北黄骅建立…，
                // …移至黄骅: 河北 is where it went, not whence).
                let holding: Vec<usize> = with_ancestors(&dest)
                    .into_iter()
                    .filter(|&p| dest.iter().all(|&d| d == p || g.is_within(d, p)))
                    .collect();
                let mut pos = t.start;
                for _ in 0..4 {
                    let h = place_before(inp, hits, s, pos, &holding)?;
                    let lead = text_of(inp.chars, h.start.saturating_sub(5).max(s.start), h.start);
                    let shared = ["的有", "的共", "的约", "的达"]
                        .iter()
                        .any(|w| text_of(inp.chars, h.end, (h.end + 2).min(s.end)).starts_with(w));
                    let holds = dest
                        .iter()
                        .all(|&d| h.places.iter().any(|&p| g.is_within(d, p)));
                    let earlier = text_of(inp.chars, h.end, t.start)
                        .chars()
                        .any(is_clause_break);
                    let listed = TO_VERBS.iter().any(|v| lead.ends_with(v))
                        && (shared || holds)
                        && earlier
                        && !again;
                    // 中国电子迁至深圳，中国华能也宣布总部迁至雄安: a clause
                    // with a known firm of its own as the subject moves from
                    // that one's home, not from the place an earlier clause
                    // named.
                    let own = clause_start(inp, s, t.start);
                    if !listed
                        && h.end <= own
                        && super::super::firms::known_firms(inp, s)
                            .iter()
                            .any(|f| f.start >= own && f.end <= t.start)
                    {
                        return org_home_before(inp, hits, s, t, &dest);
                    }
                    if !listed {
                        return Some((h.places.clone(), h.start));
                    }
                    pos = h.start;
                }
                None
            })
            .or_else(|| {
                // 另有680户商户落户沧州: the origin of the sentence before.
                let opening = text_of(inp.chars, s.start, (s.start + 2).min(s.end));
                (CONTINUES.iter().any(|w| opening.starts_with(w)) && !self.ctx.origin.is_empty())
                    .then(|| (self.ctx.origin.clone(), s.start))
            })
            .or_else(|| {
                // 大兴区整体外迁的企业约130家。其中，41家企业已落户廊坊。
                (!self.ctx.outward.is_empty()).then(|| (self.ctx.outward.clone(), s.start))
            })
            .or_else(|| self.shujie_origin(t, &dest))
            .or_else(|| self.anaphoric_mover(t, &dest))
            .or_else(|| self.here_movers(t, &dest))
            .or_else(|| self.xiongan_origin(t, &dest, false))
            .or_else(|| home_after_destination(inp, hits, s, &used, &dest))
            .or_else(|| org_home_before(inp, hits, s, t, &dest))
            .or_else(|| self.heading_mover(t, &dest));
        self.push(origin, dest, t, limit);
    }

    /// 巴威公司（北京锅炉厂）： / 生产制造环节将迁往河北曹妃甸: the first
    /// sentence under a heading that names a mover, with no subject of its
    /// own before the verb (no place, no organisation), moves that mover.
    fn heading_mover(&self, t: &Trigger, dest: &[usize]) -> Option<(Vec<usize>, u32)> {
        let (inp, s, ctx) = (self.inp, self.s, self.ctx);
        if ctx.heading.is_empty() {
            return None;
        }
        let from = window_start(inp, s, t.start);
        let clause = text_of(inp.chars, from, t.start);
        let named = inp
            .places
            .iter()
            .any(|h| h.start >= from && h.end <= t.start)
            || !named_orgs(inp, s, false).iter().all(|o| o.start >= t.start)
            || clause.chars().any(is_clause_break);
        let related = with_ancestors(dest);
        (!named && !ctx.heading.iter().any(|p| related.contains(p)))
            .then(|| (ctx.heading.clone(), s.start))
    }

    /// 该企业/这家公司 before the verb is the mover the sentence before
    /// named, from its home (北京星海钢琴集团是一家老字号企业。去年，该企业
    /// 整体搬迁至天津武清).
    fn anaphoric_mover(&self, t: &Trigger, dest: &[usize]) -> Option<(Vec<usize>, u32)> {
        self.pointed_back(t, dest, ANAPHORIC_MOVERS, &self.ctx.homes)
    }

    /// 这里的商户 before the verb: the movers of the place the sentence
    /// before named (…大红门服装批发市场曾是集散地。这里的商户迁往了永清).
    fn here_movers(&self, t: &Trigger, dest: &[usize]) -> Option<(Vec<usize>, u32)> {
        self.pointed_back(t, dest, HERE_MOVERS, &self.ctx.places)
    }

    /// `origin`, when one of `words` stands in the clause chain before the
    /// verb and the origin is not nested with the destination.
    fn pointed_back(
        &self,
        t: &Trigger,
        dest: &[usize],
        words: &[&str],
        origin: &[usize],
    ) -> Option<(Vec<usize>, u32)> {
        let (inp, s) = (self.inp, self.s);
        if origin.is_empty() {
            return None;
        }
        let from = window_start(inp, s, t.start);
        let before = text_of(inp.chars, from, t.start);
        if !words.iter().any(|w| before.contains(w)) {
            return None;
        }
        (!gazetteer().overlaps(origin, dest)).then(|| (origin.to_vec(), from))
    }

    /// 雄安新区 is where Beijing's non-capital functions go: a move there
    /// with no origin named (中国华能总部正式迁驻雄安; 两家央企已入驻雄安总部
    /// 办公) comes from Beijing. Only a verb of relocating, or settling a
    /// headquarters or a central firm; a project that merely lands there
    /// has no origin.
    fn xiongan_origin(
        &self,
        t: &Trigger,
        dest: &[usize],
        only_central: bool,
    ) -> Option<(Vec<usize>, u32)> {
        let g = gazetteer();
        let xiongan = g.index_of("雄安新区")?;
        if !dest.iter().all(|&d| g.is_within(d, xiongan)) {
            return None;
        }
        let text = text_of(self.inp.chars, self.s.start, self.s.end);
        let relocating = t.word.contains('迁') || t.word.contains('搬');
        let settling = ["入驻", "进驻", "落户"].contains(&t.word)
            && ["总部", "央企", "中央企业"]
                .iter()
                .any(|w| text.contains(w));
        // Central state firms have their headquarters in Beijing: building
        // one in 雄安 (央企总部在雄安开工建设) is its move, whatever the verb;
        // named in the verb's own clause, before it, and not a district
        // named after them (央企总部片区) or what serves them (配套).
        let clause = {
            let mut a = t.start;
            while a > self.s.start && !is_clause_break(self.inp.chars[a as usize - 1]) {
                a -= 1;
            }
            text_of(self.inp.chars, a, t.start)
        };
        let central_seat = ["央企总部", "中央企业总部"].iter().any(|w| {
            clause.match_indices(w).any(|(b, _)| {
                let after = &clause[b + w.len()..];
                !["片区", "组团", "配套", "周边"]
                    .iter()
                    .any(|x| after.starts_with(x))
            })
        });
        let other = !only_central && (relocating || settling);
        if !(other || central_seat) {
            return None;
        }
        Some((vec![g.index_of("北京市")?], self.s.start))
    }

    /// 疏解 with no origin named: what Beijing relieves itself of comes from
    /// Beijing (首批疏解的央企总部落户雄安, 向雄安疏解). Not 疏解整治 (a
    /// campaign inside Beijing), nor a destination inside Beijing.
    fn shujie_origin(&self, t: &Trigger, dest: &[usize]) -> Option<(Vec<usize>, u32)> {
        let (inp, s) = (self.inp, self.s);
        // 疏解 anywhere in the sentence (…迁驻雄安，疏解北京非首都功能取得了
        // 进展), or Beijing's 非首都功能.
        let _ = t;
        let text = text_of(inp.chars, s.start, s.end);
        // Not the slogan 抓住疏解非首都功能这个“牛鼻子” (the crux), which
        // states no move.
        let stated = |w: &str| {
            text.match_indices(w)
                .any(|(b, _)| !the_crux(inp, s, s.start + text[..b].chars().count() as u32))
        };
        let shujie = stated("疏解") && !text.contains("疏解整治");
        if !shujie && !stated("非首都功能") {
            return None;
        }
        let g = gazetteer();
        let beijing = g.index_of("北京市")?;
        if dest.iter().any(|&d| g.is_within(d, beijing)) {
            return None;
        }
        Some((vec![beijing], s.start))
    }

    /// The sentence's 来自/从 origin, its scope the clause chain of `t`.
    fn marked(&self, t: &Trigger) -> Option<(Vec<usize>, u32)> {
        let start = window_start(self.inp, self.s, t.start);
        self.marked_origin.clone().map(|m| (m, start))
    }

    /// A candidate from `origin` (places, scope) to `dest`, if there is one.
    fn push(
        &mut self,
        origin: Option<(Vec<usize>, u32)>,
        dest: Vec<usize>,
        t: &Trigger,
        limit: u32,
    ) {
        if let Some((from, scope)) = origin {
            self.out.push(cand(from, dest, scope, t.start, limit));
        }
    }

    /// 在 P 落户 / 向 P 转移: the destination before the verb.
    pub(super) fn moved_in(&mut self, t: &Trigger, limit: u32, toward: bool) {
        let (inp, s, hits) = (self.inp, self.s, self.hits);
        let prev = self.ctx.places.as_slice();
        let Some((dest_hit, dest)) = in_destination(inp, hits, s, t, toward, prev) else {
            return;
        };
        // 新车型将在这里生产: the place and the mover of the sentence before.
        let here = {
            let clause = text_of(inp.chars, dest_hit, t.start);
            HERE_WORDS.iter().any(|w| clause.starts_with(w))
        };
        // The origin must be marked (来自/从 P) or be the home of what
        // moves (北京企业在津冀布局, 北京光环新网股份有限公司在三河市建设):
        // a place merely named before 在 P is not where anything came from.
        let origin = self
            .marked(t)
            .or_else(|| {
                let zai = dest_hit.saturating_sub(1).max(s.start);
                org_subject(inp, s, zai)
            })
            .or_else(|| {
                // 中关村在保定高新区成立了创新中心: a place as the subject
                // right before 在 P sets something up there; 天津到河北投资:
                // before 到/赴/来 P, which say where as 在 does for investing.
                let zai = dest_hit.saturating_sub(1);
                let related = with_ancestors(&dest);
                let marker = |c: char| {
                    c == '在' || (matches!(c, '到' | '赴' | '来') && DAO_VERBS.contains(&t.word))
                };
                hits.iter()
                    .find(|h| {
                        h.role == Role::Location
                            && h.end == zai
                            && h.end > s.start
                            && marker(inp.chars[zai as usize])
                            && !h.places.iter().any(|p| related.contains(p))
                            && !dest
                                .iter()
                                .any(|&d| h.places.iter().any(|&p| gazetteer().is_within(p, d)))
                            && BUILD_VERBS
                                .iter()
                                .chain(["成立", "设立", "落户", "布局"].iter())
                                .any(|v| *v == t.word)
                    })
                    .map(|h| (h.places.clone(), h.start))
            })
            .or_else(|| {
                // 北京市已向河北三市拨付资金, 北京向津冀转移产业: a place as
                // the subject of 向 P, with at most adverbs between.
                if !toward {
                    return None;
                }
                let xiang = dest_hit.checked_sub(1)?;
                let related = with_ancestors(&dest);
                hits.iter()
                    .rev()
                    .find(|h| h.role == Role::Location && h.end <= xiang && h.start >= s.start)
                    .filter(|h| {
                        let gap = text_of(inp.chars, h.end, xiang);
                        let mut rest = gap.as_str();
                        while let Some(a) = ADVERBS.iter().find(|a| rest.starts_with(*a)) {
                            rest = &rest[a.len()..];
                        }
                        rest.is_empty()
                            && !h.places.iter().any(|p| related.contains(p))
                            && !dest
                                .iter()
                                .any(|&d| h.places.iter().any(|&p| gazetteer().is_within(p, d)))
                    })
                    .map(|h| (h.places.clone(), h.start))
            })
            .or_else(|| {
                // Past the places of earlier 在 clauses of the same subject:
                // 北京企业在保定设立分公司，在雄安设立子公司 (both from Beijing).
                // Only when this clause has no subject of its own (并/还/
                // 同时 在 Q…), not 一批民营企业在保定….
                let exclude = with_ancestors(&dest);
                let zai = dest_hit.saturating_sub(1).max(s.start);
                let a = clause_start(inp, s, zai);
                let lead = text_of(inp.chars, a, zai);
                let mut rest = lead.as_str();
                while let Some(w) = ["并", "还", "也", "同时", "又", "另", "另外", "此外", "分别"]
                    .iter()
                    .find(|w| rest.starts_with(*w))
                {
                    rest = &rest[w.len()..];
                }
                let same_subject = a > s.start && rest.is_empty();
                let mut pos = dest_hit;
                for _ in 0..4 {
                    let h = place_before(inp, hits, s, pos, &exclude)?;
                    if is_home_of_mover(inp, h, dest_hit) {
                        return Some((list_ending_with(inp, hits, h), h.start));
                    }
                    let after_zai =
                        h.start > s.start && matches!(inp.chars[h.start as usize - 1], '在' | '于');
                    if !(after_zai && same_subject) {
                        return None;
                    }
                    pos = h.start;
                }
                None
            })
            .or_else(|| {
                (here && !self.ctx.origin.is_empty()).then(|| (self.ctx.origin.clone(), s.start))
            })
            .or_else(|| self.shujie_origin(t, &dest))
            .or_else(|| self.anaphoric_mover(t, &dest))
            .or_else(|| self.here_movers(t, &dest))
            .or_else(|| self.xiongan_origin(t, &dest, true));
        self.push(origin, dest, t, limit);
    }

    /// 成立 X（P）公司: the destination is the 在 P before the verb, else
    /// the seat in the firm's name.
    pub(super) fn established(&mut self, t: &Trigger, limit: u32) {
        let (inp, s, hits) = (self.inp, self.s, self.hits);
        // 在天津东丽区注册成立X（天津）有限公司: the 在 place is the
        // most precise destination; else the seat in the name.
        let (dest_at, to) = match in_destination(inp, hits, s, t, false, &[]) {
            Some(d) => d,
            None => {
                let Some(seat) = hits
                    .iter()
                    .find(|h| h.role == Role::Seat && h.start >= t.end && h.start <= t.end + 20)
                else {
                    return;
                };
                (t.start, seat.places.clone())
            }
        };
        if let Some(from) = place_before(inp, hits, s, dest_at, &with_ancestors(&to)) {
            self.out
                .push(cand(from.places.clone(), to, from.start, t.start, limit));
        }
    }
}

/// 落户雄安的北京企业: the movers, named after the destination and its 的,
/// come from their home.
fn home_after_destination(
    inp: &Input,
    hits: &[&PlaceHit],
    s: &Sentence,
    used: &[&PlaceHit],
    dest: &[usize],
) -> Option<(Vec<usize>, u32)> {
    let end = used.last()?.end;
    let related = with_ancestors(dest);
    let h = hits
        .iter()
        .find(|h| h.start > end && h.role == Role::Location)?;
    let between = text_of(inp.chars, end, h.start);
    let ok = ["的", "的一批", "的多家", "的各类"].contains(&between.as_str())
        && !h.places.iter().any(|p| related.contains(p))
        && !dest
            .iter()
            .any(|&d| h.places.iter().any(|&p| gazetteer().is_within(p, d)))
        && is_home_of_mover(inp, h, s.end);
    ok.then(|| (h.places.clone(), h.start))
}

/// Receiving verbs that bring something in (not 签约, 迎来, 利用: partners,
/// guests and money).
const BRINGING_IN: &[&str] = &[
    "引进",
    "引入",
    "承接",
    "招引",
    "吸引",
    "吸引落户",
    "引进落户",
    "招引落户",
    "签约引进",
];

/// What an organisation brought in is, when it moves.
const ORG_MOVES: &[&str] = &[
    "项目",
    "中心",
    "分院",
    "研究院",
    "公司",
    "企业",
    "工厂",
    "基地",
    "生产线",
    "医院",
    "院校",
    "学校",
    "大学",
    "分校",
];

/// An organisation's people, whose coming is no move of it.
const ORG_PEOPLE: &[&str] = &[
    "毕业生",
    "学生",
    "专家",
    "教授",
    "人才",
    "团队",
    "校友",
    "医疗队",
    "师生",
    "患者",
    "游客",
    "记者",
    "球员",
    "球队",
];

/// 北京动物园批发市场的商户分流到天津: the movers (商户, 企业…) of an
/// organisation named after a place, as the verb's subject in its clause,
/// come from that place (no place named between).
fn org_home_before(
    inp: &Input,
    hits: &[&PlaceHit],
    s: &Sentence,
    t: &Trigger,
    dest: &[usize],
) -> Option<(Vec<usize>, u32)> {
    let a = clause_start(inp, s, t.start);
    // A visit (前往) is no move of its travellers' organisation.
    if t.word == "前往" {
        return None;
    }
    let org = named_orgs(inp, s, true)
        .into_iter()
        .rev()
        .find(|o| o.start >= a && o.end <= t.start)?;
    let (start, places) = (org.start, org.places.clone());
    // A known firm that moves itself (首钢整体搬迁至曹妃甸, 北京现代将
    // 迁往…): only adverbs between its name and the verb.
    let itself = org.is_known_firm() && {
        let between = text_of(inp.chars, org.end, t.start);
        between.chars().count() <= 6
            && !between
                .chars()
                .any(|c| is_clause_break(c) || matches!(c, '的' | '、' | '和' | '与'))
    };
    if hits
        .iter()
        .any(|h| h.role == Role::Location && h.start >= start && h.end <= t.start)
    {
        return None;
    }
    let subject = text_of(inp.chars, start, t.start);
    let related = with_ancestors(dest);
    let moves = itself
        || [
            "商户",
            "企业",
            "公司",
            "工厂",
            "厂",
            "生产线",
            "生产基地",
            "生产环节",
            "车间",
            "总部",
            "医院",
            "高校",
        ]
        .iter()
        .any(|w| subject.contains(w))
            && !ORG_PEOPLE
                .iter()
                .chain(["代表", "人员", "考察团"].iter())
                .any(|w| subject.contains(w));
    (moves && !places.iter().any(|p| related.contains(p))).then_some((places, start))
}

/// The home of the movers right before a verb of settling with no place
/// after it (20家北京知名生物医药企业首批签约入驻, 已有30家北京企业入驻),
/// in the verb's own clause.
pub(super) fn settling_movers(
    inp: &Input,
    s: &Sentence,
    hits: &[&PlaceHit],
    t: &Trigger,
) -> Option<Vec<usize>> {
    if !["入驻", "进驻", "落户", "签约入驻", "签约落户", "签约进驻"].contains(&t.word)
    {
        return None;
    }
    // Nothing after the verb but the end of its clause (…企业入驻。), not a
    // place the gazetteer does not know (落户某某县).
    let mut e = t.end as usize;
    while e < s.end as usize && matches!(inp.chars[e], '了' | '于' | '此') {
        e += 1;
    }
    if e < s.end as usize && !is_clause_break(inp.chars[e]) {
        return None;
    }
    let a = clause_start(inp, s, t.start);
    let h = hits
        .iter()
        .rev()
        .find(|h| h.role == Role::Location && h.start >= a && h.end <= t.start)?;
    let between = text_of(inp.chars, h.end, t.start);
    // Firms, not people settling their household (北京高校毕业生可直接落户),
    // and not local firms (秦皇岛分园…首批20家秦皇岛本地企业签约入驻).
    let firms = [
        "企业", "商户", "公司", "项目", "机构", "单位", "商家", "药企",
    ]
    .iter()
    .any(|w| between.contains(w));
    let people = [
        "人才",
        "毕业生",
        "人员",
        "人口",
        "户籍",
        "居民",
        "职工",
        "籍",
        "学生",
    ]
    .iter()
    .any(|w| between.contains(w));
    let local = LOCAL.iter().any(|w| between.starts_with(w));
    (is_home_of_mover(inp, h, t.start)
        && firms
        && !people
        && !local
        && between.chars().count() <= 16
        && !between.contains('的'))
    .then(|| h.places.clone())
}
