//! The `bascule` binary as analysts and scripts use it: real files, real exit codes.
#![allow(clippy::panic)] // a test helper that fails, fails the test

mod common;

use common::{assert_refused, bascule, temp_file};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bascule_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bascule"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bascule runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("input written");
    child.wait_with_output().expect("bascule ends")
}

fn vector(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../model/tests/vectors")
        .join(name)
}

fn stdout_json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn defaults_prints_a_scenario_that_evaluates() {
    let defaults = bascule(&["defaults"]);
    let scenario = stdout_json(&defaults);
    assert_eq!(scenario["format"], "bascule.scenario");
    assert_eq!(scenario["organisation"]["users"], 10_000);
    let path = temp_file("reference.json", &defaults.stdout);
    let report = stdout_json(&bascule(&[
        "evaluate",
        path.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]));
    assert_eq!(report["model_version"], "2");
    assert!(
        report["scenario_sha256"]
            .as_str()
            .is_some_and(|h| h.starts_with("sha256:") && h.len() == 71)
    );
    assert_eq!(report["moved_users"], "2250.00");
    assert!(
        report["sensitivity"]
            .as_array()
            .is_some_and(|rows| rows.len() > 30)
    );
}

#[test]
fn the_english_reference_has_the_same_figures() {
    let fr = temp_file("fr.json", &bascule(&["defaults"]).stdout);
    let en = temp_file("en.json", &bascule(&["defaults", "--lang", "en"]).stdout);
    let fr = stdout_json(&bascule(&[
        "evaluate",
        fr.to_str().expect("path"),
        "--format",
        "json",
    ]));
    let en = stdout_json(&bascule(&[
        "evaluate",
        en.to_str().expect("path"),
        "--format",
        "json",
    ]));
    assert_eq!(fr["options"], en["options"]);
    assert_eq!(fr["sensitivity"], en["sensitivity"]);
    assert_ne!(
        fr["scenario_sha256"], en["scenario_sha256"],
        "names differ, so does the hash"
    );
}

#[test]
fn sources_lists_the_bibliography_the_defaults_cite_in_both_languages() {
    let defaults = stdout_json(&bascule(&["defaults", "--lang", "en"]));
    for (lang, support) in [("fr", "20 à 25 %"), ("en", "20 % to 25 %")] {
        let sources = stdout_json(&bascule(&["sources", "--lang", lang, "--format", "json"]));
        let ids: Vec<&str> = sources
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|s| s["id"].as_str())
            .collect();
        // Every id the reference cites is listed.
        let text = defaults.to_string();
        for cited in text.split("\"cites\":[").skip(1) {
            let list = cited.split(']').next().unwrap_or_default();
            for id in list.split(',') {
                let id = id.trim_matches('"');
                assert!(ids.contains(&id), "{id} is listed");
            }
        }
        assert_eq!(sources[0]["id"], "cigref_2022_communique");
        assert!(
            sources[0]["supports"]
                .as_str()
                .is_some_and(|s| s.contains(support))
        );
        let table = bascule(&["sources", "--lang", lang, "--format", "table"]);
        let table = String::from_utf8_lossy(&table.stdout);
        assert!(
            table.starts_with("cigref_2022_communique\n  Cigref, "),
            "{table:.200}"
        );
    }
}

#[test]
fn evaluate_prints_the_figures_of_every_vector() {
    for name in [
        "01-costs-only.json",
        "02-ramp-inflation.json",
        "03-risks-sensitivity.json",
        "04-nobody-moves.json",
    ] {
        let vector: Value =
            serde_json::from_slice(&std::fs::read(vector(name)).expect("vector")).expect("json");
        let path = temp_file(name, vector["scenario"].to_string().as_bytes());
        let report = stdout_json(&bascule(&[
            "evaluate",
            path.to_str().expect("path"),
            "--format",
            "json",
        ]));
        for key in [
            "net_benefit_npv",
            "headline",
            "break_even_premium_pct",
            "payback_year",
            "steady_state_annual_net",
        ] {
            assert_eq!(report[key], vector["expected"][key], "{name}: {key}");
        }
        assert_eq!(
            report["options"]["hybrid"]["yearly_cost"],
            vector["expected"]["options"]["hybrid"]["yearly_cost"],
            "{name}"
        );
    }
}

#[test]
fn the_table_speaks_the_scenarios_language() {
    let vector: Value = serde_json::from_slice(
        &std::fs::read(vector("03-risks-sensitivity.json")).expect("vector"),
    )
    .expect("json");
    let path = temp_file("v3.json", vector["scenario"].to_string().as_bytes());
    let table = bascule(&[
        "evaluate",
        path.to_str().expect("path"),
        "--format",
        "table",
    ]);
    assert!(table.status.success());
    let text = String::from_utf8(table.stdout).expect("utf-8");
    assert!(
        text.contains("Decision: Moving 22.5\u{a0}% of users (225) to the trusted offer pays"),
        "{text}"
    );
    assert!(
        text.contains("Net benefit (NPV)") && text.contains("€126,021"),
        "{text}"
    );
    assert!(text.contains("Compelled access: rate"), "{text}");
}

#[test]
fn json_is_the_default_when_piped() {
    let vector: Value =
        serde_json::from_slice(&std::fs::read(vector("02-ramp-inflation.json")).expect("vector"))
            .expect("json");
    let path = temp_file("v2.json", vector["scenario"].to_string().as_bytes());
    let report = stdout_json(&bascule(&["evaluate", path.to_str().expect("path")]));
    assert_eq!(
        report["net_benefit_npv"],
        vector["expected"]["net_benefit_npv"]
    );
    // Standard input too.
    let report = stdout_json(&bascule_with_stdin(
        &["evaluate", "-"],
        vector["scenario"].to_string().as_bytes(),
    ));
    assert_eq!(report["payback_year"], 5);
}

#[test]
fn a_vector_file_itself_is_refused_naming_its_extra_fields() {
    let output = bascule(&[
        "evaluate",
        vector("01-costs-only.json").to_str().expect("path"),
    ]);
    assert_refused(&output, "expected: champ inconnu");
}

#[test]
fn truncated_json_is_refused_with_its_line() {
    let path = temp_file(
        "truncated.json",
        br#"{"format": "bascule.scenario", "version": 1, "name": "#,
    );
    assert_refused(
        &bascule(&["evaluate", path.to_str().expect("path")]),
        "JSON invalide à la ligne 1",
    );
    assert_refused(
        &bascule(&["evaluate", path.to_str().expect("path"), "--lang", "en"]),
        "invalid JSON at line 1",
    );
}

#[test]
fn wrong_types_and_huge_numbers_are_refused_naming_the_field() {
    let reference: Value =
        serde_json::from_slice(&bascule(&["defaults", "--lang", "en"]).stdout).expect("json");
    let mut bad = reference.clone();
    bad["organisation"]["users"] = Value::String("ten thousand".into());
    bad["discount_rate_pct"]["value"] = Value::String("1e999999".into());
    bad["horizon_years"] = serde_json::json!(1e300);
    let path = temp_file("types.json", bad.to_string().as_bytes());
    let output = bascule(&["evaluate", path.to_str().expect("path")]);
    assert_refused(&output, "organisation.users");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("discount_rate_pct.value") && stderr.contains("horizon_years"),
        "{stderr}"
    );
}

#[test]
fn a_100_mb_file_is_refused_without_reading_it_all() {
    let path = temp_file("huge.json", &vec![b' '; 100 * 1024 * 1024]);
    assert_refused(
        &bascule(&["evaluate", path.to_str().expect("path"), "--lang", "en"]),
        "the file is 104857600 bytes",
    );
    std::fs::remove_file(path).expect("removed");
}

#[test]
fn unreadable_inputs_are_refused() {
    assert_refused(
        &bascule(&["evaluate", "/nonexistent/scenario.json"]),
        "lecture impossible",
    );
    let path = temp_file("binary.json", &[0xff, 0xfe, 0x00, 0x01]);
    assert_refused(
        &bascule(&["evaluate", path.to_str().expect("path"), "--lang", "en"]),
        "not UTF-8",
    );
    let path = temp_file("empty.json", b"");
    assert_refused(
        &bascule(&["evaluate", path.to_str().expect("path")]),
        "JSON invalide",
    );
    assert_refused(
        &bascule_with_stdin(&["evaluate", "-"], b"[]"),
        "attendu un objet",
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = bascule(&["schema"]);
    let committed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/scenario.schema.json"),
    )
    .expect("schema");
    assert_eq!(output.stdout, committed);
}

fn vector_scenario_file(name: &str) -> PathBuf {
    let vector: Value =
        serde_json::from_slice(&std::fs::read(vector(name)).expect("vector")).expect("json");
    temp_file(
        &format!("scenario-{name}"),
        vector["scenario"].to_string().as_bytes(),
    )
}

#[test]
fn simulate_prints_the_figures_of_model_md_section_8() {
    let path = vector_scenario_file("03-risks-sensitivity.json");
    let path = path.to_str().expect("path");
    let report = stdout_json(&bascule(&[
        "simulate", path, "--format", "json", "--trials", "2000", "--seed", "42",
    ]));
    assert_eq!(
        (report["trials"].as_u64(), report["seed"].as_u64()),
        (Some(2000), Some(42))
    );
    for option in ["public", "hybrid"] {
        let o = &report["options"][option];
        for key in ["mean", "p50", "p90", "p95", "p99"] {
            assert!(
                o["annual_loss"][key].is_number(),
                "{option}.annual_loss.{key}"
            );
        }
        for key in ["mean", "p50", "p90", "p95"] {
            assert!(o["npv_loss"][key].is_number(), "{option}.npv_loss.{key}");
        }
        assert_eq!(o["lec"].as_array().map(Vec::len), Some(50));
    }
    // The pinned draws of the library's golden test, through the binary (compared as text:
    // serde_json's default float parsing may miss the last digit).
    let output = bascule(&[
        "simulate", path, "--format", "json", "--trials", "2000", "--seed", "42",
    ]);
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("\"mean\": 917819.4642718643,"), "{text}");
    assert!(text.contains("\"probability_positive\": 0.1\n"), "{text}");
    // A version-1 file: its version-1 seal is printed beside the version-2 hash.
    assert_eq!(
        report["source_sha256"],
        "sha256:d5ad700f467b42df12e39e9fb32ecb05ba7d9de62069f33e02242b19acf60fdb"
    );
    // Flags do not change the scenario's hash.
    let evaluated = stdout_json(&bascule(&["evaluate", path, "--format", "json"]));
    assert_eq!(report["scenario_sha256"], evaluated["scenario_sha256"]);
}

#[test]
fn simulate_gives_the_same_output_with_one_or_two_threads() {
    let path = vector_scenario_file("03-risks-sensitivity.json");
    let run = |threads: &str| {
        Command::new(env!("CARGO_BIN_EXE_bascule"))
            .args([
                "simulate",
                path.to_str().expect("path"),
                "--format",
                "json",
                "--trials",
                "20000",
            ])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("bascule runs")
    };
    let (one, two) = (run("1"), run("2"));
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn simulate_refuses_trials_out_of_range_naming_the_flag() {
    let path = vector_scenario_file("03-risks-sensitivity.json");
    let path = path.to_str().expect("path");
    assert_refused(
        &bascule(&["simulate", path, "--trials", "999"]),
        "--trials (value 999): out of range: must be between 1,000 and 2,000,000",
    );
    assert_refused(
        &bascule(&["simulate", path, "--trials", "2000001"]),
        "--trials",
    );
    assert_refused(
        &bascule(&["simulate", path, "--trials", "99999999999"]),
        "--trials",
    );
    assert_refused(
        &bascule(&["simulate", path, "--seed", "9007199254740992"]),
        "--seed",
    );
}

#[test]
fn simulate_table_explains_its_figures() {
    let path = vector_scenario_file("03-risks-sensitivity.json");
    let output = bascule(&[
        "simulate",
        path.to_str().expect("path"),
        "--format",
        "table",
        "--trials",
        "1000",
    ]);
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        text.contains("Probability that moving costs less:"),
        "{text}"
    );
    assert!(
        text.contains("P95: one year in twenty costs more than this."),
        "{text}"
    );
}

#[test]
fn brief_writes_the_same_pdf_every_run() {
    let scenario = temp_file(
        "brief-scenario.json",
        &bascule(&["defaults", "--lang", "en"]).stdout,
    );
    let scenario = scenario.to_str().expect("path");
    let dir = temp_file("placeholder", b"")
        .parent()
        .expect("dir")
        .to_path_buf();
    let (first, second) = (dir.join("first.pdf"), dir.join("second.pdf"));
    for out in [&first, &second] {
        let output = bascule(&[
            "brief",
            scenario,
            "-o",
            out.to_str().expect("path"),
            "--date",
            "2026-11-29",
            "--trials",
            "2000",
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.stdout.is_empty());
    }
    let (a, b) = (
        std::fs::read(&first).expect("pdf"),
        std::fs::read(&second).expect("pdf"),
    );
    assert!(a.starts_with(b"%PDF-") && a == b, "two runs differ");
    // No temporary file is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn brief_refuses_a_bad_date_or_folder_and_keeps_the_old_file() {
    let scenario = temp_file("brief-bad.json", &bascule(&["defaults"]).stdout);
    let scenario = scenario.to_str().expect("path");
    let existing = temp_file("existing.pdf", b"the board's copy");
    let out = existing.to_str().expect("path");
    assert_refused(
        &bascule(&["brief", scenario, "-o", out, "--date", "2026-02-30"]),
        "--date (valeur 2026-02-30): date invalide",
    );
    assert_eq!(std::fs::read(&existing).expect("kept"), b"the board's copy");
    assert_refused(
        &bascule(&["brief", scenario, "-o", "/nonexistent/folder/b.pdf"]),
        "--output",
    );
    assert_refused(
        &bascule(&["brief", scenario, "-o", out, "--trials", "10"]),
        "--trials",
    );
    assert_eq!(std::fs::read(&existing).expect("kept"), b"the board's copy");
}

fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
        .to_str()
        .expect("utf-8 path")
        .to_owned()
}

#[test]
fn the_example_pack_verifies_with_its_test_key() {
    let output = bascule(&[
        "pack",
        "verify",
        &repo("packs/example-pack.json"),
        "--trust",
        &repo("packs/test-key/TEST-ONLY-example-publisher.pub"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("vérifié : signé par la clé") && text.contains("Association exemple"),
        "{text}"
    );
}

#[test]
fn keygen_create_verify_and_use_a_pack() {
    let dir = temp_file("placeholder", b"")
        .parent()
        .expect("dir")
        .to_path_buf();
    let name = dir.join("publisher");
    let made = bascule(&["pack", "keygen", "--out", name.to_str().expect("path")]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("publisher.key"))
            .expect("key")
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "the secret key is readable by its owner only"
        );
    }
    assert_refused(
        &bascule(&["pack", "keygen", "--out", name.to_str().expect("path")]),
        "existe déjà",
    );

    let scenario = temp_file(
        "pack-source.json",
        &bascule(&["defaults", "--lang", "en"]).stdout,
    );
    let pack = dir.join("pack.json");
    let key = dir.join("publisher.key");
    let created = bascule(&[
        "pack",
        "create",
        "--scenario",
        scenario.to_str().expect("path"),
        "--publisher",
        "Cigref test",
        "--published",
        "2026-11-29",
        "--key",
        key.to_str().expect("path"),
        "-o",
        pack.to_str().expect("path"),
    ]);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let pack = pack.to_str().expect("path");
    let public = dir.join("publisher.pub");
    assert!(
        bascule(&[
            "pack",
            "verify",
            pack,
            "--trust",
            public.to_str().expect("path")
        ])
        .status
        .success()
    );
    assert_refused(
        &bascule(&[
            "pack",
            "verify",
            pack,
            "--trust",
            &repo("packs/test-key/TEST-ONLY-example-publisher.pub"),
        ]),
        "n'est pas la clé de confiance",
    );

    // The pack's scenario, evaluated, is the scenario's own figures.
    let from_pack = stdout_json(&bascule(&["evaluate", "--pack", pack, "--format", "json"]));
    let from_file = stdout_json(&bascule(&[
        "evaluate",
        scenario.to_str().expect("path"),
        "--format",
        "json",
    ]));
    assert_eq!(from_pack, from_file);

    // Altered by one figure: refused with the reason.
    let altered = std::fs::read_to_string(pack).expect("pack").replacen(
        "\"value\": \"22.5\"",
        "\"value\": \"25\"",
        1,
    );
    let altered = temp_file("altered.json", altered.as_bytes());
    assert_refused(
        &bascule(&["pack", "verify", altered.to_str().expect("path")]),
        "modifié après sa signature",
    );
    assert_refused(
        &bascule(&[
            "brief",
            "--pack",
            altered.to_str().expect("path"),
            "-o",
            "/tmp/never.pdf",
        ]),
        "modifié après sa signature",
    );
}

#[test]
fn an_unsigned_pack_is_used_only_when_accepted_and_then_labelled() {
    let mut pack: Value = serde_json::from_str(
        &std::fs::read_to_string(repo("packs/example-pack.json")).expect("pack"),
    )
    .expect("json");
    pack.as_object_mut().expect("object").remove("signature");
    let unsigned = temp_file("unsigned.json", pack.to_string().as_bytes());
    let unsigned = unsigned.to_str().expect("path");
    let out = temp_file("unsigned.pdf", b"");
    let out = out.to_str().expect("path");
    assert_refused(
        &bascule(&["brief", "--pack", unsigned, "-o", out]),
        "n'est pas signé",
    );
    let accepted = bascule(&[
        "brief",
        "--pack",
        unsigned,
        "--accept-unverified",
        "-o",
        out,
        "--trials",
        "1000",
    ]);
    assert!(
        accepted.status.success(),
        "{}",
        String::from_utf8_lossy(&accepted.stderr)
    );
    let text = Command::new("pdftotext")
        .args([out, "-"])
        .output()
        .expect("pdftotext is needed");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("NON VÉRIFIÉ"),
        "the briefing says the pack is unverified"
    );
}
