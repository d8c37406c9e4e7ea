//! The `jjj` command's contract: what scripts and users rely on.

use std::process::{Command, Output, Stdio};

fn jjj(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jjj"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn seeds() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/seeds").to_string()
}

#[test]
fn extract_prints_the_documented_fields() {
    let dir = seeds();
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("000_"))
        .unwrap();
    let out = jjj(&["extract", path.to_str().unwrap(), "--json"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "title",
        "date",
        "source",
        "author",
        "script",
        "encoding",
        "body",
        "body_simplified",
        "warnings",
        "regions",
        "industries",
        "flows",
        "figures",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["date"], "2021-05-29");
    assert_eq!(v["script"], "traditional");
    // Read in the article: 铜牛制衣厂 moved its production to 河北 and 山东;
    // 2154 general-manufacturing firms left Beijing in the 十三五 period.
    let flows = v["flows"].as_array().unwrap();
    // The origin is 通州 or, more precisely, its town 张家湾镇.
    assert!(flows.iter().any(|f| {
        let from = f["from"].as_str().unwrap_or("");
        f["to"] == "山东省" && (from == "通州区" || from.contains("张家湾"))
    }));
    for f in flows {
        for key in ["from", "to", "industry", "evidence"] {
            assert!(f.get(key).is_some(), "flow lacks {key}");
        }
    }
    let figures = v["figures"].as_array().unwrap();
    assert!(figures
        .iter()
        .any(|f| f["value"] == 2154.0 && f["unit"] == "家" && f["period"] == "十三五"));
    for f in figures {
        for key in ["value", "unit", "counts", "evidence"] {
            assert!(f.get(key).is_some(), "figure lacks {key}");
        }
    }
    assert!(v["regions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "北京市"));
}

#[test]
fn flows_and_figures_print_csv_with_a_header_and_json_on_request() {
    let out = jjj(&["flows", &seeds(), "--region", "河北省"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}')
        .starts_with("doc,date,source,title,from,from_en,to,to_en"));
    let rows: Vec<&str> = lines.collect();
    assert!(rows.len() >= 10, "{csv}");
    assert!(
        rows.iter()
            .any(|r| r.contains("曹妃甸协同发展示范区") && r.contains(",256,")),
        "{csv}"
    );
    let out = jjj(
        &[
            "flows",
            &seeds(),
            "--edges",
            "--level",
            "province",
            "--format",
            "json",
        ],
        None,
    );
    let edges: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &edges[0];
    assert_eq!(
        (first["from"].as_str(), first["to"].as_str()),
        (Some("北京市"), Some("河北省"))
    );
    let out = jjj(
        &["figures", &seeds(), "--format", "json", "--text", "公顷"],
        None,
    );
    let figs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(figs
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["value"] == 45.73 && f["unit"] == "公顷"));
}

#[test]
fn query_kwic_and_terms_answer_and_bad_filters_are_one_clear_line() {
    let out = jjj(
        &["query", &seeds(), "--text", "搬遷", "--years", "2018-2018"],
        None,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.starts_with("1 documents"), "{text}");
    let out = jjj(
        &["kwic", &seeds(), "承接", "--sort", "left", "--limit", "3"],
        None,
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    let out = jjj(&["terms", &seeds(), "--limit", "5"], None);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 5);
    // A bad filter is a usage error: exit code 2, and clap's message names
    // the option and the value.
    for (args, names) in [
        (vec!["query", "assets", "--region", "火星"], "--region"),
        (vec!["query", "assets", "--years", "abc"], "--years"),
        (vec!["flows", "assets", "--format", "xml"], "--format"),
        (
            vec!["flows", "assets", "--edges", "--level", "town"],
            "--level",
        ),
        (vec!["kwic", "assets", "承接", "--sort", "up"], "--sort"),
    ] {
        let mut a = args.clone();
        let s = seeds();
        if a[1] == "assets" {
            a[1] = &s;
        }
        let out = jjj(&a, None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{a:?}: {err}");
        assert!(err.contains(names), "{a:?}: {err}");
        assert!(err.contains(a[a.len() - 1]), "{a:?}: {err}");
        assert!(out.stdout.is_empty(), "{a:?}");
    }
    // An open end of --years starts with '-' and is still a value.
    let out = jjj(&["query", &seeds(), "--years", "-2030"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn version_and_help() {
    let out = jjj(&["--version"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("jjj {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = jjj(&["build-corpus", "--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    for option in [
        "--split",
        "--views-from",
        "--shard",
        "--jobs",
        "--strict",
        "--output",
        "--quiet",
    ] {
        assert!(help.contains(option), "{option} not in\n{help}");
    }
    let out = jjj(&["--help"], None);
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in [
        "build-corpus",
        "merge",
        "extract",
        "flows",
        "figures",
        "query",
        "kwic",
        "terms",
    ] {
        assert!(help.contains(cmd), "{cmd} not in\n{help}");
        let out = jjj(&[cmd, "--help"], None);
        assert_eq!(out.status.code(), Some(0), "{cmd} --help");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(&format!("Usage: jjj {cmd}")),
            "{cmd} --help"
        );
    }
    // The benchmarks' generator is not part of the product command.
    assert_eq!(help.contains("synth"), cfg!(feature = "synth"), "{help}");
}

#[test]
fn usage_errors_exit_2_and_show_the_usage() {
    for (args, names) in [
        (vec!["query", "SEEDS", "--bogus"], "--bogus"),
        (
            vec!["build-corpus", "SEEDS", "-o", "x.jjj", "--jobz", "2"],
            "--jobz",
        ),
        (vec!["build-corpus", "SEEDS"], "--output"),
        (vec!["merge", "-o", "x.jjj"], "<PART>"),
        (vec!["kwic", "SEEDS"], "<TERM>"),
        (vec!["frobnicate"], "frobnicate"),
    ] {
        let s = seeds();
        let a: Vec<&str> = args
            .iter()
            .map(|x| if *x == "SEEDS" { s.as_str() } else { x })
            .collect();
        let out = jjj(&a, None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{a:?}: {err}");
        assert!(err.contains(names), "{a:?}: {err}");
        assert!(err.contains("Usage: jjj"), "{a:?}: {err}");
        assert!(out.stdout.is_empty(), "{a:?}");
    }
    // No command at all: the help, on stderr, as a usage error.
    let out = jjj(&[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Commands:"));
}

#[test]
fn refused_input_exits_1_with_one_line() {
    for cmd in ["query", "flows", "figures", "terms"] {
        let out = jjj(&[cmd, "/no/such/folder"], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{cmd}: {err}");
        assert_eq!(err.lines().count(), 1, "{cmd}: {err}");
        assert!(
            err.starts_with("jjj: cannot read folder /no/such/folder"),
            "{cmd}: {err}"
        );
    }
    let out = jjj(&["kwic", "/no/such/corpus.jjj", "企业"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);

    // --strict: a folder with a file that is not a page writes nothing.
    let dir = scratch("strict");
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    for e in std::fs::read_dir(seeds()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, pages.join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(pages.join("zz-empty.txt"), b"").unwrap();
    let bundle = dir.join("out.jjj");
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let out = jjj(
        &["build-corpus", &s(&pages), "-o", &s(&bundle), "--strict"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("zz-empty.txt") && err.contains("--strict"),
        "{err}"
    );
    assert!(!bundle.exists());
    // Nor as a split corpus or JSON Lines, which are written as they come.
    let split = dir.join("site").join("out.jjj");
    let lines = dir.join("out.jsonl");
    for (out, extra) in [(&split, &["--split", "2"][..]), (&lines, &[][..])] {
        let mut args = vec![
            "build-corpus".to_string(),
            s(&pages),
            "-o".into(),
            s(out),
            "--strict".into(),
        ];
        args.extend(extra.iter().map(|x| x.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        assert_eq!(jjj(&args, None).status.code(), Some(1));
        assert!(!out.exists(), "{}", out.display());
    }
    let folder = dir.join("site").join("out");
    let left = std::fs::read_dir(&folder).map_or(0, |d| d.count());
    assert_eq!(left, 0, "chunks left in {}", folder.display());
    assert!(!dir.join("out.jsonl.partial").exists());
    // Without it the page is skipped, and the command succeeds.
    let out = jjj(&["build-corpus", &s(&pages), "-o", &s(&bundle)], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("jjj: skipped "));
    assert!(String::from_utf8_lossy(&out.stdout).contains("total: 5 documents, 1 skipped"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn piped_build_corpus_prints_plain_lines_and_no_progress_bar() {
    let dir = scratch("piped");
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let mut stdouts = Vec::new();
    for quiet in [false, true] {
        let path = dir.join(format!("corpus-{quiet}.jjj"));
        let mut args = vec!["build-corpus".to_string(), seeds(), "-o".into(), s(&path)];
        if quiet {
            args.push("--quiet".into());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = jjj(&args, None);
        assert_eq!(out.status.code(), Some(0));
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        for text in [&stdout, &stderr] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\r'),
                "terminal codes in {text:?}"
            );
        }
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 6, "{stdout}");
        for l in &lines[..5] {
            // id  date  script  encoding  warnings=N  flows=N  figures=N  title
            let f: Vec<&str> = l.split("  ").collect();
            assert!(f.len() >= 8, "{l}");
            assert_eq!(f[0].len(), 16, "{l}");
            assert!(f[4].starts_with("warnings="), "{l}");
            assert!(f[5].starts_with("flows="), "{l}");
            assert!(f[6].starts_with("figures="), "{l}");
        }
        let total = lines[5];
        assert!(
            total.starts_with("total: 5 documents, 0 skipped, ")
                && total.contains(" flows, ")
                && total.contains(" figures, ")
                && total.ends_with(&format!(" bytes -> {}", path.display())),
            "{total}"
        );
        // stderr: the throughput line, nothing else.
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("jjj: ") && stderr.trim_end().ends_with(" MB/s"));
        stdouts.push(stdout.replace(&s(&path), "PATH"));
    }
    assert_eq!(stdouts[0], stdouts[1], "--quiet changed the output");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn extract_reads_standard_input() {
    let page =
        "标题在这里\n来源：新华社\n北京非首都功能疏解持续推进，一批企业迁往河北。".as_bytes();
    let out = jjj(&["extract", "-", "--json"], Some(page));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"], "新华社");
}

#[test]
fn bad_input_exits_non_zero_with_one_clear_line() {
    let dir = std::env::temp_dir().join(format!("jjj-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", vec![], "empty"),
        (
            "image.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "PNG",
        ),
        (
            "english.html",
            b"<html><body><p>English only.</p></body></html>".to_vec(),
            "no Chinese",
        ),
        (
            "junk.bin",
            (0u8..=255).cycle().take(4000).collect(),
            "binary",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = jjj(&["extract", path.to_str().unwrap(), "--json"], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name} succeeded");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
        assert!(err.contains(expect), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let out = jjj(&["extract", "/no/such/file.txt"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn build_corpus_writes_a_bundle_the_app_can_read() {
    let out_path = std::env::temp_dir().join(format!("jjj-corpus-{}.jjj", std::process::id()));
    let out = jjj(
        &["build-corpus", &seeds(), "-o", out_path.to_str().unwrap()],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        6,
        "one line per document and a total:\n{stdout}"
    );
    assert!(stdout
        .lines()
        .last()
        .unwrap()
        .starts_with("total: 5 documents"));
    let bundle = jjj_core::decode_bundle(&std::fs::read(&out_path).unwrap()).unwrap();
    assert_eq!(bundle.documents.len(), 5);
    std::fs::remove_file(&out_path).ok();
}

fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("jjj-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&d).ok();
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Needs `jjj synth`: `cargo test -p jjj-cli --features synth` (scripts/test.sh).
#[cfg(feature = "synth")]
#[test]
fn shards_merged_in_any_order_equal_the_single_machine_bundle() {
    let root = scratch("shards");
    let pages = root.join("pages");
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let out = jjj(
        &["synth", "--articles", "40", "--seed", "5", "-o", &s(&pages)],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(&pages).unwrap().count(), 40);
    // The same seed writes the same pages.
    let again = root.join("again");
    jjj(
        &["synth", "--articles", "40", "--seed", "5", "-o", &s(&again)],
        None,
    );
    for e in std::fs::read_dir(&pages).unwrap() {
        let e = e.unwrap();
        assert_eq!(
            std::fs::read(e.path()).unwrap(),
            std::fs::read(again.join(e.file_name())).unwrap()
        );
    }

    let whole = root.join("whole.jjj");
    let out = jjj(
        &["build-corpus", &s(&pages), "-o", &s(&whole), "--jobs", "2"],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let serial = root.join("serial.jjj");
    jjj(
        &["build-corpus", &s(&pages), "-o", &s(&serial), "--jobs", "1"],
        None,
    );
    assert_eq!(
        std::fs::read(&whole).unwrap(),
        std::fs::read(&serial).unwrap()
    );

    let mut parts = Vec::new();
    for i in 0..3 {
        let p = root.join(format!("part-{i}.jsonl"));
        let shard = format!("{i}/3");
        let out = jjj(
            &["build-corpus", &s(&pages), "--shard", &shard, "-o", &s(&p)],
            None,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines = std::fs::read_to_string(&p).unwrap().lines().count();
        assert!(
            (13..=14).contains(&lines),
            "shard {i} has {lines} documents"
        );
        parts.push(s(&p));
    }
    let merged = root.join("merged.jjj");
    let out = jjj(
        &["merge", &parts[2], &parts[0], &parts[1], "-o", &s(&merged)],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&whole).unwrap(),
        std::fs::read(&merged).unwrap()
    );
    let bundle = jjj_core::decode_bundle(&std::fs::read(&merged).unwrap()).unwrap();
    assert_eq!(bundle.documents.len(), 40);
    assert!(
        bundle
            .documents
            .iter()
            .map(|d| d.flows.len())
            .sum::<usize>()
            > 40
    );

    // Split into an index and chunks: every command reads it as the whole.
    let split = root.join("site").join("corpus.jjj");
    let out = jjj(
        &[
            "merge",
            &parts[1],
            &parts[0],
            &parts[2],
            "-o",
            &s(&split),
            "--split",
            "7",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let chunks = std::fs::read_dir(root.join("site").join("corpus"))
        .unwrap()
        .count();
    assert_eq!(
        chunks, 8,
        "40 documents in chunks of 7, and the index whole and lean (no views under 2,000 documents)"
    );
    // With the single filters' views, asked for at any size: one file each,
    // listed in the head, the same whatever order the parts come in.
    let (va, vb) = (root.join("va"), root.join("vb"));
    for (dir, order) in [(&va, [0, 1, 2]), (&vb, [2, 0, 1])] {
        let out = dir.join("corpus.jjj");
        let mut args = vec!["merge"];
        args.extend(order.iter().map(|&k| parts[k].as_str()));
        let out = s(&out);
        args.extend(["-o", &out, "--split", "7", "--views-from", "0"]);
        assert!(jjj(&args, None).status.success());
    }
    let read = |p: std::path::PathBuf| std::fs::read(p).unwrap();
    assert_eq!(read(va.join("corpus.jjj")), read(vb.join("corpus.jjj")));
    let with_views = jjj_core::decode_bundle(&read(va.join("corpus.jjj"))).unwrap();
    let listed = &with_views.parts.unwrap().head.unwrap().views;
    assert!(listed.len() > 20, "{} views", listed.len());
    for v in listed {
        let bytes = read(va.join(&v.file));
        assert_eq!(bytes, read(vb.join(&v.file)), "{}", v.file);
        let view = jjj_core::corpus::views::decode(&bytes, &v.query).unwrap();
        assert!(view.screen.overview.articles <= 40);
    }
    let files = std::fs::read_dir(va.join("corpus")).unwrap().count();
    assert_eq!(files, 8 + listed.len());
    let head = jjj_core::decode_bundle(&std::fs::read(&split).unwrap()).unwrap();
    assert!(head.documents.is_empty() && jjj_core::corpus::chunks::is_head(&head));
    let index_file = root.join("site").join("corpus").join("index-000.jjj");
    let index = jjj_core::decode_bundle(&std::fs::read(&index_file).unwrap()).unwrap();
    assert_eq!(index.documents.len(), 40);
    assert!(index.documents.iter().all(|d| d.is_summary()));
    let lean_file = root.join("site").join("corpus").join("lean-000.jjj");
    let (lean, _) =
        jjj_core::corpus::lean::decode_piece(&std::fs::read(&lean_file).unwrap()).unwrap();
    assert_eq!(lean.len(), 40);
    assert!(
        std::fs::metadata(&lean_file).unwrap().len()
            < std::fs::metadata(&index_file).unwrap().len()
    );
    assert!(
        std::fs::metadata(&index_file).unwrap().len()
            < std::fs::metadata(&whole).unwrap().len() / 2
    );
    for args in [
        &["flows", "--format", "json"][..],
        &["figures", "--format", "csv", "--region", "河北"][..],
        &["query", "--text", "企业", "--json"][..],
    ] {
        let run = |corpus: &std::path::Path| {
            let mut a = vec![args[0], corpus.to_str().unwrap()];
            a.extend(&args[1..]);
            let out = jjj(&a, None);
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        };
        let a = run(&whole);
        assert!(a.len() > 100, "{args:?} printed almost nothing");
        assert_eq!(a, run(&split), "{args:?}");
    }
    split_index_answers_like_the_whole(&whole, &split);
    // A chunk that went missing is named.
    std::fs::remove_file(root.join("site").join("corpus").join("00003.jjj")).unwrap();
    let out = jjj(&["query", &s(&split)], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("00003.jjj"));

    // A part not in the order build-corpus writes is refused, naming it.
    let shuffled = root.join("shuffled.jsonl");
    let mut lines: Vec<String> = std::fs::read_to_string(&parts[0])
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert!(lines.len() > 2);
    lines.reverse();
    std::fs::write(&shuffled, lines.join("\n")).unwrap();
    let out = jjj(
        &["merge", &s(&shuffled), "-o", &s(&root.join("x.jjj"))],
        None,
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("shuffled.jsonl") && err.contains("order"),
        "{err}"
    );
    assert!(!root.join("x.jjj").exists());

    let junk = root.join("junk.jsonl");
    std::fs::write(&junk, "{\"not\": \"a document\"}\n").unwrap();
    let out = jjj(&["merge", &s(&junk), "-o", &s(&root.join("x.jjj"))], None);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("junk.jsonl line 1"), "{err}");
    assert!(!root.join("x.jjj").exists());
    for bad in ["3/3", "x/2", "1"] {
        let out = jjj(
            &[
                "build-corpus",
                &s(&pages),
                "--shard",
                bad,
                "-o",
                &s(&root.join("y.jjj")),
            ],
            None,
        );
        assert!(!out.status.success(), "--shard {bad} accepted");
    }
    std::fs::remove_dir_all(&root).ok();
}

/// The app answers from a split corpus's index alone (summaries, no text):
/// every filter of bench/queries.txt must give it what the whole bundle
/// gives — the same documents in the same order, flows, figures, facets, and
/// the same edges at every level. Free text is the exception the app states:
/// the index finds a subset (titles and key terms only).
#[cfg(feature = "synth")]
fn split_index_answers_like_the_whole(whole: &std::path::Path, split: &std::path::Path) {
    use jjj_core::corpus::aggregate::{aggregate, Level};
    use jjj_core::corpus::overview::{overview, Settings};
    use jjj_core::corpus::query::{Index, Query};
    let whole = jjj_core::decode_bundle(&std::fs::read(whole).unwrap()).unwrap();
    let bundle = jjj_core::decode_bundle(&std::fs::read(split).unwrap()).unwrap();
    let base = split.parent().unwrap();
    let index =
        jjj_core::corpus::chunks::read_index(&bundle, |f| Ok(std::fs::read(base.join(f)).unwrap()))
            .unwrap();
    let head = bundle.parts.unwrap().head.unwrap();
    let terms = &index.parts.as_ref().unwrap().terms;
    // The first screen is the unfiltered whole corpus: every count, link
    // and edge (the top terms come from key terms, see below).
    let whole_index = Index::new(&whole.documents);
    let all = whole_index.search(&whole.documents, &Query::default());
    let mut first = overview(&whole.documents, &whole_index, &all, Settings::default());
    assert!(first.flows > 10 && first.articles == whole.documents.len() as u32);
    first.terms = head.first.overview.terms.clone();
    assert_eq!(head.first.overview, first);
    assert_eq!(head.first.facets, all.facets);
    let (a, b) = (
        Index::new(&whole.documents),
        Index::with_terms(&index.documents, terms),
    );
    // What the app loads: the lean pieces, their documents and index as
    // the build wrote them, joined. The same index, row for row.
    let head_bundle = jjj_core::decode_bundle(&std::fs::read(split).unwrap()).unwrap();
    let mut lean = jjj_core::corpus::lean::LeanIndex::for_head(&head_bundle);
    assert_eq!(head.lean.len(), head.index.len());
    for c in &head.lean {
        let (docs, index) =
            jjj_core::corpus::lean::decode_piece(&std::fs::read(base.join(&c.file)).unwrap())
                .unwrap();
        lean.add_lean(docs, index);
    }
    let (lean_docs, lean_index) = lean.finish(&head_bundle).unwrap();
    assert!(lean_index == b, "the lean pieces give the summaries' index");
    let lean_docs = lean_docs.documents;
    let queries = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/queries.txt"),
    )
    .unwrap();
    let mut some = 0;
    for line in queries
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
    {
        let q = Query::from_params(line);
        let (x, y) = (
            a.search(&whole.documents, &q),
            b.search(&index.documents, &q),
        );
        let hits = |r: &jjj_core::corpus::query::Results| -> Vec<u32> {
            r.docs.iter().map(|h| h.doc).collect()
        };
        if !q.text.trim().is_empty() {
            // Free text: the index has no text, only titles and key terms
            // (the app says so beside the search box). What it finds, the
            // whole bundle finds too.
            let whole_hits = hits(&x);
            assert!(
                hits(&y).iter().all(|d| whole_hits.contains(d)),
                "documents of {line:?}"
            );
            continue;
        }
        assert_eq!(hits(&x), hits(&y), "documents of {line:?}");
        assert_eq!(x.flows, y.flows, "flows of {line:?}");
        assert_eq!(x.figures, y.figures, "figures of {line:?}");
        assert_eq!(x.facets, y.facets, "facets of {line:?}");
        for level in [Level::Exact, Level::City, Level::Province] {
            for by_industry in [false, true] {
                assert_eq!(
                    aggregate(&whole.documents, &x.flows, level, by_industry),
                    aggregate(&index.documents, &y.flows, level, by_industry),
                    "edges of {line:?} at {level:?}"
                );
            }
        }
        let z = lean_index.search(&lean_docs, &q);
        assert_eq!(hits(&x), hits(&z), "documents of {line:?}, lean");
        assert_eq!(
            (&x.flows, &x.figures, &x.facets),
            (&z.flows, &z.figures, &z.facets)
        );
        for level in [Level::Exact, Level::City, Level::Province] {
            assert_eq!(
                jjj_core::corpus::overview::all_edges(&whole.documents, &a, &x, level, true),
                jjj_core::corpus::overview::all_edges(&lean_docs, &lean_index, &z, level, true),
                "edges of {line:?} at {level:?}, lean"
            );
        }
        some += usize::from(!x.docs.is_empty());
    }
    assert!(some >= 3, "only {some} queries found anything");
}
