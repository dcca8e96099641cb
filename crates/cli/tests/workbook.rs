//! `bascule workbook`: the file an analyst opens in Excel or LibreOffice. Its figures are
//! checked by LibreOffice itself in crates/workbook/tests; here, the command's behaviour.

mod common;

use common::{assert_refused, bascule, temp_file};

#[test]
fn the_workbook_is_an_xlsx_and_the_same_file_gives_the_same_bytes() {
    let scenario = temp_file("workbook.json", &bascule(&["defaults"]).stdout);
    let scenario = scenario.to_str().expect("path");
    let out = temp_file("a.xlsx", b"");
    let again = temp_file("b.xlsx", b"");
    let english = temp_file("c.xlsx", b"");
    for (path, lang) in [(&out, "fr"), (&again, "fr"), (&english, "en")] {
        let path = path.to_str().expect("path");
        let args = [
            "workbook",
            scenario,
            "-o",
            path,
            "--date",
            "2026-12-01",
            "--trials",
            "2000",
            "--lang",
            lang,
        ];
        let output = bascule(&args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.stdout.is_empty());
    }
    let bytes = std::fs::read(&out).expect("written");
    // An Office Open XML file is a zip archive.
    assert!(bytes.starts_with(b"PK\x03\x04"), "not a zip");
    assert!(bytes.len() > 10_000, "{} bytes", bytes.len());
    assert_eq!(
        bytes,
        std::fs::read(&again).expect("written"),
        "not reproducible"
    );
    assert_ne!(
        bytes,
        std::fs::read(&english).expect("written"),
        "the language changed nothing"
    );
}

#[test]
fn workbook_refuses_a_bad_date_or_folder_and_keeps_the_old_file() {
    let scenario = temp_file("workbook-bad.json", &bascule(&["defaults"]).stdout);
    let scenario = scenario.to_str().expect("path");
    let existing = temp_file("existing.xlsx", b"the analyst's copy");
    let out = existing.to_str().expect("path");
    assert_refused(
        &bascule(&["workbook", scenario, "-o", out, "--date", "2026-13-01"]),
        "--date (valeur 2026-13-01): date invalide",
    );
    assert_refused(
        &bascule(&["workbook", scenario, "-o", "/nonexistent/folder/w.xlsx"]),
        "--output",
    );
    assert_refused(
        &bascule(&["workbook", scenario, "-o", out, "--trials", "10"]),
        "--trials",
    );
    let broken = temp_file("broken.json", b"{\"format\": \"bascule.scenario\"");
    assert_refused(
        &bascule(&["workbook", broken.to_str().expect("path"), "-o", out]),
        "JSON",
    );
    assert_eq!(
        std::fs::read(&existing).expect("kept"),
        b"the analyst's copy"
    );
}
