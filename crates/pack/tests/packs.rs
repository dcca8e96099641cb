//! Signed packs: what verifies, and every way a pack is refused, with the right reason.

use bascule_model::Language;
use bascule_model::reference::reference_scenario;
use bascule_pack::keys::{self, generate};
use bascule_pack::{FORMAT, Pack, PackError, Publisher, SignatureFault, parse_pack, verify_pack};
use ed25519_dalek::SigningKey;

fn test_key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn pack() -> Pack {
    Pack {
        format: FORMAT,
        version: 1,
        publisher: Publisher {
            name: "Association exemple".into(),
            url: Some("https://example.org".into()),
            logo: None,
        },
        title: "Hypothèses de référence 2026".into(),
        pack_version: "2026.1".into(),
        published: "2026-11-29".into(),
        description: Some("Prix, primes et risques, sourcés.".into()),
        supersedes: None,
        translations: std::collections::BTreeMap::new(),
        scenario: reference_scenario(Language::Fr).expect("valid"),
        signature: None,
    }
}

#[test]
fn a_signed_pack_round_trips_and_verifies() {
    let key = generate().expect("random");
    let file = pack().sign(&key).to_file();
    let verified = verify_pack(&file, &[]).expect("verifies");
    assert_eq!(verified.key, key.verifying_key());
    assert_eq!(
        verified.fingerprint,
        keys::fingerprint(&key.verifying_key())
    );
    assert_eq!(verified.pack.scenario, pack().scenario);
    // Trusted by that very key, too.
    verify_pack(&file, &[key.verifying_key()]).expect("trusted");
}

#[test]
fn layout_does_not_matter_content_does() {
    let file = pack().sign(&test_key(1)).to_file();
    let compact: serde_json::Value = serde_json::from_str(&file).expect("json");
    verify_pack(&compact.to_string(), &[]).expect("the same pack, written without spaces");
}

/// Any single byte changed anywhere in the file: refused, unless the pack read back is the
/// very same (a changed space) — a verified pack is always the pack that was signed.
#[test]
fn any_single_altered_byte_is_refused_or_changes_nothing() {
    let original = pack().sign(&test_key(2));
    let file = original.to_file();
    let bytes = file.as_bytes();
    let step = (bytes.len() / 400).max(1);
    let mut refused = 0;
    for at in (0..bytes.len()).step_by(step) {
        let mut altered = bytes.to_vec();
        altered[at] = if altered[at] == b'7' {
            b'8'
        } else if altered[at].is_ascii_digit() {
            b'7'
        } else {
            altered[at] ^ 0x01
        };
        let Ok(text) = String::from_utf8(altered) else {
            continue;
        };
        match verify_pack(&text, &[]) {
            Ok(verified) => assert_eq!(
                verified.pack, original,
                "byte {at} changed the pack yet it verified"
            ),
            Err(
                PackError::Altered
                | PackError::Invalid(_)
                | PackError::MalformedSignature(_)
                | PackError::Unsigned,
            ) => refused += 1,
            Err(other) => panic!("byte {at}: unexpected {other:?}"),
        }
    }
    assert!(refused > 300, "{refused} refused");
}

#[test]
fn a_changed_figure_is_an_alteration() {
    let file = pack().sign(&test_key(3)).to_file();
    let altered = file.replacen("\"value\": \"22.5\"", "\"value\": \"22.6\"", 1);
    assert_ne!(altered, file);
    assert_eq!(verify_pack(&altered, &[]), Err(PackError::Altered));
    let renamed = file.replacen("Association exemple", "Association exempte", 1);
    assert_eq!(verify_pack(&renamed, &[]), Err(PackError::Altered));
}

/// A pack brings its own sources as the scenario's `bibliography`: signed with the rest,
/// cited like Bascule's, and an altered citation is an alteration.
#[test]
fn a_pack_carries_its_own_bibliography_under_its_signature() {
    let mut with_sources = pack();
    with_sources.scenario.bibliography = vec![bascule_model::bibliography::Source {
        id: "assoc_survey_2026".into(),
        publisher: "Association exemple".into(),
        title: Some("Enquête 2026 auprès des membres".into()),
        date: Some("2026-10".into()),
        address: None,
        supports: Some("prime médiane de 22 % sur 41 membres".into()),
    }];
    with_sources.scenario.trusted_offer.premium_pct.cites = vec!["assoc_survey_2026".into()];
    let file = with_sources.sign(&test_key(7)).to_file();
    let verified = verify_pack(&file, &[]).expect("verifies");
    let scenario = &verified.pack.scenario;
    let cited = bascule_model::bibliography::cited(scenario, Language::Fr);
    assert!(
        cited.iter().any(|s| s.id == "assoc_survey_2026"),
        "{cited:?}"
    );
    let altered = file.replacen("prime médiane de 22 %", "prime médiane de 12 %", 1);
    assert_ne!(altered, file);
    assert_eq!(verify_pack(&altered, &[]), Err(PackError::Altered));
}

#[test]
fn a_swapped_public_key_is_refused() {
    let signed = pack().sign(&test_key(4));
    let mut swapped = signed.clone();
    let other = pack().sign(&test_key(5));
    if let (Some(s), Some(o)) = (swapped.signature.as_mut(), other.signature.as_ref()) {
        s.public_key = o.public_key.clone();
    }
    assert_eq!(
        verify_pack(&swapped.to_file(), &[]),
        Err(PackError::Altered)
    );
}

#[test]
fn a_truncated_signature_is_malformed() {
    let mut signed = pack().sign(&test_key(6));
    if let Some(s) = signed.signature.as_mut() {
        s.value.truncate(s.value.len() - 8);
        s.value.push_str("====");
    }
    let result = verify_pack(&signed.to_file(), &[]);
    assert!(
        matches!(
            &result,
            Err(PackError::MalformedSignature(
                SignatureFault::SignatureLength(_) | SignatureFault::SignatureNotBase64
            ))
        ),
        "{result:?}"
    );
    // Said whole in the user's language, the fault included.
    let said = result
        .err()
        .map(|e| e.message(bascule_model::Language::Fr))
        .unwrap_or_default();
    assert!(
        said.starts_with("la signature est mal formée (la signature "),
        "{said}"
    );
}

#[test]
fn unsigned_and_untrusted_packs_say_so() {
    assert_eq!(
        verify_pack(&pack().to_file(), &[]),
        Err(PackError::Unsigned)
    );
    let file = pack().sign(&test_key(7)).to_file();
    let trusted = test_key(8).verifying_key();
    let result = verify_pack(&file, &[trusted]);
    assert_eq!(
        result,
        Err(PackError::UntrustedKey {
            expected: keys::fingerprint(&trusted),
            found: keys::fingerprint(&test_key(7).verifying_key())
        })
    );
}

#[test]
fn a_broken_scenario_is_refused_with_its_field_paths() {
    let file = pack().sign(&test_key(9)).to_file();
    let broken = file
        .replacen("\"horizon_years\": 5", "\"horizon_years\": 50", 1)
        .replacen("\"users\": 10000", "\"users\": \"many\"", 1);
    let Err(PackError::Invalid(rejection)) = verify_pack(&broken, &[]) else {
        panic!("a broken scenario must be refused")
    };
    let paths: Vec<&str> = rejection.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["scenario.organisation.users", "scenario.horizon_years"]
    );
    assert!(
        rejection
            .to_string()
            .contains("scenario.horizon_years (valeur 50): hors limites"),
        "{rejection}"
    );
}

#[test]
fn pack_fields_are_checked_like_a_scenarios() {
    let file = pack().to_file();
    let bad = file
        .replacen(
            "\"format\": \"bascule.pack\"",
            "\"format\": \"bascule.pak\"",
            1,
        )
        .replacen(
            "\"published\": \"2026-11-29\"",
            "\"published\": \"2026-02-30\"",
            1,
        )
        .replacen(
            "\"title\": \"Hypothèses de référence 2026\",",
            "\"title\": \"\", \"colour\": 1,",
            1,
        );
    let rejection = parse_pack(&bad).expect_err("refused");
    let paths: Vec<&str> = rejection.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["colour", "format", "title", "published"],
        "{rejection}"
    );
    let logo = file.replacen(
        "\"url\": \"https://example.org\"",
        "\"logo\": {\"media_type\": \"image/gif\", \"data\": \"%%%\"}",
        1,
    );
    let paths: Vec<String> = parse_pack(&logo)
        .expect_err("refused")
        .problems
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(paths, ["publisher.logo.media_type", "publisher.logo.data"]);
}

#[test]
fn a_pack_names_the_pack_it_supersedes_in_version_2_only() {
    let key = generate().expect("random");
    let old = pack().sign(&key).to_file();
    let mut newer = pack();
    newer.pack_version = "2027.1".into();
    newer.supersedes = Some(bascule_pack::pack_sha256(&old));
    newer.version = newer.version_needed();
    assert_eq!(newer.version, 2);
    let file = newer.sign(&key).to_file();
    let verified = verify_pack(&file, &[]).expect("verifies");
    assert_eq!(verified.pack.version, 2);
    assert_eq!(
        verified.pack.supersedes.as_deref(),
        Some(bascule_pack::pack_sha256(&old).as_str())
    );
    // The hash is signed: changing it is an alteration.
    let other = file.replace(&bascule_pack::pack_sha256(&old), &"0".repeat(64));
    assert_eq!(verify_pack(&other, &[]), Err(PackError::Altered));
    // A version-1 pack cannot carry it; a hash must be 64 lower-case hex digits.
    let as_version_1 = file.replacen("\"version\": 2", "\"version\": 1", 1);
    let problems = match verify_pack(&as_version_1, &[]) {
        Err(PackError::Invalid(rejection)) => rejection.render(),
        other => panic!("{other:?}"),
    };
    assert!(problems.contains("supersedes"), "{problems}");
    assert!(problems.contains("\"version\": 2"), "{problems}");
    let upper = file.replace(
        &bascule_pack::pack_sha256(&old),
        &bascule_pack::pack_sha256(&old).to_uppercase(),
    );
    let problems = match verify_pack(&upper, &[]) {
        Err(PackError::Invalid(rejection)) => rejection.render(),
        other => panic!("{other:?}"),
    };
    assert!(problems.contains("SHA-256"), "{problems}");
}

#[test]
fn a_pack_in_both_languages_gives_each_member_theirs() {
    let key = generate().expect("random");
    let french = reference_scenario(Language::Fr).expect("valid");
    let english = reference_scenario(Language::En).expect("valid");
    let texts =
        bascule_model::translation::texts_of_translation(&french, &english).expect("texts only");
    let mut bilingual = pack();
    bilingual.title = bascule_pack::Text::Both {
        fr: "Hypothèses de référence 2026".into(),
        en: "Reference assumptions 2026".into(),
    };
    bilingual.translations = std::collections::BTreeMap::from([(Language::En, texts)]);
    bilingual.version = bilingual.version_needed();
    assert_eq!(bilingual.version, 2);
    let file = bilingual.sign(&key).to_file();
    let verified = verify_pack(&file, &[]).expect("verifies").pack;
    assert_eq!(
        verified.title.get(Language::En),
        "Reference assumptions 2026"
    );
    assert_eq!(
        verified.title.get(Language::Fr),
        "Hypothèses de référence 2026"
    );
    assert_eq!(
        verified.publisher.name.get(Language::En),
        "Association exemple"
    );
    assert_eq!(verified.scenario_in(Language::En), english);
    assert_eq!(verified.scenario_in(Language::Fr), french);

    // The translations are signed: an altered English source is an alteration.
    assert!(file.contains("\"Reference organisation\""));
    let altered = file.replacen("\"Reference organisation\"", "\"Another organisation\"", 1);
    assert_eq!(verify_pack(&altered, &[]), Err(PackError::Altered));
    // In a version-1 pack both fields are refused; a path that is no text, at its place.
    let problems = |text: &str| match parse_pack(text) {
        Err(rejection) => rejection.render(),
        Ok(_) => panic!("accepted"),
    };
    let as_version_1 = problems(&file.replacen("\"version\": 2", "\"version\": 1", 1));
    assert!(as_version_1.contains("title"), "{as_version_1}");
    assert!(as_version_1.contains("translations"), "{as_version_1}");
    let no_text = problems(&file.replacen("\"risks[0].name\"", "\"risks[0].id\"", 1));
    assert!(no_text.contains("translations.en.risks[0].id"), "{no_text}");
    let own_language = problems(&file.replacen("\"en\": {\n      \"", "\"fr\": {\n      \"", 1));
    assert!(own_language.contains("translations.fr"), "{own_language}");
}
