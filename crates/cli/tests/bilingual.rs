//! A pack in both languages: made from a scenario and its translation, it briefs each
//! member in theirs (publisher, names, sources), and refuses a "translation" that changes
//! a number. Needs poppler-utils (`cargo xtask test` installs it).

mod common;

use common::{assert_refused, bascule, temp_file};
use std::path::Path;
use std::process::Command;

fn path(p: &Path) -> &str {
    p.to_str().expect("path")
}

fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8_lossy(&output.stdout).replace(['\u{202f}', '\u{a0}'], " ")
}

#[test]
fn a_bilingual_pack_briefs_each_member_in_their_language() {
    let french = temp_file("fr.json", &bascule(&["defaults", "--lang", "fr"]).stdout);
    let english = temp_file("en.json", &bascule(&["defaults", "--lang", "en"]).stdout);
    let dir = french.parent().expect("dir").to_path_buf();
    assert!(
        bascule(&["pack", "keygen", "--out", path(&dir.join("asso"))])
            .status
            .success()
    );
    let pack = dir.join("pack.json");
    let create = |translation: &Path, out: &Path| {
        bascule(&[
            "pack",
            "create",
            "--scenario",
            path(&french),
            "--translation",
            path(translation),
            "--publisher",
            "Association des directeurs",
            "--publisher-other",
            "Association of CIOs",
            "--title",
            "Hypothèses 2027",
            "--title-other",
            "Assumptions 2027",
            "--published",
            "2027-01-15",
            "--key",
            path(&dir.join("asso.key")),
            "-o",
            path(out),
        ])
    };
    let made = create(&english, &pack);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let verified =
        String::from_utf8_lossy(&bascule(&["pack", "verify", path(&pack)]).stdout).into_owned();
    assert!(verified.contains("pack : Hypothèses 2027"), "{verified}");

    let brief = |lang: &str| {
        let pdf = dir.join(format!("brief-{lang}.pdf"));
        let done = bascule(&[
            "brief",
            "--pack",
            path(&pack),
            "--lang",
            lang,
            "-o",
            path(&pdf),
        ]);
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
        pdf_text(&pdf)
    };
    let en = brief("en");
    for words in [
        "Reference assumptions: Association of CIOs",
        "Foreign authority's access to data",
        "No published Bleu or S3NS price",
    ] {
        assert!(en.contains(words), "{words:?} not in the English briefing");
    }
    assert!(!en.contains("Aucun prix publié pour Bleu"));
    let fr = brief("fr");
    for words in [
        "Hypothèses de référence : Association des directeurs",
        "Accès d'une autorité étrangère aux",
        "Aucun prix publié pour Bleu ni S3NS",
    ] {
        assert!(fr.contains(words), "{words:?} not in the French briefing");
    }

    // A translation with another number is not a translation: refused, naming the field.
    let mut other: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&english).expect("en")).expect("JSON");
    other["trusted_offer"]["premium_pct"]["value"] = "30".into();
    let other = temp_file("other.json", other.to_string().as_bytes());
    let never = dir.join("never.json");
    assert_refused(&create(&other, &never), "trusted_offer.premium_pct.value");
    assert!(!never.exists());
}
