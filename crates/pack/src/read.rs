//! Reading a pack file: its own fields checked here, its scenario by the model's reader
//! (problems named `scenario.…`).

use crate::{FORMAT, Logo, MAX_LOGO_BYTES, Pack, PackSignature, Publisher, Text};
use bascule_model::json::{Json, JsonError, MAX_FILE_BYTES};
use bascule_model::problem::{Expected, Problem, ProblemKind, Rejection};
use bascule_model::translation::Texts;
use bascule_model::{Language, parse_scenario_or};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use std::collections::BTreeMap;

/// A pack, logo included, is read under the same cap as a scenario file (2 MiB): a
/// 512 KiB logo in base64 and a scenario fit well within it.
const MAX_PACK_BYTES: usize = MAX_FILE_BYTES;

/// The problems found, and the paths of the texts given in both languages (a field of
/// format version 2, refused in a version-1 pack once the version is known).
#[derive(Default)]
struct Problems(Vec<Problem>, Vec<String>);

impl Problems {
    fn add(&mut self, path: &str, value: Option<&Json>, kind: ProblemKind) {
        self.0
            .push(Problem::new(path, value.map(Json::excerpt), kind));
    }

    fn object<'a>(
        &mut self,
        node: &'a Json,
        path: &str,
        allowed: &[&'static str],
    ) -> Option<&'a [(String, Json)]> {
        let Json::Object(members) = node else {
            self.add(
                path,
                None,
                ProblemKind::WrongType {
                    expected: Expected::Object,
                    found: node.kind(),
                },
            );
            return None;
        };
        for (i, (key, _)) in members.iter().enumerate() {
            let at = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if !allowed.contains(&key.as_str()) {
                self.add(
                    &at,
                    None,
                    ProblemKind::UnknownField {
                        allowed: allowed.to_vec(),
                    },
                );
            } else if members[..i].iter().any(|(k, _)| k == key) {
                self.add(&at, None, ProblemKind::DuplicateField);
            }
        }
        Some(members)
    }

    fn text(
        &mut self,
        members: &[(String, Json)],
        path: &str,
        key: &str,
        (min, max): (usize, usize),
        required: bool,
    ) -> Option<String> {
        let at = if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        };
        match members.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
            None if required => {
                self.add(&at, None, ProblemKind::Missing);
                None
            }
            None => None,
            Some(Json::String(text)) => {
                let found = text.chars().count();
                if (min..=max).contains(&found) {
                    Some(text.clone())
                } else {
                    self.add(&at, None, ProblemKind::Length { min, max, found });
                    None
                }
            }
            Some(other) => {
                self.add(
                    &at,
                    Some(other),
                    ProblemKind::WrongType {
                        expected: Expected::String,
                        found: other.kind(),
                    },
                );
                None
            }
        }
    }
}

impl Problems {
    /// A text, or (format version 2) one per language: `{ "fr": …, "en": … }`.
    fn bilingual(
        &mut self,
        members: &[(String, Json)],
        path: &str,
        key: &str,
        bounds: (usize, usize),
        required: bool,
    ) -> Option<Text> {
        let at = if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        };
        match member(members, key) {
            Some(node @ Json::Object(_)) => {
                let both = self.object(node, &at, &["fr", "en"])?;
                let fr = self.text(both, &at, "fr", bounds, true);
                let en = self.text(both, &at, "en", bounds, true);
                self.1.push(at);
                Some(Text::Both { fr: fr?, en: en? })
            }
            _ => self
                .text(members, path, key, bounds, required)
                .map(Text::One),
        }
    }
}

fn member<'a>(members: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Reads a pack file's text; every problem is reported, the scenario's at `scenario.…`.
pub fn parse_pack(text: &str) -> Result<Pack, Rejection> {
    let file_problem = |kind| Rejection::of_file(Language::Fr, kind);
    if text.len() > MAX_PACK_BYTES {
        return Err(file_problem(ProblemKind::FileTooLarge {
            bytes: text.len() as u64,
            max: MAX_PACK_BYTES,
        }));
    }
    let json = match Json::parse(text) {
        Ok(json) => json,
        Err(JsonError::TooLarge { bytes }) => {
            return Err(file_problem(ProblemKind::FileTooLarge {
                bytes: bytes as u64,
                max: MAX_PACK_BYTES,
            }));
        }
        Err(JsonError::Syntax { line, column, .. }) => {
            return Err(file_problem(ProblemKind::Syntax { line, column }));
        }
    };
    let mut problems = Problems::default();
    let allowed = [
        "format",
        "version",
        "publisher",
        "title",
        "pack_version",
        "published",
        "description",
        "supersedes",
        "scenario",
        "translations",
        "signature",
    ];
    let Some(members) = problems.object(&json, "", &allowed) else {
        return Err(Rejection {
            language: Language::Fr,
            problems: problems.0,
        });
    };
    // The scenario says the language the problems are worded in.
    let scenario_node = member(members, "scenario");
    let language = match scenario_node {
        Some(Json::Object(s))
            if s.iter()
                .any(|(k, v)| k == "language" && *v == Json::String("en".into())) =>
        {
            Language::En
        }
        _ => Language::Fr,
    };

    let format_ok = match member(members, "format") {
        Some(Json::String(f)) if f == FORMAT => true,
        other => {
            problems.add(
                "format",
                other,
                if other.is_none() {
                    ProblemKind::Missing
                } else {
                    ProblemKind::NotOneOf {
                        allowed: vec![FORMAT],
                    }
                },
            );
            false
        }
    };
    let version = match member(members, "version") {
        Some(Json::Number(v)) if v == "1" => Some(1),
        Some(Json::Number(v)) if v == "2" => Some(2),
        other => {
            problems.add(
                "version",
                other,
                if other.is_none() {
                    ProblemKind::Missing
                } else {
                    ProblemKind::NotOneOf {
                        allowed: vec!["1", "2"],
                    }
                },
            );
            None
        }
    };
    let publisher = read_publisher(&mut problems, member(members, "publisher"));
    let title = problems.bilingual(members, "", "title", (1, 200), true);
    let pack_version = problems.text(members, "", "pack_version", (1, 50), true);
    let published = problems
        .text(members, "", "published", (10, 10), true)
        .and_then(|date| {
            if bascule_model::dates::is_full_date(&date) {
                Some(date)
            } else {
                problems.add(
                    "published",
                    Some(&Json::String(date.clone())),
                    ProblemKind::BadDate,
                );
                None
            }
        });
    let description = problems.bilingual(members, "", "description", (0, 5000), false);
    let supersedes = problems
        .text(members, "", "supersedes", (64, 64), false)
        .and_then(|hash| {
            let found = Some(&Json::String(hash.clone()));
            if !hash
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
            {
                problems.add("supersedes", found, ProblemKind::NotSha256);
                None
            } else if version == Some(1) {
                problems.add(
                    "supersedes",
                    found,
                    ProblemKind::NeedsVersion { version: 2 },
                );
                None
            } else {
                Some(hash)
            }
        });
    let scenario = match scenario_node {
        None => {
            problems.add("scenario", None, ProblemKind::Missing);
            None
        }
        Some(node) => match parse_scenario_or(&node.to_text(), language) {
            Ok(scenario) => Some(scenario),
            Err(rejection) => {
                for mut problem in rejection.problems {
                    problem.path = if problem.path.is_empty() {
                        "scenario".into()
                    } else {
                        format!("scenario.{}", problem.path)
                    };
                    problems.0.push(problem);
                }
                None
            }
        },
    };
    let signature = read_signature(&mut problems, member(members, "signature"));
    let translations = read_translations(
        &mut problems,
        member(members, "translations"),
        scenario.as_ref(),
    );
    // Both languages are of version 2: a version-1 pack that has them says so.
    if version == Some(1) {
        let mut newer = std::mem::take(&mut problems.1);
        if translations.as_ref().is_some_and(|t| !t.is_empty()) {
            newer.push("translations".into());
        }
        for at in newer {
            problems.add(&at, None, ProblemKind::NeedsVersion { version: 2 });
        }
    }

    if !problems.0.is_empty() {
        return Err(Rejection {
            language,
            problems: problems.0,
        });
    }
    match (
        format_ok,
        version,
        publisher,
        title,
        pack_version,
        published,
        scenario,
        signature,
        translations,
    ) {
        (
            true,
            Some(version),
            Some(publisher),
            Some(title),
            Some(pack_version),
            Some(published),
            Some(scenario),
            Some(signature),
            Some(translations),
        ) => Ok(Pack {
            format: FORMAT,
            version,
            publisher,
            title,
            pack_version,
            published,
            description,
            supersedes,
            scenario,
            translations,
            signature,
        }),
        _ => Err(Rejection {
            language,
            problems: vec![Problem::new("", None, ProblemKind::Missing)],
        }),
    }
}

fn read_publisher(problems: &mut Problems, node: Option<&Json>) -> Option<Publisher> {
    let Some(node) = node else {
        problems.add("publisher", None, ProblemKind::Missing);
        return None;
    };
    let members = problems.object(node, "publisher", &["name", "url", "logo"])?;
    let name = problems.bilingual(members, "publisher", "name", (1, 200), true);
    let url = problems.text(members, "publisher", "url", (1, 500), false);
    let logo = match member(members, "logo") {
        None => Some(None),
        Some(node) => read_logo(problems, node).map(Some),
    };
    Some(Publisher {
        name: name?,
        url,
        logo: logo?,
    })
}

fn read_logo(problems: &mut Problems, node: &Json) -> Option<Logo> {
    let members = problems.object(node, "publisher.logo", &["media_type", "data"])?;
    let media_type = problems
        .text(members, "publisher.logo", "media_type", (1, 50), true)
        .and_then(|m| {
            if m == "image/svg+xml" || m == "image/png" {
                Some(m)
            } else {
                problems.add(
                    "publisher.logo.media_type",
                    Some(&Json::String(m)),
                    ProblemKind::NotOneOf {
                        allowed: vec!["image/svg+xml", "image/png"],
                    },
                );
                None
            }
        });
    let data = problems
        .text(
            members,
            "publisher.logo",
            "data",
            (1, MAX_LOGO_BYTES * 2),
            true,
        )
        .and_then(|data| match STANDARD.decode(&data) {
            Ok(bytes) if bytes.len() <= MAX_LOGO_BYTES => Some(data),
            Ok(bytes) => {
                problems.add(
                    "publisher.logo.data",
                    None,
                    ProblemKind::FileTooLarge {
                        bytes: bytes.len() as u64,
                        max: MAX_LOGO_BYTES,
                    },
                );
                None
            }
            Err(_) => {
                problems.add("publisher.logo.data", None, ProblemKind::NotBase64);
                None
            }
        });
    Some(Logo {
        media_type: media_type?,
        data: data?,
    })
}

/// `translations`: `{ "en": { "<path>": "<text>", … } }`, the scenario's names and sources
/// in a language other than its own; each must apply (a text at an existing text path).
fn read_translations(
    problems: &mut Problems,
    node: Option<&Json>,
    scenario: Option<&bascule_model::Scenario>,
) -> Option<BTreeMap<Language, Texts>> {
    let Some(node) = node else {
        return Some(BTreeMap::new());
    };
    let languages = problems.object(node, "translations", &["fr", "en"])?;
    let mut all = BTreeMap::new();
    for (key, texts) in languages {
        let language = if key == "en" {
            Language::En
        } else {
            Language::Fr
        };
        let at = format!("translations.{key}");
        if scenario.is_some_and(|s| s.language == language) {
            problems.add(
                &at,
                None,
                ProblemKind::NotOneOf {
                    allowed: vec![if language == Language::Fr { "en" } else { "fr" }],
                },
            );
            continue;
        }
        let Json::Object(entries) = texts else {
            problems.add(
                &at,
                Some(texts),
                ProblemKind::WrongType {
                    expected: Expected::Object,
                    found: texts.kind(),
                },
            );
            continue;
        };
        let mut read = Texts::new();
        for (path, _) in entries {
            if let Some(text) = problems.text(entries, &at, path, (1, 5000), true) {
                read.insert(path.clone(), text);
            }
        }
        if let Some(scenario) = scenario
            && let Err(rejection) =
                bascule_model::translation::translated(scenario, language, &read)
        {
            for mut problem in rejection.problems {
                problem.path = format!("{at}.{}", problem.path);
                problems.0.push(problem);
            }
        }
        all.insert(language, read);
    }
    Some(all)
}

fn read_signature(problems: &mut Problems, node: Option<&Json>) -> Option<Option<PackSignature>> {
    let Some(node) = node else { return Some(None) };
    let members = problems.object(node, "signature", &["algorithm", "public_key", "value"])?;
    let algorithm = problems
        .text(members, "signature", "algorithm", (1, 20), true)
        .and_then(|a| {
            if a == "ed25519" {
                Some("ed25519")
            } else {
                problems.add(
                    "signature.algorithm",
                    Some(&Json::String(a)),
                    ProblemKind::NotOneOf {
                        allowed: vec!["ed25519"],
                    },
                );
                None
            }
        });
    let public_key = problems.text(members, "signature", "public_key", (1, 200), true);
    let value = problems.text(members, "signature", "value", (1, 200), true);
    Some(Some(PackSignature {
        algorithm: algorithm?,
        public_key: public_key?,
        value: value?,
    }))
}
