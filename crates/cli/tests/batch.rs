//! `bascule batch`: an association's first briefing for each of its members, from a CSV
//! of a few facts per member, with the bad rows named and the others written.
#![allow(clippy::panic)] // a test helper that fails, fails the test

mod common;

use common::{bascule, temp_file};
use serde_json::Value;
use std::path::{Path, PathBuf};

const SECTORS: [&str; 4] = ["state", "critical_operator", "regulated", "private"];

/// 150 members of varied sizes, sectors and plan mixes; rows 40, 77 and 120 are wrong in
/// one field each (users not a number, shares not making 100, a share over 100).
fn members_csv() -> String {
    let mut csv = String::from(
        "organisation.name,organisation.users,organisation.sector,public_suite.plans[0].share_pct,public_suite.plans[1].share_pct,migration.moved_share_pct,trusted_offer.premium_pct\n",
    );
    for n in 1..=150u32 {
        let users = 500 + (n * 7919) % 60_000;
        let sector = SECTORS[(n % 4) as usize];
        let e3 = 50 + (n * 13) % 50;
        let moved = format!("{}.5", 15 + n % 20);
        // Every tenth member's premium lies outside the reference's 10–50 % range.
        let premium = if n % 10 == 0 {
            "60".to_owned()
        } else {
            format!("{}", 10 + n % 40)
        };
        let (users, e5) = match n {
            40 => ("many".to_owned(), 100 - e3),
            77 => (users.to_string(), 100 - e3 + 5),
            _ => (users.to_string(), 100 - e3),
        };
        let moved = if n == 120 { "140".to_owned() } else { moved };
        csv.push_str(&format!(
            "\"Membre n° {n}, {sector}\",{users},{sector},{e3},{e5},{moved},{premium}\n"
        ));
    }
    csv
}

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("bascule-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn summary(dir: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(dir.join("summary.csv")).expect("summary.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.expect("a row").iter().map(str::to_owned).collect())
        .collect()
}

fn pdf_text(path: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed");
    String::from_utf8_lossy(&output.stdout).replace(['\u{202f}', '\u{a0}'], " ")
}

/// The English reference with its first two risks: the same assumptions to replace, and
/// a test build that briefs 147 members in a few tens of seconds.
fn base_scenario() -> PathBuf {
    let mut reference: Value =
        serde_json::from_slice(&bascule(&["defaults", "--lang", "en"]).stdout).expect("JSON");
    reference["risks"]
        .as_array_mut()
        .expect("risks")
        .truncate(2);
    temp_file("base.json", reference.to_string().as_bytes())
}

#[test]
fn a_hundred_and_fifty_members_give_147_briefings_and_three_named_refusals() {
    let members = temp_file("members.csv", members_csv().as_bytes());
    let base = base_scenario();
    let dir = out_dir("150");
    let output = bascule(&[
        "batch",
        members.to_str().expect("path"),
        "--scenario",
        base.to_str().expect("path"),
        "-o",
        dir.to_str().expect("path"),
        "--date",
        "2026-12-01",
        "--trials",
        "1000",
        "--lang",
        "en",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    // The three bad rows, by row and field, with the messages evaluate gives.
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].starts_with(
            "member 40 (line 41), organisation.users (value \"many\"): expected a whole number"
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(
            "member 77 (line 78), public_suite.plans: the plans' shares add up to 105 %"
        ),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with(
            "member 120 (line 121), migration.moved_share_pct.value (value \"140\"): out of range"
        ),
        "{}",
        lines[2]
    );

    let pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 147);
    let rows = summary(&dir);
    assert_eq!(rows.len(), 150);
    let refused: Vec<&str> = rows
        .iter()
        .filter(|r| r[2] == "refused")
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(refused, ["40", "77", "120"]);

    // Each line equals `bascule evaluate` of the member's own scenario, written beside
    // its briefing; a few PDFs are read to check they name their member and carry its seal.
    for row in rows.iter().filter(|r| r[2] == "briefed") {
        let n: u32 = row[0].parse().expect("row number");
        assert_eq!(
            row[1],
            format!("Membre n° {n}, {}", SECTORS[(n % 4) as usize])
        );
        let scenario = dir.join(&row[4]);
        let report: Value = serde_json::from_slice(
            &bascule(&[
                "evaluate",
                scenario.to_str().expect("path"),
                "--format",
                "json",
            ])
            .stdout,
        )
        .expect("evaluate prints JSON");
        assert_eq!(
            row[5],
            report["scenario_sha256"].as_str().expect("hash"),
            "row {n}"
        );
        assert_eq!(row[6], report["headline"]["extra_cost_npv"], "row {n}");
        assert_eq!(row[7], report["headline"]["risk_avoided_npv"], "row {n}");
        assert_eq!(row[8], report["headline"]["net_benefit_npv"], "row {n}");
        assert_eq!(
            row[9],
            report["break_even_premium_pct"]
                .as_str()
                .unwrap_or_default(),
            "row {n}"
        );
        if n % 37 == 1 {
            let text = pdf_text(&dir.join(&row[3]));
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                flat.contains(&format!("Membre n° {n},")),
                "row {n} names its member"
            );
            assert!(flat.contains(&row[5][..19]), "row {n} carries its own seal");
        }
    }
    // Distinct members, distinct seals.
    let mut hashes: Vec<&str> = rows
        .iter()
        .map(|r| r[5].as_str())
        .filter(|h| !h.is_empty())
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    assert_eq!(hashes.len(), 147);

    // A premium outside the reference's range: the value is the member's, the range is
    // dropped, and the register says so; inside it, the range and source stay.
    let tenth = std::fs::read_to_string(dir.join(&rows[9][4])).expect("member 10's scenario");
    let tenth: Value = serde_json::from_str(&tenth).expect("JSON");
    let premium = &tenth["trusted_offer"]["premium_pct"];
    assert_eq!(premium["value"], "60");
    assert!(premium.get("low").is_none(), "{premium}");
    assert!(
        premium["source"].as_str().is_some_and(|s| s.contains(
            "the member's value (60) lies outside the reference range (10 – 50): range dropped"
        )),
        "{premium}"
    );
    let briefing = pdf_text(&dir.join(&rows[9][3]));
    let flat = briefing.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("lies outside the reference range"),
        "the register says so"
    );
    let first: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(&rows[0][4])).expect("member 1's scenario"),
    )
    .expect("JSON");
    assert_eq!(first["trusted_offer"]["premium_pct"]["value"], "11");
    assert_eq!(first["trusted_offer"]["premium_pct"]["low"], "10");
    assert_eq!(first["organisation"]["users"], 500 + 7919);
    assert_eq!(
        first["name"],
        "Membre n° 1, critical_operator: first estimate"
    );
}

#[test]
fn a_french_excel_export_reads_too() {
    let members = temp_file(
        "membres.csv",
        "\u{feff}organisation.name;organisation.users;migration.moved_share_pct\r\nÉnergie du Sud;12 000;22,5\r\n;;\r\n"
            .as_bytes(),
    );
    let dir = out_dir("excel");
    let output = bascule(&[
        "batch",
        members.to_str().expect("path"),
        "-o",
        dir.to_str().expect("path"),
        "--trials",
        "1000",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = summary(&dir);
    assert_eq!(rows.len(), 1, "the blank line is no member");
    assert_eq!(rows[0][3], "001-energie-du-sud.pdf");
    let scenario: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(&rows[0][4])).expect("scenario"))
            .expect("JSON");
    assert_eq!(scenario["organisation"]["users"], 12_000);
    assert_eq!(scenario["migration"]["moved_share_pct"]["value"], "22.5");
}

#[test]
fn a_file_that_cannot_be_used_is_refused_and_nothing_is_written() {
    for (name, csv, says) in [
        (
            "unknown",
            "organisation.name,migration.moved_sahre_pct\nA,20\n",
            "column \"migration.moved_sahre_pct\": no field of the base scenario",
        ),
        (
            "twice",
            "organisation.name,organisation.name\nA,B\n",
            "appears twice",
        ),
        (
            "ragged",
            "organisation.name,organisation.users\nA,100\nB\n",
            "line 3: 1 cells, the header has 2",
        ),
        ("empty", "organisation.name\n", "no member row"),
        (
            "latin1",
            "organisation.name\nSoci\u{e9}t\u{e9}\n",
            "the file is not UTF-8 text",
        ),
    ] {
        let bytes = match name {
            // Latin-1, as an old spreadsheet writes it: é is one byte.
            "latin1" => csv.chars().map(|c| c as u8).collect::<Vec<u8>>(),
            _ => csv.as_bytes().to_vec(),
        };
        let members = temp_file(&format!("{name}.csv"), &bytes);
        let dir = out_dir(name);
        let output = bascule(&[
            "batch",
            members.to_str().expect("path"),
            "-o",
            dir.to_str().expect("path"),
            "--lang",
            "en",
        ]);
        common::assert_refused(&output, says);
        assert!(!dir.exists(), "{name}: nothing written");
    }
}
