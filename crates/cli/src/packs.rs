//! `bascule pack keygen | create | verify`, and `--pack` for `evaluate` and `brief`.

use crate::input;
use crate::output::unreadable as refuse;
use crate::pack_words::{SideSaid, VerifiedSaid, pack_words};
use bascule_briefing::ReferenceNote;
use bascule_model::diff_report::{DiffReport, diff_report};
use bascule_model::{Language, Rejection, Scenario};
use bascule_pack::keys;
use bascule_pack::{FORMAT, Logo, Pack, PackError, Publisher, Text, VerifiedPack, verify_pack};
use base64::Engine;
use clap::{Args, Subcommand};
use ed25519_dalek::VerifyingKey;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Where a command takes its scenario from when no scenario file is given.
#[derive(Debug, Args)]
pub struct PackSource {
    /// A reference pack whose scenario to use (its signature is checked first).
    #[arg(long)]
    pack: Option<PathBuf>,
    /// A publisher's public key (`NAME.pub`) the pack must be signed with; repeatable.
    #[arg(long)]
    trust: Vec<PathBuf>,
    /// Use an unsigned pack anyway; the briefing then says "unverified" on every page.
    #[arg(long)]
    accept_unverified: bool,
}

impl PackSource {
    /// Whether `--pack` was given.
    pub fn is_given(&self) -> bool {
        self.pack.is_some()
    }
}

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Make a publisher's key pair: NAME.key (secret, readable by you only) and NAME.pub.
    Keygen {
        #[arg(long)]
        out: PathBuf,
    },
    /// Build a pack from a scenario and sign it.
    Create {
        #[arg(long)]
        scenario: PathBuf,
        #[arg(long)]
        publisher: String,
        /// The publisher's name in the scenario's other language (format version 2).
        #[arg(long)]
        publisher_other: Option<String>,
        #[arg(long)]
        url: Option<String>,
        /// The publisher's logo, SVG or PNG.
        #[arg(long)]
        logo: Option<PathBuf>,
        #[arg(long, default_value = "Hypothèses de référence")]
        title: String,
        /// The title in the scenario's other language.
        #[arg(long)]
        title_other: Option<String>,
        #[arg(long = "version", default_value = "1")]
        pack_version: String,
        /// Publication date, YYYY-MM-DD.
        #[arg(long)]
        published: String,
        #[arg(long)]
        description: Option<String>,
        /// The description in the scenario's other language.
        #[arg(long)]
        description_other: Option<String>,
        /// The same scenario in the other language (same numbers, names and sources
        /// translated): the pack carries both, and each member starts in theirs.
        #[arg(long)]
        translation: Option<PathBuf>,
        /// The pack file this one replaces: its SHA-256 is written as `supersedes`.
        #[arg(long)]
        supersedes: Option<PathBuf>,
        /// The publisher's secret key (NAME.key).
        #[arg(long)]
        key: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// What changed from one pack to its next version, in words, and what each change does
    /// to the net benefit; both signatures are checked first.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// The key both must be signed with (NAME.pub); repeatable.
        #[arg(long)]
        trust: Vec<PathBuf>,
        /// `table` for people (the default on a terminal), `json` for programs.
        #[arg(long, value_enum)]
        format: Option<crate::Format>,
        /// Language of the words (default: the environment's).
        #[arg(long, value_enum)]
        lang: Option<crate::Lang>,
    },
    /// Bring a scenario that started from a pack up to the pack's newer version: the new
    /// pack's values replace the old pack's; the values you changed are kept, and listed.
    Update {
        /// The scenario to bring up to date (it is not changed: the result goes to --output).
        scenario: PathBuf,
        /// The pack the scenario started from.
        #[arg(long)]
        from: PathBuf,
        /// The newer pack.
        #[arg(long)]
        to: PathBuf,
        /// The key both packs must be signed with (NAME.pub); repeatable.
        #[arg(long)]
        trust: Vec<PathBuf>,
        /// Where to write the scenario brought up to date.
        #[arg(short, long)]
        output: PathBuf,
        /// Also write its briefing here, with an appendix on what the update did.
        #[arg(long)]
        brief: Option<PathBuf>,
        #[command(flatten)]
        briefing: crate::BriefingFlags,
    },
    /// Check a pack's signature and say who signed it.
    Verify {
        pack: PathBuf,
        /// The key it must be signed with (NAME.pub); repeatable.
        #[arg(long)]
        trust: Vec<PathBuf>,
    },
}

fn refuse_file(language: Language, flag: &str, path: &Path, reason: String) -> Rejection {
    refuse(language, flag, Some(path.display().to_string()), reason)
}

fn read_text(path: &Path, flag: &str, language: Language) -> Result<String, Rejection> {
    std::fs::read_to_string(path).map_err(|e| refuse_file(language, flag, path, e.to_string()))
}

fn trusted_keys(paths: &[PathBuf], language: Language) -> Result<Vec<VerifyingKey>, Rejection> {
    paths
        .iter()
        .map(|path| {
            keys::read_public_key(&read_text(path, "--trust", language)?)
                .map_err(|e| refuse_file(language, "--trust", path, e.to_string()))
        })
        .collect()
}

/// The scenario of `file`, or else of the pack, with what the briefing should say of the
/// pack when one is given (its publisher, its logo, and its values to compare with).
pub fn scenario_from(
    file: Option<&Path>,
    source: &PackSource,
    language: Language,
) -> Result<(Scenario, Option<ReferenceNote>), Rejection> {
    let pack = match &source.pack {
        None => None,
        Some(path) => Some(load(path, source, language)?),
    };
    let scenario = match (file, &pack) {
        (Some(file), _) => input::read_scenario(file, language)?,
        (None, Some((pack, _))) => pack.scenario_in(language),
        (None, None) => {
            let reason = pack_words(language).scenario_or_pack.to_owned();
            return Err(refuse(language, "", None, reason));
        }
    };
    let note = pack.map(|(pack, verified_key)| pack.reference_note(verified_key, language));
    Ok((scenario, note))
}

/// A pack whose signature holds (with its key's fingerprint), or an unsigned one the user
/// explicitly accepted (no fingerprint).
fn load(
    path: &Path,
    source: &PackSource,
    language: Language,
) -> Result<(Pack, Option<String>), Rejection> {
    let text = read_text(path, "--pack", language)?;
    let trusted = trusted_keys(&source.trust, language)?;
    match verify_pack(&text, &trusted) {
        Ok(verified) => Ok((verified.pack, Some(verified.fingerprint))),
        Err(PackError::Unsigned) if source.accept_unverified => {
            Ok((bascule_pack::parse_pack(&text)?, None))
        }
        Err(PackError::Invalid(rejection)) => Err(rejection),
        Err(error) => Err(refuse_file(
            language,
            "--pack",
            path,
            error.message(language),
        )),
    }
}

pub fn run(command: PackCommand) -> Result<String, Rejection> {
    let language = input::language_from_environment();
    match command {
        PackCommand::Keygen { out } => keygen(&out, language),
        PackCommand::Create {
            scenario,
            publisher,
            publisher_other,
            url,
            logo,
            title,
            title_other,
            pack_version,
            published,
            description,
            description_other,
            translation,
            supersedes,
            key,
            output,
        } => {
            let supersedes = match supersedes {
                None => None,
                Some(path) => Some(bascule_pack::pack_sha256(&read_text(
                    &path,
                    "--supersedes",
                    language,
                )?)),
            };
            let mut scenario_data = input::read_scenario(&scenario, language)?;
            // A new pack is written in the current format, whatever version its file had.
            scenario_data.version = bascule_model::scenario::FORMAT_VERSION;
            let secret = keys::read_secret_key(&read_text(&key, "--key", language)?)
                .map_err(|e| refuse_file(language, "--key", &key, e.to_string()))?;
            let logo = match logo {
                None => None,
                Some(path) => Some(read_logo(&path, language)?),
            };
            let own = scenario_data.language;
            let both = |text: String, other: Option<String>| match other {
                None => Text::One(text),
                Some(other) if own == Language::Fr => Text::Both {
                    fr: text,
                    en: other,
                },
                Some(other) => Text::Both {
                    fr: other,
                    en: text,
                },
            };
            let translations = match translation {
                None => std::collections::BTreeMap::new(),
                Some(path) => {
                    let other = input::read_scenario(&path, language)?;
                    if other.language == own {
                        let reason = pack_words(language).translation_in_the_same_language;
                        return Err(refuse_file(
                            language,
                            "--translation",
                            &path,
                            reason.to_owned(),
                        ));
                    }
                    let texts =
                        bascule_model::translation::texts_of_translation(&scenario_data, &other)?;
                    std::collections::BTreeMap::from([(other.language, texts)])
                }
            };
            let mut pack = Pack {
                format: FORMAT,
                version: 1,
                publisher: Publisher {
                    name: both(publisher, publisher_other),
                    url,
                    logo,
                },
                title: both(title, title_other),
                pack_version,
                published,
                description: description.map(|d| both(d, description_other)),
                supersedes,
                scenario: scenario_data,
                translations,
                signature: None,
            };
            pack.version = pack.version_needed();
            let pack = pack.sign(&secret);
            let file = pack.to_file();
            // What we write must read back: the same checks as any pack (names, date, logo…).
            verify_pack(&file, &[]).map_err(|e| match e {
                PackError::Invalid(rejection) => rejection,
                other => refuse(language, "", None, other.message(language)),
            })?;
            std::fs::write(&output, file)
                .map_err(|e| refuse_file(language, "--output", &output, e.to_string()))?;
            let key = keys::fingerprint(&secret.verifying_key());
            Ok((pack_words(language).written)(
                &output.display().to_string(),
                &key,
            ))
        }
        PackCommand::Diff {
            old,
            new,
            trust,
            format,
            lang,
        } => {
            let language = lang.map_or(language, Language::from);
            let trusted = trusted_keys(&trust, language)?;
            let old = verified_file(&old, "OLD", &trusted, language)?;
            let new = verified_file(&new, "NEW", &trusted, language)?;
            let report = pack_diff(&old, &new, language);
            Ok(match crate::default_format(format) {
                crate::Format::Json => crate::pretty(&report),
                crate::Format::Table => pack_diff_table(&report, language),
            })
        }
        PackCommand::Update {
            scenario,
            from,
            to,
            trust,
            output,
            brief,
            briefing,
        } => update(
            &scenario,
            (&from, &to),
            &trust,
            (&output, brief.as_deref()),
            briefing,
        ),
        PackCommand::Verify { pack, trust } => {
            let trusted = trusted_keys(&trust, language)?;
            let (verified, sha256) = verified_file(&pack, "PACK", &trusted, language)?;
            let p = &verified.pack;
            Ok((pack_words(language).verified)(&VerifiedSaid {
                key: &verified.fingerprint,
                trusted: !trusted.is_empty(),
                publisher: p.publisher.name.get(language),
                title: p.title.get(language),
                version: &p.pack_version,
                published: &p.published,
                sha256: &sha256,
                supersedes: p.supersedes.as_deref(),
            }))
        }
    }
}

/// `bascule pack update`.
fn update(
    scenario: &Path,
    (from, to): (&Path, &Path),
    trust: &[PathBuf],
    (output, brief_to): (&Path, Option<&Path>),
    briefing: crate::BriefingFlags,
) -> Result<String, Rejection> {
    let language = briefing.fallback_language();
    let trusted = trusted_keys(trust, language)?;
    let current = input::read_scenario(scenario, language)?;
    let language = briefing.language_for(&current);
    let (old, _) = verified_file(from, "--from", &trusted, language)?;
    let (new, _) = verified_file(to, "--to", &trusted, language)?;
    bascule_pack::may_update((&old.pack, Some(&old.key)), (&new.pack, Some(&new.key))).map_err(
        |refusal| refuse_file(language, "--to", to, refusal.message(language).to_owned()),
    )?;
    let update = bascule_model::update::bring_up_to_date(
        &current,
        // The packs in the scenario's language: a source is compared as the member has it.
        &old.pack.scenario_in(current.language),
        &new.pack.scenario_in(current.language),
    )?;
    let file = crate::pretty(&update.scenario) + "\n";
    crate::output::write_atomically(output, file.as_bytes())
        .map_err(|e| refuse_file(language, "--output", output, e.to_string()))?;
    let (from_version, to_version) = (old.pack.pack_version.clone(), new.pack.pack_version.clone());
    let subject = bascule_model::diff_report::pack_subject(&to_version, language);
    let report = diff_report(&current, &update.scenario, Some(&subject), language);
    let mut said = (pack_words(language).updated)(
        update.taken.len(),
        update.kept.len(),
        &to_version,
        &output.display().to_string(),
        &report.sentence,
    );
    for kept in &update.kept {
        let label = bascule_model::present::assumption_label(&current, kept.target, language);
        said += &format!("\n  {label} ({})", kept.path);
    }
    if let Some(pdf) = brief_to {
        let reference = new
            .pack
            .reference_note(Some(new.fingerprint.clone()), language);
        let mut request = briefing.request(None, Some(reference));
        request.update = Some(bascule_briefing::UpdateNote::new(
            current,
            update.clone(),
            from_version,
            to_version,
        ));
        crate::brief::write(&update.scenario, pdf, request)?;
    }
    Ok(said)
}

/// A pack file whose signature holds (by one of `trusted` when given), with its SHA-256.
fn verified_file(
    path: &Path,
    flag: &str,
    trusted: &[VerifyingKey],
    language: Language,
) -> Result<(VerifiedPack, String), Rejection> {
    let text = read_text(path, flag, language)?;
    let verified = verify_pack(&text, trusted).map_err(|e| match e {
        PackError::Invalid(rejection) => rejection,
        other => refuse_file(language, flag, path, other.message(language)),
    })?;
    Ok((verified, bascule_pack::pack_sha256(&text)))
}

/// `bascule pack diff --format json`.
#[derive(Debug, Serialize)]
struct PackDiff {
    old: PackSide,
    new: PackSide,
    /// Whether the new pack names the old one's SHA-256 as the pack it replaces.
    supersedes_old: bool,
    /// Whether both are signed by the same key.
    same_key: bool,
    /// What changed in the packs' scenarios, as `bascule diff` says it.
    diff: DiffReport,
}

#[derive(Debug, Serialize)]
struct PackSide {
    title: String,
    publisher: String,
    pack_version: String,
    published: String,
    sha256: String,
    fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    supersedes: Option<String>,
}

fn pack_diff(
    (old, old_sha): &(VerifiedPack, String),
    (new, new_sha): &(VerifiedPack, String),
    language: Language,
) -> PackDiff {
    let side = |v: &VerifiedPack, sha256: &str| PackSide {
        title: v.pack.title.get(language).to_owned(),
        publisher: v.pack.publisher.name.get(language).to_owned(),
        pack_version: v.pack.pack_version.clone(),
        published: v.pack.published.clone(),
        sha256: sha256.to_owned(),
        fingerprint: v.fingerprint.clone(),
        supersedes: v.pack.supersedes.clone(),
    };
    let subject = (pack_words(language).diff_subject)(&new.pack.pack_version);
    PackDiff {
        old: side(old, old_sha),
        new: side(new, new_sha),
        supersedes_old: new.pack.supersedes.as_deref() == Some(old_sha.as_str()),
        same_key: old.key == new.key,
        diff: diff_report(
            &old.pack.scenario_in(language),
            &new.pack.scenario_in(language),
            Some(&subject),
            language,
        ),
    }
}

fn pack_diff_table(diff: &PackDiff, language: Language) -> String {
    let words = pack_words(language);
    let side = |label: &str, s: &PackSide| {
        (words.side)(
            label,
            &SideSaid {
                title: &s.title,
                publisher: &s.publisher,
                version: &s.pack_version,
                published: &s.published,
                key: &s.fingerprint,
            },
        )
    };
    let mut out = side(words.old, &diff.old);
    out += &side(words.new, &diff.new);
    if !diff.same_key {
        out += words.other_keys;
    }
    out += if diff.supersedes_old {
        words.replaces
    } else {
        words.does_not_replace
    };
    out.push('\n');
    out + &crate::diff::table(&diff.diff, language)
}

fn read_logo(path: &Path, language: Language) -> Result<Logo, Rejection> {
    let bytes =
        std::fs::read(path).map_err(|e| refuse_file(language, "--logo", path, e.to_string()))?;
    let media_type = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).contains("<svg") {
        "image/svg+xml"
    } else {
        let reason = pack_words(language).logo_not_an_image.to_owned();
        return Err(refuse_file(language, "--logo", path, reason));
    };
    Ok(Logo {
        media_type: media_type.into(),
        data: base64::engine::general_purpose::STANDARD.encode(bytes),
    })
}

fn keygen(out: &Path, language: Language) -> Result<String, Rejection> {
    let secret_path = out.with_extension("key");
    let public_path = out.with_extension("pub");
    for path in [&secret_path, &public_path] {
        if path.exists() {
            let reason = pack_words(language).file_exists.to_owned();
            return Err(refuse_file(language, "--out", path, reason));
        }
    }
    let key = keys::generate().map_err(|e| refuse(language, "", None, e.to_string()))?;
    write_private(&secret_path, &keys::secret_key_text(&key))
        .map_err(|e| refuse_file(language, "--out", &secret_path, e.to_string()))?;
    std::fs::write(&public_path, keys::public_key_text(&key.verifying_key()))
        .map_err(|e| refuse_file(language, "--out", &public_path, e.to_string()))?;
    Ok(format!(
        "{}\n{}\n{}",
        secret_path.display(),
        public_path.display(),
        keys::fingerprint(&key.verifying_key())
    ))
}

/// Created readable and writable by its owner only (0600), never wider even for a moment.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
