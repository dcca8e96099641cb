//! `bascule pack keygen | create | verify`, and `--pack` for `evaluate` and `brief`.

use crate::input;
use crate::output::unreadable as refuse;
use bascule_briefing::ReferenceNote;
use bascule_model::{Language, Rejection, Scenario};
use bascule_pack::keys;
use bascule_pack::{FORMAT, Logo, Pack, PackError, Publisher, verify_pack};
use base64::Engine;
use clap::{Args, Subcommand};
use ed25519_dalek::VerifyingKey;
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
        #[arg(long)]
        url: Option<String>,
        /// The publisher's logo, SVG or PNG.
        #[arg(long)]
        logo: Option<PathBuf>,
        #[arg(long, default_value = "Hypothèses de référence")]
        title: String,
        #[arg(long = "version", default_value = "1")]
        pack_version: String,
        /// Publication date, YYYY-MM-DD.
        #[arg(long)]
        published: String,
        #[arg(long)]
        description: Option<String>,
        /// The publisher's secret key (NAME.key).
        #[arg(long)]
        key: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
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
        (None, Some((pack, _))) => pack.scenario.clone(),
        (None, None) => {
            let reason = match language {
                Language::Fr => "donnez un fichier de scénario ou --pack".to_owned(),
                Language::En => "give a scenario file or --pack".to_owned(),
            };
            return Err(refuse(language, "", None, reason));
        }
    };
    let note = pack.map(|(pack, verified_key)| ReferenceNote {
        publisher: pack.publisher.name.clone(),
        pack_version: pack.pack_version.clone(),
        verified_key,
        logo_png: pack.logo_png(),
        pack_values: pack.assumption_values(),
    });
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
            url,
            logo,
            title,
            pack_version,
            published,
            description,
            key,
            output,
        } => {
            let mut scenario_data = input::read_scenario(&scenario, language)?;
            // A new pack is written in the current format, whatever version its file had.
            scenario_data.version = bascule_model::scenario::FORMAT_VERSION;
            let secret = keys::read_secret_key(&read_text(&key, "--key", language)?)
                .map_err(|e| refuse_file(language, "--key", &key, e.to_string()))?;
            let logo = match logo {
                None => None,
                Some(path) => Some(read_logo(&path, language)?),
            };
            let pack = Pack {
                format: FORMAT,
                version: 1,
                publisher: Publisher {
                    name: publisher,
                    url,
                    logo,
                },
                title,
                pack_version,
                published,
                description,
                scenario: scenario_data,
                signature: None,
            }
            .sign(&secret);
            let file = pack.to_file();
            // What we write must read back: the same checks as any pack (names, date, logo…).
            verify_pack(&file, &[]).map_err(|e| match e {
                PackError::Invalid(rejection) => rejection,
                other => refuse(language, "", None, other.message(language)),
            })?;
            std::fs::write(&output, file)
                .map_err(|e| refuse_file(language, "--output", &output, e.to_string()))?;
            let (shown, key) = (output.display(), keys::fingerprint(&secret.verifying_key()));
            Ok(match language {
                Language::Fr => format!("pack signé écrit dans {shown} (clé {key})"),
                Language::En => format!("signed pack written to {shown} (key {key})"),
            })
        }
        PackCommand::Verify { pack, trust } => {
            let text = read_text(&pack, "PACK", language)?;
            let trusted = trusted_keys(&trust, language)?;
            let verified = verify_pack(&text, &trusted).map_err(|e| match e {
                PackError::Invalid(rejection) => rejection,
                other => refuse_file(language, "PACK", &pack, other.message(language)),
            })?;
            let p = &verified.pack;
            let (key, publisher, title, version, published) = (
                &verified.fingerprint,
                &p.publisher.name,
                &p.title,
                &p.pack_version,
                &p.published,
            );
            let (trust_fr, trust_en) = if trusted.is_empty() {
                (
                    " (aucune clé de confiance donnée : comparez cette empreinte à celle que publie l'éditeur)",
                    " (no trusted key given: compare this fingerprint with the one the publisher publishes)",
                )
            } else {
                (", une clé de confiance", ", a trusted key")
            };
            Ok(match language {
                Language::Fr => format!(
                    "vérifié : signé par la clé {key}{trust_fr}\néditeur : {publisher}\npack : {title}, version {version}, publié le {published}"
                ),
                Language::En => format!(
                    "verified: signed by key {key}{trust_en}\npublisher: {publisher}\npack: {title}, version {version}, published {published}"
                ),
            })
        }
    }
}

fn read_logo(path: &Path, language: Language) -> Result<Logo, Rejection> {
    let bytes =
        std::fs::read(path).map_err(|e| refuse_file(language, "--logo", path, e.to_string()))?;
    let media_type = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).contains("<svg") {
        "image/svg+xml"
    } else {
        let reason = match language {
            Language::Fr => "le logo doit être un fichier PNG ou SVG".to_owned(),
            Language::En => "the logo must be a PNG or SVG file".to_owned(),
        };
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
            let reason = match language {
                Language::Fr => "le fichier existe déjà ; il n'est pas remplacé".to_owned(),
                Language::En => "the file already exists; it is not replaced".to_owned(),
            };
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
